package io.github.dofunctions.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock: the clock it was built with, moved forward by what
 * {@link FunctionsEmulator#advanceTime(Duration)} added. Every time the emulator tells
 * (creation times, rate-limit windows, key expiry, trigger runs, activations) is read
 * from it.
 */
final class EmulatorClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	EmulatorClock(Clock base) {
		this.base = base;
	}

	@Override
	public ZoneId getZone() {
		return this.base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The emulator's clock tells UTC only");
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

	/**
	 * Move the clock forward to an instant; an instant already past leaves it where it
	 * is.
	 */
	void moveTo(Instant instant) {
		this.offset.updateAndGet((current) -> {
			Duration wanted = Duration.between(this.base.instant(), instant);
			return (wanted.compareTo(current) > 0) ? wanted : current;
		});
	}

	/**
	 * Tell the time of the clock the emulator was built with again.
	 */
	void reset() {
		this.offset.set(Duration.ZERO);
	}

}
