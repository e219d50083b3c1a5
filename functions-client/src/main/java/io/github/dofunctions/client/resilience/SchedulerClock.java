package io.github.dofunctions.client.resilience;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import reactor.core.scheduler.Schedulers;

/**
 * The time of Reactor's parallel scheduler, on which the client's waits run: the system
 * clock, or a test's virtual time.
 */
final class SchedulerClock extends Clock {

	static final SchedulerClock INSTANCE = new SchedulerClock();

	private SchedulerClock() {
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
	}

}
