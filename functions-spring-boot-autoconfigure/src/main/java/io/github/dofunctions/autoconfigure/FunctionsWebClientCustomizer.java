package io.github.dofunctions.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of the DigitalOcean Functions client only,
 * after the application's {@code WebClientCustomizer}s and in {@code @Order}. The client
 * then sets its base URL, headers and JSON handling, which a customizer cannot change.
 */
@FunctionalInterface
public interface FunctionsWebClientCustomizer {

	/**
	 * Customize the builder.
	 * @param webClientBuilder the client's own copy of the builder
	 */
	void customize(WebClient.Builder webClientBuilder);

}
