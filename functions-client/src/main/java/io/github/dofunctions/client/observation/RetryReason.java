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

	/**
	 * An attempt with no complete answer within its response timeout: it may have been
	 * served.
	 */
	TIMEOUT,

	/**
	 * A failed connection, or a connection the pool could not give: nothing was served.
	 */
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
			case TIMEOUT -> TIMEOUT;
			// The rest are never retried but a failed connection.
			case CONNECTION_FAILED, CONNECTION_POOL_EXHAUSTED, REFUSED, INVALID_RESPONSE, BREAKER_OPEN, FUNCTION_FAILED,
					ORPHANED_ACCESS_KEY ->
				CONNECTION;
		};
	}

}
