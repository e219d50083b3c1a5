package io.github.dofunctions.client.resilience;

import java.time.Clock;

/**
 * Gives tests in other packages the clock of Reactor's parallel scheduler, which follows
 * a test's virtual time.
 */
public final class SchedulerClocks {

	private SchedulerClocks() {
	}

	/**
	 * Return the time of Reactor's parallel scheduler.
	 * @return the clock
	 */
	public static Clock scheduler() {
		return SchedulerClock.INSTANCE;
	}

}
