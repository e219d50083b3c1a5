package io.github.dofunctions.autoconfigure;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the client's meters, when the application has a
 * {@link MeterRegistry}: its calls, retries, rate limits and pacing waits
 * ({@link FunctionsClientMetrics}), and the meters of the circuit breakers the client
 * made itself.
 */
@AutoConfiguration(after = FunctionsAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, FunctionsResilience.class })
public final class FunctionsMetricsAutoConfiguration {

	/**
	 * Create the auto-configuration; Spring Boot instantiates it.
	 */
	public FunctionsMetricsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionsClientMetrics functionsClientMetrics(MeterRegistry meterRegistry,
			ObjectProvider<FunctionsOperations> functions) {
		// Read lazily: the client is made with this listener, so it cannot be injected.
		return new FunctionsClientMetrics(meterRegistry, () -> functions.getObject().rateLimit());
	}

	/**
	 * The breakers' meters, when they are the client's own: a breaker from the
	 * application's registry is published with the rest of that registry. The
	 * control-plane breaker is bound with the other meters; a namespace's invocation
	 * breaker, made when its first invoker is, is published then.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TaggedCircuitBreakerMetricsPublisher.class)
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

}
