/**
 * How the client survives DigitalOcean's rate limits and outages: retries with backoff,
 * client-side pacing, a circuit breaker, and creates that are never duplicated.
 * <p>
 * The layers nest as Retry( CircuitBreaker( Pacing( HTTP call ) ) ): the breaker sees
 * every attempt, an open breaker ends the retries at once, and pacing delays each request
 * rather than letting it draw a {@code 429}. Configured by
 * {@link io.github.dofunctions.client.resilience.FunctionsResilience}.
 */
@NullMarked
package io.github.dofunctions.client.resilience;

import org.jspecify.annotations.NullMarked;
