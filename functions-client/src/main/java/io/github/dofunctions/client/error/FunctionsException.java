package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the DigitalOcean Functions client raises for a failed call.
 * Arguments the client refuses before sending anything raise
 * {@link IllegalArgumentException} instead.
 */
public abstract class FunctionsException extends RuntimeException {

	/** The client operation that failed. */
	private final String operation;

	/**
	 * Create an exception.
	 * @param operation name of the client operation that failed, such as
	 * {@code getNamespace}
	 * @param message the detail message
	 * @param cause the cause, or {@code null}
	 */
	protected FunctionsException(String operation, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.operation = operation;
	}

	/**
	 * Return the name of the client operation that failed.
	 * @return the operation name, such as {@code getNamespace}
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Return what kind of failure this is: whether the request was sent, whether the
	 * server may have acted, whether trying again may help.
	 * @return the kind of failure
	 */
	public abstract FailureKind kind();

}
