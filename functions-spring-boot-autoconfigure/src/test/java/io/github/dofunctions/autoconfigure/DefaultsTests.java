package io.github.dofunctions.autoconfigure;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client owns the defaults: a Spring Boot application that sets no property gets
 * exactly the settings a plain-Java user gets from the client's {@code defaults()}.
 */
class DefaultsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, FunctionsAutoConfiguration.class,
				FunctionsRedisBudgetStoreAutoConfiguration.class, FunctionsMetricsAutoConfiguration.class,
				FunctionsHealthAutoConfiguration.class))
		.withPropertyValues("do.functions.token=t");

	@Test
	void controlPlaneResilienceIsTheClientsDefault() {
		this.contextRunner.run((context) -> {
			FunctionsResilience boot = context.getBean(FunctionsResilience.class);
			FunctionsResilience client = FunctionsResilience.defaults();
			assertSameResilience(boot, client);
			assertThat(boot.circuitBreaker().getName()).isEqualTo(client.circuitBreaker().getName());
		});
	}

	@Test
	void invocationSettingsAndResilienceAreTheClientsDefaults() {
		this.contextRunner.run((context) -> {
			InvocationSettings boot = context.getBean(InvocationSettings.class);
			InvocationSettings client = InvocationSettings.defaults();
			assertThat(boot.deadline()).isEqualTo(client.deadline());
			assertThat(boot.pollInterval()).isEqualTo(client.pollInterval());
			assertThat(boot.maxPollInterval()).isEqualTo(client.maxPollInterval());
			assertThat(boot.maxResponseSize()).isEqualTo(client.maxResponseSize());
			assertThat(boot.responseTimeout()).isEqualTo(client.responseTimeout());
			assertThat(boot.managedKeyPrefix()).isEqualTo(client.managedKeyPrefix());
			assertThat(boot.managedKeyLifetime()).isEqualTo(client.managedKeyLifetime());
			assertThat(boot.managedKeyRenewBefore()).isEqualTo(client.managedKeyRenewBefore());
			assertSameResilience(boot.resilience("fn-1"), FunctionsResilience.invocationDefaults("fn-1"));
			assertThat(boot.resilience("fn-1").callTimeout()).isEqualTo(client.deadline());
		});
	}

	@Test
	void connectionPropertiesDefaultToTheClientsDefaults() {
		FunctionsProperties properties = new FunctionsProperties();

		assertThat(properties.getBaseUrl()).isEqualTo(FunctionsTemplate.DEFAULT_BASE_URL);
		assertThat(properties.getMaxResponseSize()).isEqualTo(FunctionsTemplate.DEFAULT_MAX_RESPONSE_SIZE);
		assertThat(properties.getResponseTimeout()).isEqualTo(FunctionsTemplate.DEFAULT_RESPONSE_TIMEOUT);
		assertThat(properties.getInvocation().getResponseTimeout())
			.isEqualTo(InvocationSettings.DEFAULT_RESPONSE_TIMEOUT);
	}

	private static void assertSameResilience(FunctionsResilience boot, FunctionsResilience client) {
		assertThat(boot.retry()).isEqualTo(client.retry());
		assertThat(boot.requestsPerMinute()).isEqualTo(client.requestsPerMinute());
		assertThat(boot.concurrencyLimit()).isEqualTo(client.concurrencyLimit());
		assertThat(boot.maxRateLimitWait()).isEqualTo(client.maxRateLimitWait());
		assertThat(boot.callTimeout()).isEqualTo(client.callTimeout());
		assertSameThresholds(boot.circuitBreaker(), client.circuitBreaker());
	}

	private static void assertSameThresholds(CircuitBreaker boot, CircuitBreaker client) {
		CircuitBreakerConfig actual = boot.getCircuitBreakerConfig();
		CircuitBreakerConfig expected = client.getCircuitBreakerConfig();
		assertThat(actual.getFailureRateThreshold()).isEqualTo(expected.getFailureRateThreshold()).isEqualTo(50);
		assertThat(actual.getSlidingWindowSize()).isEqualTo(expected.getSlidingWindowSize()).isEqualTo(20);
		assertThat(actual.getMinimumNumberOfCalls()).isEqualTo(expected.getMinimumNumberOfCalls()).isEqualTo(10);
		assertThat(actual.getWaitIntervalFunctionInOpenState().apply(1))
			.isEqualTo(expected.getWaitIntervalFunctionInOpenState().apply(1))
			.isEqualTo(30_000L);
		assertThat(actual.getPermittedNumberOfCallsInHalfOpenState())
			.isEqualTo(expected.getPermittedNumberOfCallsInHalfOpenState())
			.isEqualTo(3);
		assertThat(actual.getSlidingWindowSynchronizationStrategy())
			.isEqualTo(expected.getSlidingWindowSynchronizationStrategy())
			.isEqualTo(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE);
	}

}
