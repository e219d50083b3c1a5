package io.github.dofunctions.client.error;

import java.util.List;

import io.github.dofunctions.client.model.Activation;
import org.jspecify.annotations.Nullable;

/**
 * A function ran and failed: it reported an error, crashed or timed out. The platform
 * answered, so this is not an outage: it is never retried (the function has run) and
 * never counts against the circuit breaker.
 */
public class FunctionInvocationException extends FunctionsException {

	private static final int MAX_QUOTED_ERROR = 200;

	/** The function that was invoked. */
	private final String function;

	/** The activation that failed, with its result and logs. */
	private final Activation activation;

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param function name of the function
	 * @param activation the failed activation
	 */
	public FunctionInvocationException(String operation, String function, Activation activation) {
		super(operation, describe(function, activation), null);
		this.function = function;
		this.activation = activation;
	}

	private static String describe(String function, Activation activation) {
		String message = "Function '" + function + "' failed in activation " + activation.activationId() + " ("
				+ activation.status() + ")";
		Object error = activation.error();
		if (error instanceof String text) {
			String quoted = (text.length() > MAX_QUOTED_ERROR) ? text.substring(0, MAX_QUOTED_ERROR) + "..." : text;
			message += ": " + quoted;
		}
		return message;
	}

	/**
	 * Return the name of the function.
	 * @return the function, as invoked
	 */
	public String function() {
		return this.function;
	}

	/**
	 * Return the failed activation.
	 * @return the activation, with its result and logs
	 */
	public Activation activation() {
		return this.activation;
	}

	/**
	 * Return the activation's id.
	 * @return the activation id
	 */
	public String activationId() {
		return this.activation.activationId();
	}

	/**
	 * Return how the activation ended.
	 * @return {@link Activation#APPLICATION_ERROR}, {@link Activation#DEVELOPER_ERROR},
	 * {@link Activation#INTERNAL_ERROR}, or {@code null} if the record does not say
	 */
	public @Nullable String status() {
		return this.activation.status();
	}

	/**
	 * Return what the function returned, usually an object with an {@code error} field.
	 * @return the result as {@link Activation#result()} describes it
	 */
	public @Nullable Object result() {
		return this.activation.result();
	}

	/**
	 * Return what the function logged.
	 * @return the log lines
	 */
	public List<String> logs() {
		return this.activation.logs();
	}

	@Override
	public FailureKind kind() {
		return FailureKind.FUNCTION_FAILED;
	}

}
