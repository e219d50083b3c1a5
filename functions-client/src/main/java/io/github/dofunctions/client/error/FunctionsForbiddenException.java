package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The token is valid but lacks the scope for the operation ({@code 403 Forbidden}).
 */
public class FunctionsForbiddenException extends FunctionsApiException {

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param errorId error {@code id} from the body
	 * @param errorMessage error {@code message} from the body
	 * @param requestId request identifier from the body or headers
	 */
	public FunctionsForbiddenException(String operation, @Nullable String errorId, @Nullable String errorMessage,
			@Nullable String requestId) {
		super(operation, 403, errorId, errorMessage, requestId);
	}

}
