package io.github.dofunctions.client.observation;

import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsServerException;

/**
 * Why a call was tried again.
 */
public enum RetryReason {

	/** A {@code 429}: the rate limit. */
	RATE_LIMIT,

	/** A transient {@code 5xx}. */
	SERVER_ERROR,

	/** A timeout or a failed connection. */
	CONNECTION;

	/**
	 * Return the reason for retrying after the given failure.
	 * @param failure a failure the retry policy retries
	 * @return the reason
	 */
	public static RetryReason of(Throwable failure) {
		if (failure instanceof FunctionsRateLimitException) {
			return RATE_LIMIT;
		}
		return (failure instanceof FunctionsServerException) ? SERVER_ERROR : CONNECTION;
	}

}
