package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The request conflicts with the state of the resource ({@code 409 Conflict}).
 */
public class FunctionsConflictException extends FunctionsApiException {

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param errorId error {@code id} from the body
	 * @param errorMessage error {@code message} from the body
	 * @param requestId request identifier from the body or headers
	 */
	public FunctionsConflictException(String operation, @Nullable String errorId, @Nullable String errorMessage,
			@Nullable String requestId) {
		super(operation, 409, errorId, errorMessage, requestId);
	}

}
