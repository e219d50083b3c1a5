package io.github.dofunctions.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * Counts the requests of the token in the two sliding windows of {@link RateLimits} and
 * decides whether the next one is allowed. Refused requests are not counted.
 */
final class RateLimitCounter {

	private final RateLimits limits;

	private final Clock clock;

	private final Deque<Instant> lastMinute = new ArrayDeque<>();

	private final Deque<Instant> lastHour = new ArrayDeque<>();

	RateLimitCounter(RateLimits limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	synchronized Decision tryAcquire() {
		Instant now = this.clock.instant();
		expire(this.lastMinute, now.minus(this.limits.minute()));
		expire(this.lastHour, now.minus(this.limits.hour()));
		if (this.lastHour.size() >= this.limits.perHour()) {
			return decision(false, null, now);
		}
		if (this.lastMinute.size() >= this.limits.perMinute()) {
			Instant slotFrees = this.lastMinute.peekFirst().plus(this.limits.minute());
			return decision(false, ceilSeconds(Duration.between(now, slotFrees)), now);
		}
		this.lastMinute.addLast(now);
		this.lastHour.addLast(now);
		return decision(true, null, now);
	}

	synchronized Decision peek() {
		Instant now = this.clock.instant();
		expire(this.lastHour, now.minus(this.limits.hour()));
		return decision(true, null, now);
	}

	synchronized void reset() {
		this.lastMinute.clear();
		this.lastHour.clear();
	}

	private Decision decision(boolean allowed, @Nullable Long retryAfterSeconds, Instant now) {
		Instant oldest = this.lastHour.peekFirst();
		Instant reset = ((oldest != null) ? oldest : now).plus(this.limits.hour());
		int remaining = Math.max(0, this.limits.perHour() - this.lastHour.size());
		return new Decision(allowed, retryAfterSeconds, this.limits.perHour(), remaining,
				ceilSeconds(Duration.between(Instant.EPOCH, reset)));
	}

	private static void expire(Deque<Instant> window, Instant before) {
		while (!window.isEmpty() && !window.peekFirst().isAfter(before)) {
			window.pollFirst();
		}
	}

	private static long ceilSeconds(Duration duration) {
		long seconds = duration.getSeconds();
		return (duration.getNano() > 0) ? seconds + 1 : Math.max(seconds, 1);
	}

	/**
	 * Whether a request may go, and what the rate-limit headers say.
	 */
	record Decision(boolean allowed, @Nullable Long retryAfterSeconds, int limit, int remaining, long reset) {

	}

}
