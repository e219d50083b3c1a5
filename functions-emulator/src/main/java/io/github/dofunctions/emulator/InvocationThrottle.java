package io.github.dofunctions.emulator;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies {@link InvocationLimits} to each namespace: a count of invocation requests per
 * calendar minute and a count of activations in flight.
 */
final class InvocationThrottle {

	private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();

	private final Clock clock;

	private final InvocationLimits limits;

	InvocationThrottle(InvocationLimits limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Charge one invocation to the namespace and take one place in flight, or refuse.
	 * @return releases the place in flight when the activation ends
	 * @throws ApiError {@code 429} over either limit; the place is not taken
	 */
	Runnable admit(String namespaceId) {
		Namespace namespace = this.namespaces.computeIfAbsent(namespaceId, (id) -> new Namespace());
		int count = namespace.charge(this.clock.millis() / 60_000);
		if (count > this.limits.perMinute()) {
			throw tooMany("Too many requests in the last minute (count: " + count + ", allowed: "
					+ this.limits.perMinute() + ").");
		}
		int inFlight = namespace.inFlight.incrementAndGet();
		if (inFlight > this.limits.concurrent()) {
			namespace.inFlight.decrementAndGet();
			throw tooMany("Too many concurrent requests in flight (count: " + inFlight + ", allowed: "
					+ this.limits.concurrent() + ").");
		}
		return namespace.inFlight::decrementAndGet;
	}

	void clear() {
		this.namespaces.clear();
	}

	private static ApiError tooMany(String message) {
		return new ApiError(429, "too_many_requests", message);
	}

	/**
	 * One namespace's counts.
	 */
	private static final class Namespace {

		private long minute = Long.MIN_VALUE;

		private int count;

		private final AtomicInteger inFlight = new AtomicInteger();

		synchronized int charge(long currentMinute) {
			if (currentMinute != this.minute) {
				this.minute = currentMinute;
				this.count = 0;
			}
			return ++this.count;
		}

	}

}
