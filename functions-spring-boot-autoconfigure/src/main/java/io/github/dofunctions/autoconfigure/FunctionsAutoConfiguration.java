package io.github.dofunctions.autoconfigure;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.FunctionsTemplate;

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
	@ConditionalOnMissingBean(FunctionsOperations.class)
	FunctionsTemplate functionsTemplate(FunctionsProperties properties, FunctionsConnectionDetails connectionDetails,
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
			.build();
	}

}
