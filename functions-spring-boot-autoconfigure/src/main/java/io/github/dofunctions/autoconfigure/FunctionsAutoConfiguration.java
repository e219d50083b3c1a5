package io.github.dofunctions.autoconfigure;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the DigitalOcean Functions client: a {@link FunctionsOperations}
 * bean built from {@link FunctionsConnectionDetails} and Spring Boot's
 * {@link WebClient.Builder}.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, ClientHttpConnectorBuilder.class })
@ConditionalOnBooleanProperty(name = "do.functions.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FunctionsProperties.class)
public final class FunctionsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(FunctionsConnectionDetails.class)
	PropertiesFunctionsConnectionDetails functionsConnectionDetails(FunctionsProperties properties,
			Environment environment) {
		return new PropertiesFunctionsConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionsResilience functionsResilience(FunctionsProperties properties,
			ObjectProvider<CircuitBreakerRegistry> circuitBreakerRegistry) {
		FunctionsProperties.Retry retry = properties.getRetry();
		FunctionsResilience.Builder builder = FunctionsResilience.builder()
			.callTimeout(properties.getCallTimeout())
			.maxRateLimitWait(retry.getMaxRateLimitWait());
		if (retry.isEnabled()) {
			builder.retry(new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMultiplier(),
					retry.getMaxBackoff()));
		}
		else {
			builder.noRetry();
		}
		if (properties.getCircuitBreaker().isEnabled()) {
			builder.circuitBreaker(FunctionsCircuitBreakers.create(properties.getCircuitBreaker(),
					circuitBreakerRegistry.getIfAvailable()));
		}
		else {
			builder.noCircuitBreaker();
		}
		if (properties.getRateLimit().isEnabled()) {
			builder.pacing(properties.getRateLimit().getRequestsPerMinute());
		}
		else {
			builder.noPacing();
		}
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean(FunctionsOperations.class)
	FunctionsTemplate functionsTemplate(FunctionsProperties properties, FunctionsConnectionDetails connectionDetails,
			FunctionsResilience resilience,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<FunctionsWebClientCustomizer> customizers) {
		String token = connectionDetails.getToken();
		if (token == null || token.isBlank()) {
			throw new MissingFunctionsTokenException();
		}
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), properties.getResponseTimeout());
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder)
			.clone()
			.clientConnector(connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect).build(settings));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return FunctionsTemplate.builder()
			.webClientBuilder(builder)
			.baseUrl(connectionDetails.getBaseUrl())
			.tokenSupplier(connectionDetails::getToken)
			.userAgent(properties.getUserAgent())
			.maxResponseSize(properties.getMaxResponseSize())
			.resilience(resilience)
			.build();
	}

}
