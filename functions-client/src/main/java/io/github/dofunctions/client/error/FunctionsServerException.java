package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * DigitalOcean failed to handle the request ({@code 5xx}).
 */
public class FunctionsServerException extends FunctionsApiException {

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param status HTTP status of the answer, {@code 500} to {@code 599}
	 * @param errorId error {@code id} from the body
	 * @param errorMessage error {@code message} from the body
	 * @param requestId request identifier from the body or headers
	 */
	public FunctionsServerException(String operation, int status, @Nullable String errorId,
			@Nullable String errorMessage, @Nullable String requestId) {
		super(operation, status, errorId, errorMessage, requestId);
	}

	@Override
	public FailureKind kind() {
		return FailureKind.SERVER_ERROR;
	}

}
