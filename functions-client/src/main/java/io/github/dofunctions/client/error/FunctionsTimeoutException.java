package io.github.dofunctions.client.error;

/**
 * A call sent its request but no complete answer came in time. The server may have acted
 * on the request.
 */
public class FunctionsTimeoutException extends FunctionsConnectionException {

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param message what timed out
	 * @param cause the timeout
	 */
	public FunctionsTimeoutException(String operation, String message, Throwable cause) {
		super(operation, message, true, cause);
	}

	@Override
	public FailureKind kind() {
		return FailureKind.TIMEOUT;
	}

}
