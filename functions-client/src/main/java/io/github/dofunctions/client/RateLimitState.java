package io.github.dofunctions.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dofunctions.client.model.RateLimit;

/**
 * The hourly budget of one API, as the latest answer's {@code ratelimit-*} headers
 * described it: written by the exchange that reads each answer, read by the
 * {@link ResilientCalls} that pace the API's calls and by
 * {@code FunctionsOperations.rateLimit()}. DigitalOcean's control plane has one; each
 * namespace's API host has its own. Thread-safe.
 */
final class RateLimitState {

	private final AtomicReference<RateLimit> latest = new AtomicReference<>(RateLimit.unknown());

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Create a state that knows no budget yet ({@link RateLimit#unknown()}).
	 */
	RateLimitState() {
	}

	/**
	 * Record what an answer said of the budget, and tell the listeners.
	 * @param described the budget the answer's headers described
	 */
	void record(RateLimit described) {
		this.latest.set(described);
		this.listeners.forEach(Runnable::run);
	}

	/**
	 * Be told each time an answer describes the budget, such as to let go the calls that
	 * wait for it.
	 * @param listener run on the thread that read the answer; must not block
	 */
	void onChange(Runnable listener) {
		this.listeners.add(listener);
	}

	/**
	 * Return what the latest answer said of the budget.
	 * @return the budget, or {@link RateLimit#unknown()} before any answer described it
	 */
	RateLimit latest() {
		return this.latest.get();
	}

	@Override
	public String toString() {
		return "RateLimitState[" + latest() + "]";
	}

}
