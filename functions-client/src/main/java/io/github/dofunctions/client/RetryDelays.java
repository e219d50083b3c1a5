package io.github.dofunctions.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import io.github.dofunctions.client.error.FunctionsRateLimitException;
import org.jspecify.annotations.Nullable;

/**
 * How long to wait before the next attempt. A {@code 429} is waited out as DigitalOcean
 * says: for {@code retry-after}, else until {@code ratelimit-reset} frees a slot. Any
 * other failure waits a random time up to the backoff bound ("full jitter").
 */
final class RetryDelays {

	private static final Duration MAX_RATE_LIMIT_JITTER = Duration.ofSeconds(1);

	private final Clock clock;

	private final RandomGenerator random;

	RetryDelays(Clock clock, RandomGenerator random) {
		this.clock = clock;
		this.random = random;
	}

	/**
	 * Return how long a {@code 429} asks to wait, or {@code null} if it does not say.
	 */
	@Nullable Duration rateLimitWait(FunctionsRateLimitException ex) {
		if (ex.retryAfter() != null) {
			return ex.retryAfter();
		}
		Instant reset = ex.resetAt();
		Instant now = this.clock.instant();
		return (reset != null && reset.isAfter(now)) ? Duration.between(now, reset) : null;
	}

	/**
	 * Add a little randomness to a wait the server asked for, so that the clients it
	 * stopped together do not come back together: up to a tenth of it, at most a second.
	 */
	Duration withSmallJitter(Duration wait) {
		long boundMillis = Math.min(wait.toMillis() / 10, MAX_RATE_LIMIT_JITTER.toMillis());
		return (boundMillis > 0) ? wait.plusMillis(this.random.nextLong(boundMillis + 1)) : wait;
	}

	/**
	 * Return a wait drawn at random between zero and the backoff bound.
	 */
	Duration fullJitter(long boundMillis) {
		return Duration.ofMillis((boundMillis > 0) ? this.random.nextLong(boundMillis + 1) : 0);
	}

}
