package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The API refused the request as invalid ({@code 400 Bad Request}).
 */
public class FunctionsBadRequestException extends FunctionsApiException {

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param errorId error {@code id} from the body
	 * @param errorMessage error {@code message} from the body
	 * @param requestId request identifier from the body or headers
	 */
	public FunctionsBadRequestException(String operation, @Nullable String errorId, @Nullable String errorMessage,
			@Nullable String requestId) {
		super(operation, 400, errorId, errorMessage, requestId);
	}

}
