package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The API answered with an error status, or with a body the client could not read.
 * <p>
 * Each documented status has its own subclass; other statuses (such as {@code 418}) are
 * raised as this class itself. Every instance carries what DigitalOcean said: the HTTP
 * status, the error {@code id}, its message and the {@code request_id} to quote to
 * support.
 */
public class FunctionsApiException extends FunctionsException {

	/** The HTTP status of the answer. */
	private final int status;

	/** DigitalOcean's error {@code id}, or {@code null}. */
	private final @Nullable String errorId;

	/** DigitalOcean's error {@code message}, or {@code null}. */
	private final @Nullable String errorMessage;

	/** DigitalOcean's {@code request_id}, or {@code null}. */
	private final @Nullable String requestId;

	/**
	 * Create an exception for an error answer.
	 * @param operation name of the client operation, such as {@code getNamespace}
	 * @param status HTTP status of the answer
	 * @param errorId error {@code id} from the body, such as {@code not_found}
	 * @param errorMessage error {@code message} from the body, or a description of the
	 * body when it had none
	 * @param requestId {@code request_id} from the body, else the {@code x-request-id}
	 * header
	 */
	public FunctionsApiException(String operation, int status, @Nullable String errorId, @Nullable String errorMessage,
			@Nullable String requestId) {
		this(operation, status, errorId, errorMessage, requestId, null);
	}

	/**
	 * Create an exception for an error answer, with a cause.
	 * @param operation name of the client operation, such as {@code getNamespace}
	 * @param status HTTP status of the answer
	 * @param errorId error {@code id} from the body
	 * @param errorMessage error {@code message} from the body
	 * @param requestId request identifier from the body or headers
	 * @param cause the cause, or {@code null}
	 */
	protected FunctionsApiException(String operation, int status, @Nullable String errorId,
			@Nullable String errorMessage, @Nullable String requestId, @Nullable Throwable cause) {
		super(operation, describe(operation, status, errorId, errorMessage, requestId), cause);
		this.status = status;
		this.errorId = errorId;
		this.errorMessage = errorMessage;
		this.requestId = requestId;
	}

	/**
	 * Create an exception with a message of its own, for a failure that is not an answer
	 * DigitalOcean gave, such as a request the client held back.
	 * @param operation name of the client operation
	 * @param message the detail message
	 * @param status the status DigitalOcean would have answered
	 * @param errorId the error id
	 * @param errorMessage what happened
	 */
	protected FunctionsApiException(String operation, String message, int status, @Nullable String errorId,
			@Nullable String errorMessage) {
		super(operation, message, null);
		this.status = status;
		this.errorId = errorId;
		this.errorMessage = errorMessage;
		this.requestId = null;
	}

	private static String describe(String operation, int status, @Nullable String errorId,
			@Nullable String errorMessage, @Nullable String requestId) {
		StringBuilder message = new StringBuilder(operation).append(" failed: ").append(status);
		if (errorId != null) {
			message.append(' ').append(errorId);
		}
		if (errorMessage != null) {
			message.append(": ").append(errorMessage);
		}
		if (requestId != null) {
			message.append(" (request_id ").append(requestId).append(')');
		}
		return message.toString();
	}

	/**
	 * Return the HTTP status of the answer.
	 * @return the status code, such as {@code 404}
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Return the error {@code id} of the body, a short name of the error.
	 * @return the error id, such as {@code not_found}, or {@code null} if the body had
	 * none
	 */
	public @Nullable String errorId() {
		return this.errorId;
	}

	/**
	 * Return the error {@code message} of the body.
	 * @return the message DigitalOcean gave, or a description of the body when it was not
	 * the documented JSON, or {@code null} if there was no body
	 */
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * Return the identifier DigitalOcean gave the request, to quote to its support.
	 * @return the {@code request_id} of the body, else the {@code x-request-id} header,
	 * or {@code null} if neither was present
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Return {@link FailureKind#REFUSED}: an answer whose status has no subclass of its
	 * own, like the {@code 4xx} subclasses, is a refusal.
	 */
	@Override
	public FailureKind kind() {
		return FailureKind.REFUSED;
	}

}
