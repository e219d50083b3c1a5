package io.github.dofunctions.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.util.context.ContextView;

/**
 * Lets at most a given number of requests be in flight; the others queue, in order, and
 * go when one ends. Nothing blocks: a queued request is a subscriber waiting for a
 * permit, and a cancelled one leaves the queue.
 * <p>
 * Resilience4j's reactive bulkhead refuses a request over the limit at once instead of
 * queueing it, which would turn a burst of calls into failures.
 * <p>
 * A request may {@link #keep} its permit past its own end, for what the platform still
 * counts as in flight: a blocking invocation demoted to an asynchronous one (answered
 * {@code 202} once the platform stopped waiting) runs on, and OpenWhisk's concurrency
 * limit counts each activation until it completes, not until its request is answered
 * (apache/openwhisk, {@code LoadBalancer.activeActivationsFor}, which the
 * {@code ActivationThrottler} compares with {@code concurrentInvocations}; DigitalOcean
 * documents the limit as "up to 120 concurrent functions" a namespace,
 * docs.digitalocean.com/products/functions/details/limits).
 */
final class ConcurrencyLimit {

	private final int limit;

	private final Object lock = new Object();

	private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

	private int inFlight;

	ConcurrencyLimit(int limit) {
		this.limit = limit;
	}

	/**
	 * Run a request once a permit is free, waiting no later than the call's deadline, and
	 * free the permit however it ends, unless the request {@link #keep kept} it. The
	 * permit is in the request's context.
	 */
	<T> Mono<T> run(Mono<T> request, CallDeadline deadline) {
		return Mono.usingWhen(acquire(deadline),
				(permit) -> request.contextWrite((context) -> context.put(Permit.class, permit)), Permit::release,
				(permit, ex) -> permit.release(), Permit::release);
	}

	/**
	 * Keep the permit of the request running in the given context past the request's end:
	 * it is freed only when the returned action runs (once, however often it is run).
	 * @param context the context of a request run by {@link #run}
	 * @return what frees the permit; does nothing if the request holds none
	 */
	static Runnable keep(ContextView context) {
		Permit permit = context.getOrDefault(Permit.class, null);
		return (permit != null && permit.kept.compareAndSet(false, true)) ? permit::free : () -> {
		};
	}

	int inFlight() {
		synchronized (this.lock) {
			return this.inFlight;
		}
	}

	private Mono<Permit> acquire(CallDeadline deadline) {
		return Mono.create((sink) -> {
			Waiter waiter = new Waiter(sink);
			boolean now;
			synchronized (this.lock) {
				now = this.inFlight < this.limit;
				if (now) {
					this.inFlight++;
				}
				else {
					this.waiting.add(waiter);
				}
			}
			if (now) {
				waiter.grant();
				return;
			}
			sink.onCancel(waiter::cancel);
			long left = deadline.millisLeft();
			if (left != Long.MAX_VALUE) {
				// Only a waiting request needs a timer, and only for its call's deadline.
				Disposable timer = Mono.delay(Duration.ofMillis(Math.max(left, 0)))
					.subscribe((elapsed) -> waiter.timeOut(deadline));
				sink.onDispose(timer);
			}
		});
	}

	/**
	 * Hand a freed permit to the first waiter still waiting, or put it back.
	 */
	private void handOver() {
		while (true) {
			Waiter next;
			synchronized (this.lock) {
				next = this.waiting.poll();
				if (next == null) {
					this.inFlight--;
					return;
				}
			}
			if (next.grant()) {
				return;
			}
		}
	}

	private final class Waiter {

		private static final int WAITING = 0;

		private static final int GRANTED = 1;

		private static final int CANCELLED = 2;

		private final MonoSink<Permit> sink;

		private final AtomicInteger state = new AtomicInteger(WAITING);

		private final Permit permit = new Permit();

		Waiter(MonoSink<Permit> sink) {
			this.sink = sink;
		}

		boolean grant() {
			if (!this.state.compareAndSet(WAITING, GRANTED)) {
				return false;
			}
			this.sink.success(this.permit);
			return true;
		}

		void timeOut(CallDeadline deadline) {
			if (this.state.compareAndSet(WAITING, CANCELLED)) {
				synchronized (ConcurrencyLimit.this.lock) {
					ConcurrencyLimit.this.waiting.remove(this);
				}
				this.sink.error(deadline.exceeded());
			}
		}

		void cancel() {
			if (this.state.compareAndSet(WAITING, CANCELLED)) {
				synchronized (ConcurrencyLimit.this.lock) {
					ConcurrencyLimit.this.waiting.remove(this);
				}
			}
			else {
				// Granted as the subscriber went away: the permit may never reach the
				// request, so give it back (a permit is only released once).
				this.permit.release();
			}
		}

	}

	private final class Permit {

		private final AtomicBoolean kept = new AtomicBoolean();

		private final AtomicBoolean released = new AtomicBoolean();

		/** Free the permit as its request ends, unless the request kept it. */
		Mono<Void> release() {
			if (!this.kept.get()) {
				free();
			}
			return Mono.empty();
		}

		void free() {
			if (this.released.compareAndSet(false, true)) {
				handOver();
			}
		}

	}

}
