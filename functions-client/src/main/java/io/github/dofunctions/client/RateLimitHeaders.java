package io.github.dofunctions.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.dofunctions.client.model.RateLimit;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads DigitalOcean's rate-limit headers: {@code ratelimit-limit},
 * {@code ratelimit-remaining} and {@code ratelimit-reset} on every answer, and
 * {@code retry-after} on a {@code 429} from the per-minute burst limit.
 */
final class RateLimitHeaders {

	static final String LIMIT = "ratelimit-limit";

	static final String REMAINING = "ratelimit-remaining";

	static final String RESET = "ratelimit-reset";

	static final String RETRY_AFTER = "retry-after";

	private RateLimitHeaders() {
	}

	/**
	 * Return the budget the headers describe, or {@code null} if any of the three is
	 * absent or unreadable (as on answers from a proxy in front of the API).
	 */
	static @Nullable RateLimit rateLimit(HttpHeaders headers) {
		Long limit = number(headers, LIMIT);
		Long remaining = number(headers, REMAINING);
		Instant reset = reset(headers);
		if (limit == null || remaining == null || reset == null || limit > Integer.MAX_VALUE
				|| remaining > Integer.MAX_VALUE) {
			return null;
		}
		return new RateLimit(limit.intValue(), remaining.intValue(), reset);
	}

	static @Nullable Instant reset(HttpHeaders headers) {
		Long epochSeconds = number(headers, RESET);
		return (epochSeconds != null && epochSeconds <= Instant.MAX.getEpochSecond())
				? Instant.ofEpochSecond(epochSeconds) : null;
	}

	/**
	 * Return the {@code retry-after} delay, given in seconds or as an HTTP date.
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers, Clock clock) {
		String value = headers.getFirst(RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		Long seconds = parse(value);
		if (seconds != null) {
			return Duration.ofSeconds(seconds);
		}
		try {
			long epochMillis = headers.getFirstDate(RETRY_AFTER);
			Duration delay = Duration.between(clock.instant(), Instant.ofEpochMilli(epochMillis));
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable Long number(HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		return (value != null) ? parse(value) : null;
	}

	/**
	 * Read a non-negative whole number; anything else (a proxy's garbage, an overflow) is
	 * unreadable rather than an error.
	 */
	private static @Nullable Long parse(String value) {
		try {
			long number = Long.parseLong(value.trim());
			return (number >= 0) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
