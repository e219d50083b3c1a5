package io.github.dofunctions.client;

import java.util.Set;

import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsException;

/**
 * Sorts failures for the retry and the circuit breaker, by their
 * {@link FunctionsException#kind() kind}.
 */
final class FailureClassifier {

	private static final Set<Integer> TRANSIENT_SERVER_STATUSES = Set.of(500, 502, 503, 504);

	private FailureClassifier() {
	}

	/**
	 * Whether trying again may succeed: a {@code 429} from the server, a transient server
	 * error, or no answer. Never any other {@code 4xx}, nor an open circuit breaker.
	 */
	static boolean isTransient(Throwable ex) {
		if (!(ex instanceof FunctionsException failure)) {
			return false;
		}
		return switch (failure.kind()) {
			case RATE_LIMITED, TIMEOUT, CONNECTION_FAILED, CONNECTION_POOL_EXHAUSTED -> true;
			case SERVER_ERROR -> TRANSIENT_SERVER_STATUSES.contains(((FunctionsApiException) failure).status());
			case REFUSED, CLIENT_RATE_LIMITED, INVALID_RESPONSE, BREAKER_OPEN, FUNCTION_FAILED, ORPHANED_ACCESS_KEY ->
				false;
		};
	}

	/**
	 * Whether the server may have acted on the request although the call failed: any
	 * {@code 5xx}, or a connection lost after the request was sent.
	 */
	static boolean mayHaveActed(Throwable ex) {
		if (!(ex instanceof FunctionsException failure)) {
			return false;
		}
		return switch (failure.kind()) {
			case SERVER_ERROR -> true;
			case TIMEOUT, CONNECTION_FAILED -> ((FunctionsConnectionException) failure).requestSent();
			case REFUSED, RATE_LIMITED, CLIENT_RATE_LIMITED, INVALID_RESPONSE, BREAKER_OPEN, FUNCTION_FAILED,
					ORPHANED_ACCESS_KEY, CONNECTION_POOL_EXHAUSTED ->
				false;
		};
	}

}
