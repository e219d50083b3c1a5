package io.github.dofunctions.client.resilience;

import java.util.Set;

import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsServerException;

/**
 * Sorts failures for the retry and the circuit breaker.
 */
final class FailureClassifier {

	/** Error id of a {@code 429} the client raised itself instead of sending the call. */
	static final String CLIENT_RATE_LIMIT = "client_rate_limit";

	private static final Set<Integer> TRANSIENT_SERVER_STATUSES = Set.of(500, 502, 503, 504);

	private FailureClassifier() {
	}

	/**
	 * Whether trying again may succeed: a {@code 429} from the server, a transient server
	 * error, or no answer. Never any other {@code 4xx}, nor an open circuit breaker.
	 */
	static boolean isTransient(Throwable ex) {
		if (ex instanceof FunctionsRateLimitException rateLimit) {
			return !CLIENT_RATE_LIMIT.equals(rateLimit.errorId());
		}
		if (ex instanceof FunctionsServerException server) {
			return TRANSIENT_SERVER_STATUSES.contains(server.status());
		}
		return ex instanceof FunctionsConnectionException;
	}

	/**
	 * Whether the server may have acted on the request although the call failed: any
	 * {@code 5xx}, or a connection lost after the request was sent.
	 */
	static boolean mayHaveActed(Throwable ex) {
		return ex instanceof FunctionsServerException
				|| (ex instanceof FunctionsConnectionException connection && connection.requestSent());
	}

	/**
	 * Whether a failure speaks of the API's health, and counts against the circuit
	 * breaker: server errors, timeouts and connection failures. A {@code 4xx} or a
	 * {@code 429} is an answer from a working API.
	 */
	static boolean isOutage(Throwable ex) {
		return ex instanceof FunctionsServerException || ex instanceof FunctionsConnectionException;
	}

}
