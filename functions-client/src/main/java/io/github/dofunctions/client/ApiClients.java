package io.github.dofunctions.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
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
	 * Check a base URL, and return it without a trailing slash.
	 * @throws IllegalArgumentException if it is not an absolute http or https URL, uses
	 * plain http to a host that is not loopback, carries credentials, a query or a
	 * fragment, or ends with the API's own {@code /v2}
	 */
	static String checkBaseUrl(String baseUrl) {
		URI uri;
		try {
			uri = URI.create(baseUrl.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("baseUrl '" + baseUrl + "' is not a valid URL", ex);
		}
		// Credentials in the URL are never repeated: not even in this message.
		Assert.isTrue(uri.getRawUserInfo() == null,
				"baseUrl must not carry credentials (user:password@host): the client authenticates with the token");
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		Assert.isTrue(uri.getHost() != null && (scheme.equals("https") || scheme.equals("http")),
				() -> "baseUrl '" + baseUrl + "' must be an absolute http or https URL");
		Assert.isTrue(scheme.equals("https") || isLoopback(uri.getHost()),
				() -> "baseUrl '" + baseUrl
						+ "' uses plain http to a host that is not loopback: the API token would cross the network "
						+ "unencrypted. Use https, or http only for localhost (such as the emulator)");
		Assert.isTrue(uri.getRawQuery() == null && uri.getRawFragment() == null,
				() -> "baseUrl '" + baseUrl + "' must not have a query or a fragment");
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		Assert.isTrue(!path.matches("(?i).*/v2/?"),
				() -> "baseUrl '" + baseUrl
						+ "' must not end with /v2: the client adds the API's paths (/v2/functions/...) itself; use "
						+ uri.resolve("/").toString().replaceAll("/$", "") + path.replaceAll("(?i)/v2/?$", ""));
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	private static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		// Only IP literals are resolved here: a name would need a DNS lookup, and DNS
		// can point anywhere.
		boolean ipLiteral = name.startsWith("[") || name.matches("[0-9.]+");
		if (!ipLiteral) {
			return false;
		}
		try {
			return InetAddress.getByName(name).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
