package io.github.dofunctions.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@link WebClient.Builder} the client is built on, assembled once for the control
 * plane and the API hosts alike: a copy of Spring Boot's builder, the
 * {@link FunctionsWebClientCustomizer}s in order, then the connector of Boot's
 * {@link ClientHttpConnectorBuilder} (with its customizers) built from the application's
 * HTTP client settings. A connector set on the builder by a customizer is replaced.
 * <p>
 * Two of the settings are the client's own, whatever the application's defaults: no
 * redirect is followed, since DigitalOcean does not redirect and a redirect followed
 * would carry the credential to another host (the JDK client repeats the
 * {@code Authorization} header there); and the connector has no read timeout of its own,
 * since the client times each attempt's whole answer itself
 * ({@code do.functions.response-timeout},
 * {@code do.functions.invocation.response-timeout}).
 */
final class FunctionsWebClientBuilder {

	private final WebClient.Builder builder;

	FunctionsWebClientBuilder(WebClient.Builder builder, ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettings settings, Duration connectTimeout,
			ObjectProvider<FunctionsWebClientCustomizer> customizers) {
		this.builder = builder.clone();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(this.builder));
		// Last, so that no customizer's connector, which may follow redirects, is used:
		// the
		// connector is customized through Boot's ClientHttpConnectorBuilder instead.
		this.builder.clientConnector(connectorBuilder
			.build(settings.withTimeouts(connectTimeout, null).withRedirects(HttpRedirects.DONT_FOLLOW)));
	}

	/**
	 * Return the builder, which the client copies before it adds what the API needs.
	 */
	WebClient.Builder get() {
		return this.builder;
	}

}
