package io.github.dofunctions.client.resilience;

import java.util.concurrent.atomic.AtomicReference;

import io.github.dofunctions.client.model.RateLimit;

/**
 * The hourly budget of one API, as the latest answer's {@code ratelimit-*} headers
 * described it: written by the exchange that reads each answer, read by the
 * {@link ResilientCalls} that pace the API's calls and by
 * {@code FunctionsOperations.rateLimit()}. DigitalOcean's control plane has one; each
 * namespace's API host has its own. Thread-safe.
 */
public final class RateLimitState {

	private final AtomicReference<RateLimit> latest = new AtomicReference<>(RateLimit.unknown());

	/**
	 * Record what an answer said of the budget.
	 * @param described the budget the answer's headers described
	 */
	public void record(RateLimit described) {
		this.latest.set(described);
	}

	/**
	 * Return what the latest answer said of the budget.
	 * @return the budget, or {@link RateLimit#unknown()} before any answer described it
	 */
	public RateLimit latest() {
		return this.latest.get();
	}

	@Override
	public String toString() {
		return "RateLimitState[" + latest() + "]";
	}

}
