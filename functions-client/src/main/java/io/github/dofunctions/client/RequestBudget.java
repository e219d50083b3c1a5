package io.github.dofunctions.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.LocalBudgetStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Lets a request go only when DigitalOcean's rate limits allow it, so that calls wait for
 * their turn instead of drawing {@code 429}s, and a call under the limit leaves at once.
 * <ul>
 * <li><b>The per-minute limit</b> counts each request for a minute after it is made, in a
 * sliding window: at most {@code limit} requests in any {@code window}. A slot is booked
 * in the {@link BudgetStore} at the moment the request is let go, never ahead, so a call
 * cancelled while it waits holds nothing. The safety margin: when the request ends, its
 * booking is counted again from then ({@link BudgetStore#touch}). DigitalOcean counted it
 * when it arrived, before its answer, so its slot frees here no earlier than there,
 * however long the request took on its way; a window counted from the sending could let
 * the next request arrive inside DigitalOcean's window when the first was slower.</li>
 * <li><b>The hourly budget</b> the {@code ratelimit-*} headers report: while the latest
 * answer said it is spent, no request goes until {@code ratelimit-reset}, when one slot
 * frees. Then one request goes, and the next only once an answer has told again how many
 * remain, so the waiting calls are not all let go for one freed slot.</li>
 * </ul>
 * A call that comes while none waits goes at once when the window has room, with nothing
 * allocated for waiting (in a {@link LocalBudgetStore}, which answers at once). Waiting
 * calls are served in the order they came. Nothing polls: the first waiting call asks the
 * store for a slot, and when there is none a timer wakes it when the store says the
 * oldest booking leaves the window. A call that has waited {@code maxWait} fails, unsent,
 * as does one whose hourly budget frees only after that.
 */
final class RequestBudget {

	private static final Log logger = LogFactory.getLog(RequestBudget.class);

	private final BudgetStore store;

	private final Supplier<String> scope;

	private final int limit;

	private final Duration window;

	private final RateLimitState rateLimit;

	private final Duration maxWait;

	private final Clock clock;

	private final FunctionsClientListener listener;

	private final String instance = UUID.randomUUID().toString();

	private final AtomicLong bookings = new AtomicLong();

	private final Object lock = new Object();

	private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

	/** A booking is under way for the first waiter. */
	private boolean booking;

	/** The first waiter waits for a slot to free; the timer wakes it. */
	private @Nullable Disposable wakeUp;

	/** When the store said the next per-minute slot frees, at the earliest. */
	private @Nullable Instant nextSlotAt;

	/**
	 * The spent hourly budget whose reset the timer has seen pass: from then on, one
	 * request may go on it, whatever the clock says.
	 */
	private @Nullable RateLimit resetPassed;

	/**
	 * The spent hourly budget one request has gone on since its reset passed: the others
	 * wait for a newer answer.
	 */
	private @Nullable RateLimit probed;

	/**
	 * @param store keeps the per-minute bookings
	 * @param scope what the budget counts, asked at each booking
	 * @param limit the most requests in any window, {@code 0} for no per-minute budget
	 * @param window the length of the sliding window, a minute with a margin
	 * @param rateLimit the hourly budget the latest answer reported
	 * @param maxWait the longest a call waits for the budget
	 * @param clock reads the hourly budget's reset time
	 */
	RequestBudget(BudgetStore store, Supplier<String> scope, int limit, Duration window, RateLimitState rateLimit,
			Duration maxWait, Clock clock, FunctionsClientListener listener) {
		this.store = store;
		this.scope = scope;
		this.limit = limit;
		this.window = window;
		this.rateLimit = rateLimit;
		this.maxWait = maxWait;
		this.clock = clock;
		this.listener = listener;
		rateLimit.onChange(this::drain);
	}

	/**
	 * Send the request when the budget allows, waiting no later than the call's deadline.
	 */
	<T> Mono<T> pace(ApiOperation operation, Mono<T> request, CallDeadline callDeadline) {
		return Mono.defer(() -> {
			RateLimit latest = this.rateLimit.latest();
			Duration hold = hourlyHold(latest);
			if (hold.compareTo(this.maxWait) > 0) {
				return Mono.error(tooLong(operation, "the hourly request budget is spent until " + latest.reset(), hold,
						latest.reset()));
			}
			Slot slot = bookAtOnce(latest);
			if (slot != null) {
				return request.doFinally((signal) -> touchLocal(slot));
			}
			return Mono.<Waiter>create((sink) -> enqueue(new Waiter(operation, sink), callDeadline))
				.flatMap((waiter) -> request.doFinally((signal) -> waiter.done()));
		});
	}

	/**
	 * Book a slot at once, with no waiter and no timer, for a call that comes while no
	 * call waits, the hourly budget is not spent and the window has room in a
	 * {@link LocalBudgetStore}, which answers at once: most calls.
	 * @return the slot booked, or {@code null} if the call must queue
	 */
	private @Nullable Slot bookAtOnce(RateLimit latest) {
		if (this.limit <= 0 || !(this.store instanceof LocalBudgetStore local) || isSpent(latest)) {
			return null;
		}
		synchronized (this.lock) {
			if (this.booking || this.wakeUp != null || !this.waiting.isEmpty()) {
				return null;
			}
			String scope = this.scope.get();
			String name = this.instance + "-" + this.bookings.incrementAndGet();
			return local.bookNow(scope, name, this.limit, this.window).isZero() ? new Slot(scope, name) : null;
		}
	}

	private void touchLocal(Slot slot) {
		((LocalBudgetStore) this.store).touchNow(slot.scope(), slot.name());
	}

	private void enqueue(Waiter waiter, CallDeadline callDeadline) {
		synchronized (this.lock) {
			this.waiting.addLast(waiter);
		}
		waiter.sink.onCancel(waiter::cancel);
		drain();
		if (!waiter.isSettled()) {
			// Only a call that has to wait needs a timer: most go at once, timer-free. It
			// waits no longer than its call may still run.
			long left = callDeadline.millisLeft();
			boolean callEndsFirst = left < this.maxWait.toMillis();
			Disposable deadline = Mono.delay(callEndsFirst ? Duration.ofMillis(Math.max(left, 0)) : this.maxWait)
				.subscribe((elapsed) -> waiter.timeOut(callEndsFirst ? callDeadline : null));
			waiter.deadline = deadline;
			if (waiter.isSettled()) {
				deadline.dispose();
			}
		}
	}

	/**
	 * Let the first waiters go while the budget allows; leave a timer to wake the first
	 * one when it must wait.
	 */
	private void drain() {
		Waiter first;
		boolean probe;
		synchronized (this.lock) {
			if (this.booking || this.wakeUp != null) {
				return;
			}
			first = this.waiting.peekFirst();
			if (first == null) {
				return;
			}
			RateLimit latest = this.rateLimit.latest();
			Duration hold = (latest == this.resetPassed) ? Duration.ZERO : hourlyHold(latest);
			if (!hold.isZero()) {
				wakeUpAfter(hold, latest);
				return;
			}
			probe = isSpent(latest);
			if (probe && latest == this.probed) {
				// One request went on this answer's freed slot: wait for the next answer.
				return;
			}
			this.booking = true;
		}
		if (this.limit <= 0) {
			booked(first, Duration.ZERO, null, probe);
			return;
		}
		String scope = this.scope.get();
		String name = this.instance + "-" + this.bookings.incrementAndGet();
		this.store.book(scope, name, this.limit, this.window)
			.subscribe((wait) -> booked(first, wait, new Slot(scope, name), probe), (ex) -> {
				logger.warn("Could not book a request in the rate-limit budget (" + this.store
						+ "): the request goes unbooked: " + ex);
				booked(first, Duration.ZERO, null, probe);
			});
	}

	private void booked(Waiter first, Duration wait, @Nullable Slot slot, boolean probe) {
		boolean granted = false;
		synchronized (this.lock) {
			this.booking = false;
			if (!wait.isZero()) {
				this.nextSlotAt = this.clock.instant().plus(wait);
				wakeUpAfter(wait, null);
			}
			else if (this.waiting.peekFirst() == first && first.take()) {
				this.waiting.pollFirst();
				if (probe) {
					this.probed = this.rateLimit.latest();
				}
				first.slot = slot;
				granted = true;
			}
		}
		if (granted) {
			first.go();
		}
		else if (wait.isZero() && slot != null) {
			// The call went away while its slot was booked: give the slot back.
			this.store.release(slot.scope(), slot.name()).subscribe(null, (ex) -> {
			});
		}
		drain();
	}

	/**
	 * Wake the first waiter when a slot frees.
	 * @param spent the spent hourly budget whose reset the wait is for, or {@code null}
	 * for the per-minute budget
	 */
	private void wakeUpAfter(Duration wait, @Nullable RateLimit spent) {
		this.wakeUp = Mono.delay(wait).subscribe((elapsed) -> {
			synchronized (this.lock) {
				this.wakeUp = null;
				if (spent != null) {
					this.resetPassed = spent;
				}
			}
			drain();
		});
	}

	private void leave(Waiter waiter) {
		synchronized (this.lock) {
			this.waiting.remove(waiter);
		}
		drain();
	}

	/**
	 * Return how long until the next slot frees, at the earliest, as the store last said.
	 */
	private @Nullable Duration untilNextSlot() {
		Instant next;
		synchronized (this.lock) {
			next = this.nextSlotAt;
		}
		if (next == null) {
			return null;
		}
		Duration wait = Duration.between(this.clock.instant(), next);
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	private Duration hourlyHold(RateLimit latest) {
		Instant now = this.clock.instant();
		if (!isSpent(latest) || !latest.reset().isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, latest.reset());
	}

	private static boolean isSpent(RateLimit latest) {
		return latest.remaining() != null && latest.remaining() <= 0 && latest.reset() != null;
	}

	private FunctionsRateLimitException tooLong(ApiOperation operation, String reason, Duration wait,
			@Nullable Instant resetAt) {
		return FunctionsRateLimitException.notSent(operation.operationName(),
				reason + ", which is longer than the wait allowed (max-rate-limit-wait " + this.maxWait + ")", wait,
				resetAt);
	}

	/**
	 * A booked slot, to give back if its call has gone.
	 */
	private record Slot(String scope, String name) {

	}

	/**
	 * A call waiting for the budget.
	 */
	private final class Waiter {

		private final ApiOperation operation;

		private final MonoSink<Waiter> sink;

		private final long since = System.nanoTime();

		private final Object state = new Object();

		private boolean settled;

		private volatile @Nullable Disposable deadline;

		/** The slot the request went on, to count again from its end. */
		private volatile @Nullable Slot slot;

		Waiter(ApiOperation operation, MonoSink<Waiter> sink) {
			this.operation = operation;
			this.sink = sink;
		}

		/**
		 * Take the waiter out of waiting, once: to go, to be cancelled, or to time out.
		 */
		boolean take() {
			synchronized (this.state) {
				if (this.settled) {
					return false;
				}
				this.settled = true;
				return true;
			}
		}

		boolean isSettled() {
			synchronized (this.state) {
				return this.settled;
			}
		}

		void go() {
			Disposable timer = this.deadline;
			if (timer != null) {
				timer.dispose();
			}
			long waited = System.nanoTime() - this.since;
			if (waited >= Duration.ofMillis(1).toNanos()) {
				RequestBudget.this.listener.onPacingWait(this.operation, Duration.ofNanos(waited));
			}
			this.sink.success(this);
		}

		void cancel() {
			if (take()) {
				Disposable timer = this.deadline;
				if (timer != null) {
					timer.dispose();
				}
				leave(this);
			}
		}

		/**
		 * Stop waiting, failing with the call's deadline when given, else with the
		 * budget's own wait exceeded.
		 */
		void timeOut(@Nullable CallDeadline callDeadline) {
			if (take()) {
				leave(this);
				if (callDeadline != null) {
					this.sink.error(callDeadline.exceeded());
					return;
				}
				this.sink.error(FunctionsRateLimitException.notSent(this.operation.operationName(),
						(this.operation.isInvocation()
								? "the client's budget of invocations per minute of the namespace"
								: "the client's budget of requests per minute")
								+ " had no slot free within the wait allowed (max-rate-limit-wait "
								+ RequestBudget.this.maxWait + ")",
						untilNextSlot(), null));
			}
		}

		/**
		 * The request has ended: its slot counts from now; a probe of a spent hourly
		 * budget that got no answer (a connection failure) lets the next waiter probe.
		 */
		void done() {
			Slot booked = this.slot;
			if (booked != null) {
				RequestBudget.this.store.touch(booked.scope(), booked.name(), RequestBudget.this.window)
					.subscribe(null, (ex) -> {
					});
			}
			synchronized (RequestBudget.this.lock) {
				if (RequestBudget.this.probed != null
						&& RequestBudget.this.probed == RequestBudget.this.rateLimit.latest()) {
					RequestBudget.this.probed = null;
				}
			}
			drain();
		}

	}

}
