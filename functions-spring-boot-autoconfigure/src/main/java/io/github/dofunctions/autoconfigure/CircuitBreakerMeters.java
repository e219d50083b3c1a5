package io.github.dofunctions.autoconfigure;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Publishes the meters of a circuit breaker the client made itself, when the application
 * has a meter registry but no circuit-breaker registry to publish it.
 */
@FunctionalInterface
interface CircuitBreakerMeters {

	void publish(CircuitBreaker breaker);

}
