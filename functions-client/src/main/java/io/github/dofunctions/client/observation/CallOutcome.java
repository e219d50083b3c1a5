package io.github.dofunctions.client.observation;

import io.github.dofunctions.client.error.FunctionsException;
import org.jspecify.annotations.Nullable;

/**
 * How a call ended, in few enough values to tag metrics with.
 */
public enum CallOutcome {

	/** The API answered with success. */
	SUCCESS,

	/** The API refused the request with a {@code 4xx} other than {@code 429}. */
	CLIENT_ERROR,

	/** The rate limit stopped the call, at the API or in the client. */
	RATE_LIMITED,

	/** The API failed with a {@code 5xx}. */
	SERVER_ERROR,

	/** The API answered with a body the client could not read. */
	INVALID_RESPONSE,

	/** No answer came in time. */
	TIMEOUT,

	/** The connection failed. */
	CONNECTION_ERROR,

	/** The circuit breaker was open: nothing was sent. */
	UNAVAILABLE,

	/** The caller cancelled the call. */
	CANCELLED,

	/** Anything else, such as an error in the application's own code. */
	UNKNOWN;

	/**
	 * Return the outcome of a call that ended with the given error.
	 * @param error the error, or {@code null} for success
	 * @return the outcome
	 */
	public static CallOutcome of(@Nullable Throwable error) {
		if (error == null) {
			return SUCCESS;
		}
		if (!(error instanceof FunctionsException failure)) {
			return UNKNOWN;
		}
		return switch (failure.kind()) {
			case RATE_LIMITED, CLIENT_RATE_LIMITED -> RATE_LIMITED;
			case SERVER_ERROR -> SERVER_ERROR;
			case INVALID_RESPONSE -> INVALID_RESPONSE;
			case REFUSED -> CLIENT_ERROR;
			case TIMEOUT -> TIMEOUT;
			case CONNECTION_FAILED, CONNECTION_POOL_EXHAUSTED -> CONNECTION_ERROR;
			case BREAKER_OPEN -> UNAVAILABLE;
			case FUNCTION_FAILED, ORPHANED_ACCESS_KEY -> UNKNOWN;
		};
	}

}
