package io.github.dofunctions.client.error;

/**
 * What a failed call means: the one place a failure is sorted, by
 * {@link FunctionsException#kind()}. The retry policy, the circuit breaker, the outcome
 * of a call in metrics and the reason of a retry are each an exhaustive switch over these
 * kinds, so that a new kind cannot be left out of one of them unnoticed.
 */
public enum FailureKind {

	/**
	 * The API refused the request with a {@code 4xx} other than {@code 429}: it did not
	 * act, and would refuse the same request again.
	 */
	REFUSED,

	/**
	 * The API's rate limit refused the request ({@code 429}): it did not act; the request
	 * may be sent again once the limit allows.
	 */
	RATE_LIMITED,

	/**
	 * The client held the request back to stay within the rate limit, for longer than the
	 * call may wait: nothing was sent.
	 */
	CLIENT_RATE_LIMITED,

	/** The API failed ({@code 5xx}): it may have acted on the request. */
	SERVER_ERROR,

	/** The API answered, but with a body the client cannot read. */
	INVALID_RESPONSE,

	/** No answer came in time: the request was sent, and the API may have acted. */
	TIMEOUT,

	/**
	 * The connection failed: refused or unknown host (nothing sent), or reset or closed
	 * after the request was sent ({@link FunctionsConnectionException#requestSent()}).
	 */
	CONNECTION_FAILED,

	/**
	 * The HTTP connector gave the request no connection: its pool was full and its queue
	 * of waiting requests too, or the wait for a connection timed out. Nothing was sent;
	 * the API's health is not in question, only this application's connections.
	 */
	CONNECTION_POOL_EXHAUSTED,

	/** The circuit breaker is open: nothing was sent. */
	BREAKER_OPEN,

	/** A function ran and failed: the platform answered, with the activation. */
	FUNCTION_FAILED,

	/** An access key was created, but the answer with its secret was lost. */
	ORPHANED_ACCESS_KEY

}
