package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The namespace, trigger, key, function or activation does not exist
 * ({@code 404 Not Found}); for a function, the message names it and its namespace.
 * DigitalOcean also answers some invalid creates with {@code 404}: {@link #errorId()}
 * tells them apart.
 */
public class FunctionsNotFoundException extends FunctionsApiException {

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param errorId error {@code id} from the body
	 * @param errorMessage error {@code message} from the body
	 * @param requestId request identifier from the body or headers
	 */
	public FunctionsNotFoundException(String operation, @Nullable String errorId, @Nullable String errorMessage,
			@Nullable String requestId) {
		super(operation, 404, errorId, errorMessage, requestId);
	}

}
