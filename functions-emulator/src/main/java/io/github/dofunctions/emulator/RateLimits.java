package io.github.dofunctions.emulator;

import java.time.Duration;

/**
 * DigitalOcean's rate limits, as the emulator enforces them per token: a burst limit per
 * minute, answered {@code 429} with {@code retry-after}, and a budget per hour, answered
 * {@code 429} without it. Both windows slide: each request counts for one window after it
 * is made. Scale the windows down to exercise the limits in a test.
 *
 * @param perMinute requests allowed in any burst window
 * @param perHour requests allowed in any budget window
 * @param minute length of the burst window, a minute at DigitalOcean
 * @param hour length of the budget window, an hour at DigitalOcean
 */
public record RateLimits(int perMinute, int perHour, Duration minute, Duration hour) {

	/**
	 * Create limits, checking them.
	 * @param perMinute positive
	 * @param perHour positive
	 * @param minute positive
	 * @param hour positive
	 */
	public RateLimits {
		if (perMinute <= 0 || perHour <= 0) {
			throw new IllegalArgumentException("limits must be positive");
		}
		if (minute == null || minute.isNegative() || minute.isZero() || hour == null || hour.isNegative()
				|| hour.isZero()) {
			throw new IllegalArgumentException("windows must be positive");
		}
	}

	/**
	 * Return DigitalOcean's limits: 250 requests a minute and 5,000 an hour.
	 * @return the limits of the real API
	 */
	public static RateLimits digitalOcean() {
		return new RateLimits(250, 5000, Duration.ofMinutes(1), Duration.ofHours(1));
	}

	/**
	 * Return limits no test reaches.
	 * @return limits of a billion requests a minute and an hour
	 */
	public static RateLimits unlimited() {
		return new RateLimits(1_000_000_000, 1_000_000_000, Duration.ofMinutes(1), Duration.ofHours(1));
	}

}
