package io.github.dofunctions.client.resilience;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How often and how patiently a failed call is tried again. Waits grow exponentially from
 * {@code initialBackoff} by {@code multiplier} up to {@code maxBackoff}, and each wait is
 * drawn at random between zero and that bound ("full jitter"), so that clients which
 * failed together do not retry together.
 *
 * @param maxAttempts attempts in all, the first included
 * @param initialBackoff bound of the wait before the first retry
 * @param multiplier growth of the bound from one retry to the next
 * @param maxBackoff largest bound
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

	/**
	 * Create settings, checking them.
	 * @param maxAttempts attempts in all, at least one
	 * @param initialBackoff positive
	 * @param multiplier at least one
	 * @param maxBackoff at least {@code initialBackoff}
	 */
	public RetrySettings {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(initialBackoff != null && !initialBackoff.isNegative() && !initialBackoff.isZero(),
				"initialBackoff must be positive");
		Assert.isTrue(multiplier >= 1, "multiplier must be at least 1");
		Assert.isTrue(maxBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0,
				"maxBackoff must be at least initialBackoff");
	}

	/**
	 * Return the defaults, in line with DigitalOcean's Go client: four retries, waits
	 * bounded from one second, doubling, up to thirty seconds.
	 * @return the default settings
	 */
	public static RetrySettings defaults() {
		return new RetrySettings(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));
	}

}
