package io.github.dofunctions.client.error;

/**
 * A call got no answer: the connection could not be made, was reset, or timed out.
 */
public class FunctionsConnectionException extends FunctionsException {

	/** Whether the request may have reached the server. */
	private final boolean requestSent;

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param message what happened
	 * @param requestSent whether the request may have reached the server
	 * @param cause the transport failure
	 */
	public FunctionsConnectionException(String operation, String message, boolean requestSent, Throwable cause) {
		super(operation, message, cause);
		this.requestSent = requestSent;
	}

	/**
	 * Return whether the request may have reached DigitalOcean. It is {@code false} only
	 * when no connection was established (refused, unknown host, connect timeout), so the
	 * server cannot have acted on the request.
	 * @return whether the server may have received the request
	 */
	public boolean requestSent() {
		return this.requestSent;
	}

	@Override
	public FailureKind kind() {
		return FailureKind.CONNECTION_FAILED;
	}

}
