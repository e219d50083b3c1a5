package io.github.dofunctions.client;

import org.jspecify.annotations.Nullable;

/**
 * Told of every answer the API gives during a call: the HTTP exchange that reads the
 * answer tells the call that sent the request, for its summary. The call puts its
 * listener in the subscriber's context under {@code AnswerListener.class}.
 */
@FunctionalInterface
interface AnswerListener {

	/** A listener that is told nothing. */
	AnswerListener NONE = (status, requestId) -> {
	};

	/**
	 * An answer came.
	 * @param status its HTTP status
	 * @param requestId the request id it gave ({@code x-request-id}), or {@code null}
	 */
	void answered(int status, @Nullable String requestId);

}
