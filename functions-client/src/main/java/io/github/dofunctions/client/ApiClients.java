package io.github.dofunctions.client;

import java.net.URI;
import java.util.List;

import io.github.dofunctions.client.model.ClientRules;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.DefaultUriBuilderFactory.EncodingMode;

/**
 * How the client talks to a host, the control plane or a namespace's API host: the URLs
 * it accepts (https, or http to a loopback host only, since credentials would cross the
 * network in clear text) and the {@link WebClient} it makes for one (strict encoding of
 * path variables, JSON, its user agent, no request details in logs).
 */
final class ApiClients {

	private final WebClient.Builder webClientBuilder;

	private final @Nullable String userAgent;

	private final @Nullable ObservationRegistry observationRegistry;

	/**
	 * @param webClientBuilder copied for each host; not modified
	 * @param userAgent the application's product token, or {@code null}
	 * @param observationRegistry observes each request, or {@code null} to keep the
	 * builder's
	 */
	ApiClients(WebClient.Builder webClientBuilder, @Nullable String userAgent,
			@Nullable ObservationRegistry observationRegistry) {
		this.webClientBuilder = webClientBuilder;
		this.userAgent = userAgent;
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Make the client of one host.
	 * @param baseUrl the host's base URL, as {@link #checkBaseUrl} returns it
	 */
	WebClient webClient(String baseUrl) {
		DefaultUriBuilderFactory uriBuilderFactory = new DefaultUriBuilderFactory(baseUrl);
		uriBuilderFactory.setEncodingMode(EncodingMode.TEMPLATE_AND_VALUES);
		WebClient.Builder builder = this.webClientBuilder.clone();
		if (this.observationRegistry != null) {
			builder.observationRegistry(this.observationRegistry);
		}
		return builder.uriBuilderFactory(uriBuilderFactory).defaultHeaders((headers) -> {
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			headers.set(HttpHeaders.USER_AGENT, UserAgent.of(this.userAgent));
		})
			// Spring logs request headers at TRACE when request details are enabled:
			// keep the Authorization header out of the logs.
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false))
			.build();
	}

	/**
	 * Check a base URL by {@link ClientRules#baseUrl}, and return it without a trailing
	 * slash.
	 * @throws IllegalArgumentException if it breaks the rule
	 */
	static String checkBaseUrl(String baseUrl) {
		ClientRules.check("baseUrl", ClientRules.baseUrl(baseUrl));
		String text = URI.create(baseUrl.trim()).toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

}
