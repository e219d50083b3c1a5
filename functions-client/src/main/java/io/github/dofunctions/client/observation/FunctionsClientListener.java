package io.github.dofunctions.client.observation;

import java.time.Duration;
import java.util.List;

import io.github.dofunctions.client.model.ApiOperation;

/**
 * Told what the client's calls do, for metrics, health and logs. Methods are called on
 * the thread that observed the event and must return quickly; every method does nothing
 * by default.
 */
public interface FunctionsClientListener {

	/** A listener that does nothing. */
	FunctionsClientListener NONE = new FunctionsClientListener() {
	};

	/**
	 * Return a listener that tells each of the given listeners, in order.
	 * @param listeners the listeners
	 * @return one listener standing for them all
	 */
	static FunctionsClientListener of(List<? extends FunctionsClientListener> listeners) {
		List<FunctionsClientListener> all = List.copyOf(listeners);
		if (all.isEmpty()) {
			return NONE;
		}
		if (all.size() == 1) {
			return all.get(0);
		}
		return new FunctionsClientListener() {

			@Override
			public void onRetry(ApiOperation operation, RetryReason reason, Duration wait) {
				all.forEach((listener) -> listener.onRetry(operation, reason, wait));
			}

			@Override
			public void onRateLimited(ApiOperation operation) {
				all.forEach((listener) -> listener.onRateLimited(operation));
			}

			@Override
			public void onPacingWait(ApiOperation operation, Duration wait) {
				all.forEach((listener) -> listener.onPacingWait(operation, wait));
			}

			@Override
			public void onCallCompleted(CallSummary summary) {
				all.forEach((listener) -> listener.onCallCompleted(summary));
			}

		};
	}

	/**
	 * A call is about to be tried again.
	 * @param operation the operation
	 * @param reason why
	 * @param wait how long until the next attempt
	 */
	default void onRetry(ApiOperation operation, RetryReason reason, Duration wait) {
	}

	/**
	 * The API answered {@code 429}.
	 * @param operation the operation
	 */
	default void onRateLimited(ApiOperation operation) {
	}

	/**
	 * A request waits for its slot in the rate limit before it is sent.
	 * @param operation the operation
	 * @param wait how long it waits
	 */
	default void onPacingWait(ApiOperation operation, Duration wait) {
	}

	/**
	 * A call ended.
	 * @param summary how
	 */
	default void onCallCompleted(CallSummary summary) {
	}

}
