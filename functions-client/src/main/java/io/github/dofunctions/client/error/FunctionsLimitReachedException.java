package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * An account or namespace limit is reached ({@code 422 Unprocessable Entity}), for
 * example\n * the number of namespaces or triggers.
 */
public class FunctionsLimitReachedException extends FunctionsApiException {

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param errorId error {@code id} from the body
	 * @param errorMessage error {@code message} from the body
	 * @param requestId request identifier from the body or headers
	 */
	public FunctionsLimitReachedException(String operation, @Nullable String errorId, @Nullable String errorMessage,
			@Nullable String requestId) {
		super(operation, 422, errorId, errorMessage, requestId);
	}

}
