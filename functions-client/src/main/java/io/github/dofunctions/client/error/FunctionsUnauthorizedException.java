package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The API did not accept the token ({@code 401 Unauthorized}): it is missing, wrong,
 * expired or revoked.
 */
public class FunctionsUnauthorizedException extends FunctionsApiException {

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param errorId error {@code id} from the body
	 * @param errorMessage error {@code message} from the body
	 * @param requestId request identifier from the body or headers
	 */
	public FunctionsUnauthorizedException(String operation, @Nullable String errorId, @Nullable String errorMessage,
			@Nullable String requestId) {
		super(operation, 401, errorId, errorMessage, requestId);
	}

}
