package io.github.dofunctions.client.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Keeps the bookings of rate-limit budgets in this application: the budget of one
 * instance, the default.
 */
public final class LocalBudgetStore implements BudgetStore {

	private final Clock clock;

	/**
	 * Per scope, the bookings by name in the order of the time they count from: the
	 * oldest leaves the window first, and a touch or a release finds its booking by name
	 * at once, whatever the budget's size. In access order, so that a touch, which
	 * replaces the time, moves the booking to the end.
	 */
	private final Map<String, LinkedHashMap<String, Instant>> windows = new ConcurrentHashMap<>();

	/**
	 * Create a store that reads the time from Reactor's schedulers, so that it follows
	 * virtual time in tests as the waits do.
	 */
	public LocalBudgetStore() {
		this(SchedulerClock.INSTANCE);
	}

	/**
	 * Create a store that reads the time from the given clock.
	 * @param clock the clock
	 */
	public LocalBudgetStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Mono<Duration> book(String scope, String booking, int limit, Duration window) {
		return Mono.fromSupplier(() -> bookNow(scope, booking, limit, window));
	}

	/**
	 * Book synchronously, as {@link #book} does without a publisher: the window's oldest
	 * bookings that have left it are forgotten first, so a slot frees exactly
	 * {@code window} after it was booked. The client calls it directly so that a call
	 * with room in the window costs no subscription.
	 * @param scope what the budget counts, never a secret
	 * @param booking the booking's name, unique in the scope
	 * @param limit how many bookings the window holds
	 * @param window how long a booking counts
	 * @return zero if booked, else how long until a slot frees (at least one nanosecond)
	 */
	public Duration bookNow(String scope, String booking, int limit, Duration window) {
		LinkedHashMap<String, Instant> bookings = this.windows.computeIfAbsent(scope,
				(key) -> new LinkedHashMap<>(16, 0.75f, true));
		synchronized (bookings) {
			Instant now = this.clock.instant();
			Instant leftBefore = now.minus(window);
			Iterator<Instant> oldest = bookings.values().iterator();
			while (oldest.hasNext()) {
				if (oldest.next().isAfter(leftBefore)) {
					break;
				}
				oldest.remove();
			}
			if (bookings.size() < limit) {
				bookings.put(booking, now);
				return Duration.ZERO;
			}
			Duration wait = Duration.between(now, bookings.values().iterator().next().plus(window));
			return (wait.isNegative() || wait.isZero()) ? Duration.ofNanos(1) : wait;
		}
	}

	@Override
	public Mono<Void> touch(String scope, String booking, Duration window) {
		return Mono.fromRunnable(() -> touchNow(scope, booking));
	}

	/**
	 * Move a booking to now, synchronously, as {@link #touch} does.
	 * @param scope the booking's scope
	 * @param booking the booking's name; unknown or expired bookings are ignored
	 */
	public void touchNow(String scope, String booking) {
		LinkedHashMap<String, Instant> bookings = this.windows.get(scope);
		if (bookings != null) {
			synchronized (bookings) {
				bookings.replace(booking, this.clock.instant());
			}
		}
	}

	@Override
	public Mono<Void> release(String scope, String booking) {
		return Mono.fromRunnable(() -> {
			LinkedHashMap<String, Instant> bookings = this.windows.get(scope);
			if (bookings != null) {
				synchronized (bookings) {
					bookings.remove(booking);
				}
			}
		});
	}

	/**
	 * Forget every booking, as after a restart: for tests that share one application
	 * context, so that one test's calls do not hold up the next one's.
	 */
	public void clear() {
		this.windows.clear();
	}

	@Override
	public String toString() {
		return "LocalBudgetStore";
	}

}
