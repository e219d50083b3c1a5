package io.github.dofunctions.client.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A shared store that calls must never wait on when it fails: when it does not answer
 * within a short time, or fails, bookings go to a local store, at a share of the budget,
 * until the shared store is tried again. Nothing fails because the shared store is down;
 * the switch is logged once each way, and {@link #unreachableSince()} tells health
 * checks.
 */
public final class FallbackBudgetStore implements BudgetStore {

	private static final Log logger = LogFactory.getLog(FallbackBudgetStore.class);

	private final BudgetStore shared;

	private final BudgetStore local;

	private final double share;

	private final Duration timeout;

	private final Duration retryAfter;

	private final Clock clock;

	private volatile @Nullable Instant unreachableSince;

	private volatile Instant retryAt = Instant.MIN;

	/**
	 * Per scope, until when bookings made in the local share alone are still in the
	 * window, which the shared store does not know of.
	 */
	private final Map<String, Instant> localOnlyUntil = new ConcurrentHashMap<>();

	/**
	 * Create a store.
	 * @param shared the store to use while it answers
	 * @param local the store to fall back on
	 * @param share the part of each budget the local store grants, above 0 and at most 1:
	 * for example {@code 1 / instances}
	 * @param timeout how long a booking may take in the shared store
	 * @param retryAfter how long after a failure the shared store is tried again
	 * @param clock tells when to try again
	 */
	public FallbackBudgetStore(BudgetStore shared, BudgetStore local, double share, Duration timeout,
			Duration retryAfter, Clock clock) {
		if (!(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("share must be above 0 and at most 1, not " + share);
		}
		this.shared = shared;
		this.local = local;
		this.share = share;
		this.timeout = timeout;
		this.retryAfter = retryAfter;
		this.clock = clock;
	}

	/**
	 * Book in the shared store while it answers, else in the local share.
	 * <p>
	 * The local store keeps every booking this instance made, in the shared store too, so
	 * that the share it grants when the shared store goes away counts what this instance
	 * already sent in the window: an instance that has used its whole minute through the
	 * shared store sends nothing more until the window frees. The other way, the shared
	 * store never saw the bookings made while it was away: until a window has passed
	 * since the last of them, a booking in the shared store must also fit the local
	 * share.
	 */
	@Override
	public Mono<Duration> book(String scope, String booking, int limit, Duration window) {
		return Mono.defer(() -> {
			if (this.unreachableSince != null && this.clock.instant().isBefore(this.retryAt)) {
				return bookLocally(scope, booking, limit, window);
			}
			return this.shared.book(scope, booking, limit, window)
				.timeout(this.timeout,
						Mono.error(() -> new TimeoutException("no answer within " + this.timeout.toMillis() + " ms")))
				.doOnNext((booked) -> reachable())
				.flatMap((wait) -> wait.isZero() ? alsoLocally(scope, booking, limit, window) : Mono.just(wait))
				.onErrorResume((ex) -> {
					unreachable(ex);
					return bookLocally(scope, booking, limit, window);
				});
		});
	}

	/**
	 * Record a booking the shared store granted in the local store as well: within the
	 * local share while bookings made without the shared store are still in the window
	 * (giving the shared slot back if the share is full), at no limit otherwise.
	 */
	private Mono<Duration> alsoLocally(String scope, String booking, int limit, Duration window) {
		Instant sharedAgainAt = this.localOnlyUntil.get(scope);
		if (sharedAgainAt == null || !this.clock.instant().isBefore(sharedAgainAt)) {
			return this.local.book(scope, booking, Integer.MAX_VALUE, window);
		}
		return this.local.book(scope, booking, shareOf(limit), window)
			.flatMap((wait) -> wait.isZero() ? Mono.just(wait)
					: this.shared.release(scope, booking)
						.timeout(this.timeout)
						.onErrorResume((ex) -> Mono.empty())
						.thenReturn(wait));
	}

	@Override
	public Mono<Void> touch(String scope, String booking, Duration window) {
		Mono<Void> local = this.local.touch(scope, booking, window);
		return (this.unreachableSince != null) ? local
				: this.shared.touch(scope, booking, window)
					.timeout(this.timeout)
					.onErrorResume((ex) -> Mono.empty())
					.then(local);
	}

	@Override
	public Mono<Void> release(String scope, String booking) {
		Mono<Void> local = this.local.release(scope, booking);
		return (this.unreachableSince != null) ? local
				: this.shared.release(scope, booking)
					.timeout(this.timeout)
					.onErrorResume((ex) -> Mono.empty())
					.then(local);
	}

	/**
	 * Return since when the shared store has been failing.
	 * @return the time of the first failure, or {@code null} while it answers
	 */
	public @Nullable Instant unreachableSince() {
		return this.unreachableSince;
	}

	/**
	 * Book in the local share. A full share answers no later than when the shared store
	 * is to be tried again, so that a waiting call asks the shared store then rather than
	 * when the local window frees.
	 */
	private Mono<Duration> bookLocally(String scope, String booking, int limit, Duration window) {
		return this.local.book(scope, booking, shareOf(limit), window).map((wait) -> {
			if (wait.isZero()) {
				this.localOnlyUntil.put(scope, this.clock.instant().plus(window));
				return wait;
			}
			Duration untilRetry = Duration.between(this.clock.instant(), this.retryAt);
			Duration soonest = (untilRetry.compareTo(Duration.ofMillis(1)) < 0) ? Duration.ofMillis(1) : untilRetry;
			return (soonest.compareTo(wait) < 0) ? soonest : wait;
		});
	}

	private int shareOf(int limit) {
		return Math.max(1, (int) (limit * this.share));
	}

	private void unreachable(Throwable ex) {
		Instant now = this.clock.instant();
		this.retryAt = now.plus(this.retryAfter);
		if (this.unreachableSince == null) {
			this.unreachableSince = now;
			logger.warn("The shared rate-limit budget (" + this.shared + ") does not answer: calls go on with "
					+ Math.round(this.share * 100) + " % of the budget in this instance until it does: " + ex);
		}
	}

	private void reachable() {
		if (this.unreachableSince != null) {
			this.unreachableSince = null;
			logger.info("The shared rate-limit budget (" + this.shared + ") answers again: calls book there again");
		}
	}

	@Override
	public String toString() {
		return "FallbackBudgetStore[" + this.shared + ", else " + this.local + " at " + this.share + "]";
	}

}
