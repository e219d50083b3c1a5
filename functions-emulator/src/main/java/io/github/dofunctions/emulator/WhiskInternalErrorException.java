package io.github.dofunctions.emulator;

/**
 * Thrown by a {@link FunctionHandler} to stand for a failure of the platform rather than
 * of the function, such as a container that could not start: the activation ends as a
 * {@code whisk internal error} (status code 3), and a blocking call answers {@code 500}
 * with the activation record, as Apache OpenWhisk's controller answers any outcome other
 * than success and application or developer errors ({@code Actions.scala},
 * {@code doInvoke}).
 */
public class WhiskInternalErrorException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message the activation's {@code error}, as the platform would give it
	 */
	public WhiskInternalErrorException(String message) {
		super(message);
	}

}
