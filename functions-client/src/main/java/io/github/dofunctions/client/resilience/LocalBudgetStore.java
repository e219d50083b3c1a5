package io.github.dofunctions.client.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Keeps the bookings of rate-limit budgets in this application: the budget of one
 * instance, the default.
 */
public final class LocalBudgetStore implements BudgetStore {

	private final Clock clock;

	private final Map<String, Deque<Booking>> windows = new ConcurrentHashMap<>();

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
	 * Book synchronously: the window's oldest bookings that have left it are forgotten
	 * first, so a slot frees exactly {@code window} after it was booked.
	 */
	Duration bookNow(String scope, String booking, int limit, Duration window) {
		Deque<Booking> bookings = this.windows.computeIfAbsent(scope, (key) -> new ArrayDeque<>());
		synchronized (bookings) {
			Instant now = this.clock.instant();
			Instant leftBefore = now.minus(window);
			while (!bookings.isEmpty() && !bookings.peekFirst().at().isAfter(leftBefore)) {
				bookings.pollFirst();
			}
			if (bookings.size() < limit) {
				bookings.addLast(new Booking(booking, now));
				return Duration.ZERO;
			}
			Duration wait = Duration.between(now, bookings.peekFirst().at().plus(window));
			return (wait.isNegative() || wait.isZero()) ? Duration.ofNanos(1) : wait;
		}
	}

	@Override
	public Mono<Void> touch(String scope, String booking, Duration window) {
		return Mono.fromRunnable(() -> touchNow(scope, booking));
	}

	void touchNow(String scope, String booking) {
		Deque<Booking> bookings = this.windows.get(scope);
		if (bookings != null) {
			synchronized (bookings) {
				if (bookings.removeIf((kept) -> kept.name().equals(booking))) {
					bookings.addLast(new Booking(booking, this.clock.instant()));
				}
			}
		}
	}

	@Override
	public Mono<Void> release(String scope, String booking) {
		return Mono.fromRunnable(() -> {
			Deque<Booking> bookings = this.windows.get(scope);
			if (bookings != null) {
				synchronized (bookings) {
					bookings.removeIf((kept) -> kept.name().equals(booking));
				}
			}
		});
	}

	@Override
	public String toString() {
		return "LocalBudgetStore";
	}

	private record Booking(String name, Instant at) {

	}

}
