package io.github.dofunctions.client.observation;

import io.github.dofunctions.client.error.FunctionsException;

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
		if (!(failure instanceof FunctionsException known)) {
			return CONNECTION;
		}
		return switch (known.kind()) {
			case RATE_LIMITED, CLIENT_RATE_LIMITED -> RATE_LIMIT;
			case SERVER_ERROR -> SERVER_ERROR;
			// The rest are never retried; a timeout is a connection's failure.
			case TIMEOUT, CONNECTION_FAILED, CONNECTION_POOL_EXHAUSTED, REFUSED, INVALID_RESPONSE, BREAKER_OPEN,
					FUNCTION_FAILED, ORPHANED_ACCESS_KEY ->
				CONNECTION;
		};
	}

}
