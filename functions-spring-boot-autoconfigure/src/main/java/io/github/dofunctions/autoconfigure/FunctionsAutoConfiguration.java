package io.github.dofunctions.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dofunctions.client.BlockingFunctionDeployer;
import io.github.dofunctions.client.BlockingFunctionInvoker;
import io.github.dofunctions.client.BlockingFunctionsOperations;
import io.github.dofunctions.client.BlockingFunctionsTemplate;
import io.github.dofunctions.client.FunctionDeployer;
import io.github.dofunctions.client.FunctionInvoker;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.model.ClientRules;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.LocalBudgetStore;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the DigitalOcean Functions client: a {@link FunctionsOperations}
 * bean built from {@link FunctionsConnectionDetails} and Spring Boot's
 * {@link WebClient.Builder}, its {@link BlockingFunctionsOperations} counterpart, and a
 * {@link FunctionInvoker} and {@link BlockingFunctionInvoker} for the namespace named by
 * {@code do.functions.invocation.namespace-id}. Servlet and reactive applications get the
 * same beans; the HTTP connector is the one Boot detects (Reactor Netty, else the JDK
 * {@code HttpClient}, among others). The shared Redis budget, the meters and the health
 * indicator have auto-configurations of their own.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, ClientHttpConnectorBuilder.class })
