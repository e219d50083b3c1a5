package io.github.dofunctions.autoconfigure;

import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Creates the {@code do-functions} circuit breaker, and one per namespace whose functions
 * are called. With an application {@link CircuitBreakerRegistry} (such as the
 * Resilience4j Spring Boot starter's) the breaker lives in it, so that its actuator
 * endpoints and metrics show it.
 */
final class FunctionsCircuitBreakers {

	private FunctionsCircuitBreakers() {
	}

	static CircuitBreaker create(FunctionsProperties.CircuitBreaker properties,
			@Nullable CircuitBreakerRegistry registry) {
		return create(FunctionsResilience.CIRCUIT_BREAKER_NAME, properties, registry);
	}

	/**
	 * Create a breaker of the given name, such as a namespace's invocation breaker.
	 */
	static CircuitBreaker create(String name, FunctionsProperties.CircuitBreaker properties,
			@Nullable CircuitBreakerRegistry registry) {
		if (registry == null) {
			return CircuitBreaker.of(name, fromProperties(properties));
		}
		CircuitBreaker configuredByApplication = registry.find(name).orElse(null);
		if (configuredByApplication == null) {
			return registry.circuitBreaker(name, fromProperties(properties));
		}
		// The application configured the breaker itself: keep its thresholds, but count
		// only outages as failures, or a burst of 404s would cut off the API.
		CircuitBreaker classified = CircuitBreaker.of(name,
				FunctionsResilience.circuitBreakerConfig(configuredByApplication.getCircuitBreakerConfig()).build(),
				configuredByApplication.getTags());
		registry.replace(name, classified);
		return classified;
	}

	private static CircuitBreakerConfig fromProperties(FunctionsProperties.CircuitBreaker properties) {
		return FunctionsResilience.circuitBreakerConfig()
			.failureRateThreshold(properties.getFailureRateThreshold())
			.slidingWindowSize(properties.getSlidingWindowSize())
			.minimumNumberOfCalls(properties.getMinimumNumberOfCalls())
			.waitDurationInOpenState(properties.getWaitDurationInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.getPermittedNumberOfCallsInHalfOpenState())
			.build();
	}

}
