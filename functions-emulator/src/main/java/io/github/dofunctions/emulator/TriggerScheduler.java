package io.github.dofunctions.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fires the scheduled triggers on the emulator's clock: each enabled trigger runs its
 * function, with its body as the parameters, every time its cron matches, in UTC, as
 * DigitalOcean reads a trigger's five-field cron ("How to Schedule Functions").
 * <p>
 * In real time, a ticker looks once a second for runs that fell due and starts each
 * without waiting for it; a run missed while nothing ticked (the process was suspended)
 * is fired once, not once per missed time. {@link #advance(Duration)} moves the clock
 * instead and fires every run due in between, in order, each at its due time and waited
 * for.
 */
final class TriggerScheduler {

	/**
	 * Most runs one {@link #advance(Duration)} fires: a year of a once-a-minute cron is
	 * refused rather than run for hours.
	 */
	static final int MAX_RUNS_PER_ADVANCE = 1000;

	/** DigitalOcean's longest function timeout: how long an advance waits for a run. */
	private static final Duration LONGEST_RUN = Duration.ofMinutes(15);

	private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
	};

	private final EmulatorState state;

	private final FunctionRuntime runtime;

	private final EmulatorClock clock;

	private final JsonMapper json;

	private final ReentrantLock firing = new ReentrantLock();

	private @Nullable ScheduledExecutorService ticker;

	TriggerScheduler(EmulatorState state, FunctionRuntime runtime, EmulatorClock clock, JsonMapper json) {
		this.state = state;
		this.runtime = runtime;
		this.clock = clock;
		this.json = json;
	}

	synchronized void start() {
		if (this.ticker == null) {
			this.ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "functions-emulator-triggers");
				thread.setDaemon(true);
				return thread;
			});
			// A task that throws is never run again: the ticker must outlive any one
			// tick.
			this.ticker.scheduleWithFixedDelay(() -> {
				try {
					fireDue();
				}
				catch (RuntimeException ex) {
					// Each run records its own failure; this only keeps the ticker alive.
				}
			}, 1, 1, TimeUnit.SECONDS);
		}
	}

	synchronized void stop() {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
			this.ticker = null;
		}
	}

	/**
	 * Fire, without waiting for them, the runs due by now; an advance in progress fires
	 * them itself.
	 */
	void fireDue() {
		if (!this.firing.tryLock()) {
			return;
		}
		try {
			Instant now = this.clock.instant();
			for (EmulatedTrigger due = this.state.nextDue(now); due != null; due = this.state.nextDue(now)) {
				if (this.state.recordRun(due, now) != null) {
					this.runtime.fire(due, parameters(due));
				}
			}
		}
		finally {
			this.firing.unlock();
		}
	}

	/**
	 * Move the clock forward and fire, in order, every run that falls due in between,
	 * each with the clock at its due time, waiting for each to end.
	 * @param duration how far to move
	 * @throws IllegalArgumentException if the duration is negative, or more than
	 * {@value #MAX_RUNS_PER_ADVANCE} runs fall due in it (then nothing moves)
	 */
	void advance(Duration duration) {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException("The time to advance must not be negative, but was " + duration);
		}
		this.firing.lock();
		try {
			Instant until = this.clock.instant().plus(duration);
			int runs = this.state.countRuns(until, MAX_RUNS_PER_ADVANCE);
			if (runs > MAX_RUNS_PER_ADVANCE) {
				throw new IllegalArgumentException("Advancing the emulator's clock by " + duration
						+ " would fire more than " + MAX_RUNS_PER_ADVANCE
						+ " scheduled runs, more than one advance fires; the clock was not moved. Advance in"
						+ " smaller steps, or disable the triggers that run this often");
			}
			for (EmulatedTrigger due = this.state.nextDue(until); due != null; due = this.state.nextDue(until)) {
				this.clock.moveTo(due.nextRunAt());
				if (this.state.recordRun(due, due.nextRunAt()) != null) {
					await(this.runtime.fire(due, parameters(due)));
				}
			}
			this.clock.moveTo(until);
		}
		finally {
			this.firing.unlock();
		}
	}

	/**
	 * Run a trigger now, outside its schedule, as the console's "run now" does: its
	 * function with its body, recorded as its run, waited for. Its last run becomes now;
	 * its next stays. Runs whether or not the trigger is enabled.
	 * @return the ended activation
	 */
	EmulatedActivation runNow(EmulatedTrigger trigger) {
		this.state.recordRunNow(trigger, this.clock.instant());
		return await(this.runtime.fire(trigger, parameters(trigger)));
	}

	private Map<String, Object> parameters(EmulatedTrigger trigger) {
		return (trigger.body() != null) ? this.json.readValue(trigger.body(), PARAMETERS) : new LinkedHashMap<>();
	}

	private static EmulatedActivation await(CompletableFuture<EmulatedActivation> run) {
		try {
			return run.get(LONGEST_RUN.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while a scheduled run was going on", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("A scheduled run did not end: " + ex.getMessage(), ex);
		}
	}

}
