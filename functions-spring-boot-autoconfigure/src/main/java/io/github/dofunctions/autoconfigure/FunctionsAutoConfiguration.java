package io.github.dofunctions.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dofunctions.client.BlockingFunctionInvoker;
import io.github.dofunctions.client.BlockingFunctionsOperations;
import io.github.dofunctions.client.BlockingFunctionsTemplate;
import io.github.dofunctions.client.FunctionInvoker;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FallbackBudgetStore;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.LocalBudgetStore;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.dofunctions.client.resilience.redis.RedisBudgetStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the DigitalOcean Functions client: a {@link FunctionsOperations}
 * bean built from {@link FunctionsConnectionDetails} and Spring Boot's
 * {@link WebClient.Builder}, its {@link BlockingFunctionsOperations} counterpart, and a
 * {@link FunctionInvoker} and {@link BlockingFunctionInvoker} for the namespace named by
 * {@code do.functions.invocation.namespace-id}. Servlet and reactive applications get the
 * same beans; the HTTP connector is the one Boot detects (Reactor Netty, else the JDK
 * {@code HttpClient}, among others).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration" })
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
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<FunctionsWebClientCustomizer> customizers,
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
			.webClientBuilder(webClientBuilder(webClientBuilder, connectorBuilder, httpClientSettings, customizers,
					properties.getConnectTimeout(), invocation.getResponseTimeout()))
			.build();
	}

	/**
	 * Apply the managed-key properties, refusing a value the client would refuse with a
	 * failure that names the property.
	 */
	private static void managedKeys(InvocationSettings.Builder settings, FunctionsProperties.Invocation.ManagedKey key,
			@Nullable String applicationName) {
		String prefix = "do.functions.invocation.managed-key.";
		try {
			settings.managedKeyName(key.getNamePrefix(), applicationName);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(prefix + "name-prefix", key.getNamePrefix(),
					ex.getMessage());
		}
		try {
			settings.managedKeyLifetime(key.getLifetime(), key.getRenewBefore());
		}
		catch (IllegalArgumentException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("lifetime")) {
				throw new InvalidConfigurationPropertyValueException(prefix + "lifetime", key.getLifetime(),
						"must be a whole number of hours, at least 1h");
			}
			throw new InvalidConfigurationPropertyValueException(prefix + "renew-before", key.getRenewBefore(),
					"must be positive and shorter than " + prefix + "lifetime (" + key.getLifetime() + ")");
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

	private static WebClient.Builder webClientBuilder(ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<FunctionsWebClientCustomizer> customizers, Duration connectTimeout,
			Duration responseTimeout) {
		// No redirect, whatever the application's default: DigitalOcean does not
		// redirect,
		// and a redirect followed would carry the credential to another host (the JDK
		// client repeats the Authorization header there).
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(connectTimeout, responseTimeout)
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder)
			.clone()
			.clientConnector(connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect).build(settings));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean(FunctionsOperations.class)
	FunctionsTemplate functionsTemplate(FunctionsProperties properties, FunctionsConnectionDetails connectionDetails,
			FunctionsResilience resilience, InvocationSettings invocationSettings,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<FunctionsWebClientCustomizer> customizers, ObjectProvider<FunctionsClientListener> listeners,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		String token = connectionDetails.getToken();
		if (token == null || token.isBlank()) {
			throw new MissingFunctionsTokenException(unresolvedPlaceholder(properties.getToken()));
		}
		WebClient.Builder builder = webClientBuilder(webClientBuilder, connectorBuilder, httpClientSettings,
				customizers, properties.getConnectTimeout(), properties.getResponseTimeout());
		FunctionsTemplate.Builder template = FunctionsTemplate.builder();
		listeners.orderedStream().forEach(template::listener);
		observationRegistry.ifAvailable(template::observationRegistry);
		return template.webClientBuilder(builder)
			.baseUrl(connectionDetails.getBaseUrl())
			.tokenSupplier(connectionDetails::getToken)
			.userAgent(properties.getUserAgent())
			.maxResponseSize(properties.getMaxResponseSize())
			.responseTimeout(properties.getResponseTimeout())
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

	/**
	 * One rate-limit budget for every instance that uses the token, in Redis, through the
	 * application's reactive Redis connection; a local share of it while Redis does not
	 * answer.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ReactiveStringRedisTemplate.class, RedisBudgetStore.class })
	@ConditionalOnProperty(name = "do.functions.rate-limit.store", havingValue = "redis")
	static class RedisBudgetConfiguration {

		/** How long a booking may take in Redis before the local share takes over. */
		static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);

		/** How long after Redis failed it is tried again. */
		static final Duration REDIS_RETRY_AFTER = Duration.ofSeconds(5);

		@Bean
		@ConditionalOnMissingBean
		BudgetStore functionsBudgetStore(FunctionsProperties properties,
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			ReactiveRedisConnectionFactory connections = connectionFactory.getIfAvailable();
			if (connections == null) {
				throw new InvalidConfigurationPropertyValueException("do.functions.rate-limit.store", "redis",
						"a budget shared through Redis needs a reactive Redis connection: add "
								+ "spring-boot-starter-data-redis-reactive, and spring.data.redis.* to reach the server");
			}
			double share = properties.getRateLimit().getFallbackShare();
			return new FallbackBudgetStore(
					new RedisBudgetStore(new ReactiveStringRedisTemplate(connections),
							RedisBudgetStore.DEFAULT_KEY_PREFIX),
					new LocalBudgetStore(), share, REDIS_TIMEOUT, REDIS_RETRY_AFTER, Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FunctionsClientMetrics functionsClientMetrics(MeterRegistry meterRegistry,
				ObjectProvider<FunctionsOperations> functions) {
			// Read lazily: the client is made with this listener, so it cannot be
			// injected.
			return new FunctionsClientMetrics(meterRegistry, () -> functions.getObject().rateLimit());
		}

	}

	/**
	 * The breakers' meters, when they are the client's own: a breaker from the
	 * application's registry is published with the rest of that registry. The
	 * control-plane breaker is bound with the other meters; a namespace's invocation
	 * breaker, made when its first invoker is, is published then.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MeterRegistry.class, TaggedCircuitBreakerMetricsPublisher.class })
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnMissingBean(CircuitBreakerRegistry.class)
	static class CircuitBreakerMetricsConfiguration {

		@Bean
		CircuitBreakerMeters functionsCircuitBreakerMeters(MeterRegistry meterRegistry) {
			TaggedCircuitBreakerMetricsPublisher publisher = new TaggedCircuitBreakerMetricsPublisher(meterRegistry);
			return publisher::publishMetrics;
		}

		@Bean
		MeterBinder functionsCircuitBreakerMetrics(FunctionsResilience resilience) {
			return (registry) -> {
				CircuitBreaker breaker = resilience.circuitBreaker();
				if (breaker != null) {
					new TaggedCircuitBreakerMetricsPublisher(registry).publishMetrics(breaker);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("doFunctions")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RecentFunctionsCalls recentFunctionsCalls() {
			return new RecentFunctionsCalls(Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean(name = "doFunctionsHealthIndicator")
		FunctionsHealthIndicator doFunctionsHealthIndicator(FunctionsResilience resilience,
				ObjectProvider<FunctionsOperations> functions, RecentFunctionsCalls recentCalls,
				FunctionsProperties properties) {
			return new FunctionsHealthIndicator(resilience.circuitBreaker(), () -> functions.getObject().rateLimit(),
					recentCalls, properties.getHealth().isDownWhenCircuitOpen(), resilience.budgetStore());
		}

	}

}