@ConditionalOnBooleanProperty(name = "do.functions.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FunctionsProperties.class)
public final class FunctionsAutoConfiguration {

	/**
	 * Create the auto-configuration; Spring Boot instantiates it.
	 */
	public FunctionsAutoConfiguration() {
	}

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]{0,100}}?");

	@Bean
	@ConditionalOnMissingBean(FunctionsConnectionDetails.class)
	PropertiesFunctionsConnectionDetails functionsConnectionDetails(FunctionsProperties properties,
			Environment environment) {
		return new PropertiesFunctionsConnectionDetails(properties, environment);
	}

	/**
	 * The rate-limit budget's bookings, in this instance. With store=redis, the
	 * {@link RedisBudgetConfiguration} gives the shared store instead, or start-up says
	 * what is missing.
	 */
	@Bean
	@ConditionalOnMissingBean
	BudgetStore functionsBudgetStore(FunctionsProperties properties) {
		if (properties.getRateLimit().getStore() == FunctionsProperties.Store.REDIS) {
			throw new InvalidConfigurationPropertyValueException("do.functions.rate-limit.store", "redis",
					"a budget shared through Redis needs Spring Data Redis and a reactive Redis connection: add "
							+ "spring-boot-starter-data-redis-reactive, and spring.data.redis.* to reach the server");
		}
		return new LocalBudgetStore();
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionsResilience functionsResilience(FunctionsProperties properties,
			ObjectProvider<CircuitBreakerRegistry> circuitBreakerRegistry, BudgetStore budgetStore) {
		FunctionsResilience.Builder builder = fromProperties(FunctionsResilience.builder(), properties,
				FunctionsResilience.CIRCUIT_BREAKER_NAME, circuitBreakerRegistry.getIfAvailable())
			.callTimeout(properties.getCallTimeout())
			.budgetStore(budgetStore);
		if (properties.getRateLimit().isEnabled()) {
			builder.pacing(properties.getRateLimit().getRequestsPerMinute());
		}
		else {
			builder.noPacing();
		}
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	InvocationSettings functionsInvocationSettings(FunctionsProperties properties, Environment environment,
			BudgetStore budgetStore, ObjectProvider<CircuitBreakerRegistry> circuitBreakerRegistry,
			ObjectProvider<CircuitBreakerMeters> circuitBreakerMeters) {
		FunctionsProperties.Invocation invocation = properties.getInvocation();
		int invocationsPerMinute = invocation.getRequestsPerMinute();
		CircuitBreakerRegistry registry = circuitBreakerRegistry.getIfAvailable();
		InvocationSettings.Builder settings = InvocationSettings.builder();
		managedKeys(settings, invocation.getManagedKey(), environment.getProperty("spring.application.name"));
		accessKey(settings, invocation);
		return settings.maxResponseSize(invocation.getMaxResponseSize()).resilience((namespaceId) -> {
			FunctionsResilience resilience = fromProperties(FunctionsResilience.invocationBuilder(namespaceId),
					properties, FunctionsResilience.INVOCATION_CIRCUIT_BREAKER_PREFIX + namespaceId, registry)
				.callTimeout(invocation.getDeadline())
				.budgetStore(budgetStore)
				.pacing(invocationsPerMinute)
				.concurrencyLimit(invocation.getMaxConcurrency())
				.build();
			CircuitBreaker breaker = resilience.circuitBreaker();
			if (breaker != null && registry == null) {
				// Made on first use, after the meter binders ran: published here.
				circuitBreakerMeters.ifAvailable((meters) -> meters.publish(breaker));
			}
			return resilience;
		})
			.deadline(invocation.getDeadline())
			.responseTimeout(invocation.getResponseTimeout())
			.pollInterval(invocation.getPollInterval(), invocation.getMaxPollInterval())
			.build();
	}

	/**
	 * Apply the managed-key properties, refusing a value the client would refuse with a
	 * failure that names the property.
	 */
	private static void managedKeys(InvocationSettings.Builder settings, FunctionsProperties.Invocation.ManagedKey key,
			@Nullable String applicationName) {
		String prefix = "do.functions.invocation.managed-key.";
		rule(prefix + "name-prefix", key.getNamePrefix(), ClientRules.managedKeyPrefix(key.getNamePrefix()));
		rule(prefix + "lifetime", key.getLifetime(), ClientRules.keyLifetime(key.getLifetime()));
		rule(prefix + "renew-before", key.getRenewBefore(),
				ClientRules.renewBefore(key.getRenewBefore(), key.getLifetime()));
		settings.managedKeyName(key.getNamePrefix(), applicationName)
			.managedKeyLifetime(key.getLifetime(), key.getRenewBefore());
	}

	/**
	 * Fail start-up naming the property whose value broke a client rule, if one did.
	 */
	private static void rule(String property, @Nullable Object value, @Nullable String reason) {
		if (reason != null) {
			throw new InvalidConfigurationPropertyValueException(property, value, reason);
		}
	}

	/**
	 * Apply the retry, rate-limit wait and circuit-breaker properties, which the
	 * control-plane API and every namespace's invocations share.
	 */
	private static FunctionsResilience.Builder fromProperties(FunctionsResilience.Builder builder,
			FunctionsProperties properties, String circuitBreakerName, @Nullable CircuitBreakerRegistry registry) {
		FunctionsProperties.Retry retry = properties.getRetry();
		builder.maxRateLimitWait(retry.getMaxRateLimitWait());
		if (retry.isEnabled()) {
			builder.retry(new RetrySettings(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMultiplier(),
					retry.getMaxBackoff()));
		}
		else {
			builder.noRetry();
		}
		if (properties.getCircuitBreaker().isEnabled()) {
			builder.circuitBreaker(
					FunctionsCircuitBreakers.create(circuitBreakerName, properties.getCircuitBreaker(), registry));
		}
		else {
			builder.noCircuitBreaker();
		}
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionsWebClientBuilder functionsWebClientBuilder(FunctionsProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<FunctionsWebClientCustomizer> customizers) {
		return new FunctionsWebClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder),
				connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), properties.getConnectTimeout(),
				customizers);
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionsTemplateConfigurer functionsTemplateConfigurer(FunctionsProperties properties,
			FunctionsWebClientBuilder webClientBuilder, ObjectProvider<FunctionsClientListener> listeners,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		return new FunctionsTemplateConfigurer(properties, webClientBuilder, listeners, observationRegistry);
	}

	@Bean
	@ConditionalOnMissingBean(FunctionsOperations.class)
	FunctionsTemplate functionsTemplate(FunctionsTemplateConfigurer configurer, FunctionsProperties properties,
			FunctionsConnectionDetails connectionDetails, FunctionsResilience resilience,
			InvocationSettings invocationSettings) {
		String token = connectionDetails.getToken();
		if (token == null || token.isBlank()) {
			throw new MissingFunctionsTokenException(unresolvedPlaceholder(properties.getToken()));
		}
		return configurer.configure(FunctionsTemplate.builder())
			.baseUrl(connectionDetails.getBaseUrl())
			.tokenSupplier(connectionDetails::getToken)
			.resilience(resilience)
			.invocation(invocationSettings)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean(BlockingFunctionsOperations.class)
	BlockingFunctionsTemplate blockingFunctionsTemplate(FunctionsOperations functions) {
		return new BlockingFunctionsTemplate(functions);
	}

	/**
	 * Return the {@code ${...}} placeholder a token property still holds, never any other
	 * part of its value (which could be a secret).
	 */
	private static @Nullable String unresolvedPlaceholder(@Nullable String token) {
		if (token == null) {
			return null;
		}
		Matcher placeholder = PLACEHOLDER.matcher(token);
		return placeholder.find() ? placeholder.group() : null;
	}

	@Bean
	FunctionsTemplateLifecycle functionsTemplateLifecycle(ObjectProvider<FunctionsTemplate> templates) {
		return new FunctionsTemplateLifecycle(templates);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("do.functions.invocation.namespace-id")
	FunctionInvoker functionInvoker(FunctionsOperations functions, FunctionsProperties properties) {
		// With the configured access key, if any: the invocation settings carry it.
		return functions.invoker(properties.getInvocation().getNamespaceId());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("do.functions.invocation.namespace-id")
	BlockingFunctionInvoker blockingFunctionInvoker(FunctionInvoker invoker) {
		return BlockingFunctionInvoker.of(invoker);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("do.functions.invocation.namespace-id")
	FunctionDeployer functionDeployer(FunctionsOperations functions, FunctionsProperties properties) {
		// The invoker's path: the configured access key, else a managed one.
		return functions.deployer(properties.getInvocation().getNamespaceId());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("do.functions.invocation.namespace-id")
	BlockingFunctionDeployer blockingFunctionDeployer(FunctionDeployer deployer) {
		return BlockingFunctionDeployer.of(deployer);
	}

	/**
	 * Apply the configured access key, which belongs to the configured namespace: both
	 * halves or neither, and a namespace to use it for. Never names the secret's value.
	 */
	private static void accessKey(InvocationSettings.Builder settings, FunctionsProperties.Invocation invocation) {
		String keyId = invocation.getAccessKeyId();
		String keySecret = invocation.getAccessKeySecret();
		if (!StringUtils.hasText(keyId) && !StringUtils.hasText(keySecret)) {
			return;
		}
		String prefix = "do.functions.invocation.";
		if (!StringUtils.hasText(keySecret)) {
			throw new InvalidConfigurationPropertyValueException(prefix + "access-key-secret", null,
					prefix + "access-key-id is set, so the key's secret must be set too");
		}
		if (!StringUtils.hasText(keyId)) {
			throw new InvalidConfigurationPropertyValueException(prefix + "access-key-id", null,
					prefix + "access-key-secret is set, so the key's id (dof_v1_...) must be set too");
		}
		String namespaceId = invocation.getNamespaceId();
		if (!StringUtils.hasText(namespaceId)) {
			throw new InvalidConfigurationPropertyValueException(prefix + "namespace-id", null, prefix
					+ "access-key-id is set: name the namespace (fn-...) the key belongs to, whose invokers use it");
		}
		settings.accessKey(namespaceId, InvocationCredentials.accessKey(keyId, keySecret));
	}

}
