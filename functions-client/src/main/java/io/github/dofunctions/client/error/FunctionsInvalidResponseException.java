package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The API answered with a success status but a body the client cannot use: not the
 * documented JSON, missing the expected object, or larger than the configured limit.
 */
public class FunctionsInvalidResponseException extends FunctionsApiException {

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param status HTTP status of the answer
	 * @param problem what is wrong with the body
	 * @param requestId the {@code x-request-id} header, or {@code null}
	 * @param cause the parsing failure, or {@code null}
	 */
	public FunctionsInvalidResponseException(String operation, int status, String problem, @Nullable String requestId,
			@Nullable Throwable cause) {
		super(operation, status, null, problem, requestId, cause);
	}

	@Override
	public FailureKind kind() {
		return FailureKind.INVALID_RESPONSE;
	}

}
