package io.github.dofunctions.client;

import java.util.concurrent.TimeUnit;

import reactor.core.scheduler.Schedulers;

/**
 * How long a call may still run, and its failure once it may not: the call's attempts and
 * its waits (for the budget, for a concurrency permit, before a retry) are each bounded
 * by it, so that a call needs no timer of its own beside its attempt's. Times are those
 * of Reactor's parallel scheduler, on which the timers run (a test's virtual time).
 */
interface CallDeadline {

	/** No deadline: every wait may take as long as its own bound. */
	CallDeadline NONE = new CallDeadline() {

		@Override
		public long millisLeft() {
			return Long.MAX_VALUE;
		}

		@Override
		public Throwable exceeded() {
			throw new IllegalStateException("A call without a deadline cannot exceed it");
		}

	};

	/**
	 * Return how long the call may still run.
	 * @return milliseconds, {@code 0} or less once the deadline has passed,
	 * {@link Long#MAX_VALUE} for no deadline
	 */
	long millisLeft();

	/**
	 * Return the call's failure at its deadline, which ends the call: no retry follows.
	 * @return the failure
	 */
	Throwable exceeded();

	/**
	 * Return the time now, as deadlines count it.
	 * @return the parallel scheduler's time in milliseconds
	 */
	static long now() {
		return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
	}

}
