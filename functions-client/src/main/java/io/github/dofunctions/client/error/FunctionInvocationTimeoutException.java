package io.github.dofunctions.client.error;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * The caller's deadline passed before a function's result came. The function may still be
 * running: with an {@link #activationId()}, its result can be awaited or fetched later.
 */
public class FunctionInvocationTimeoutException extends FunctionsTimeoutException {

	/** The activation still running, or {@code null} if the call was not demoted. */
	private final @Nullable String activationId;

	/** How long the caller waited. */
	private final Duration deadline;

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param function name of the function, or {@code null} when awaiting an activation
	 * @param activationId the activation, or {@code null} if the platform had not yet
	 * named it
	 * @param deadline the deadline that passed
	 */
	public FunctionInvocationTimeoutException(String operation, @Nullable String function,
			@Nullable String activationId, Duration deadline) {
		super(operation, describe(function, activationId, deadline), new TimeoutException());
		this.activationId = activationId;
		this.deadline = deadline;
	}

	private static String describe(@Nullable String function, @Nullable String activationId, Duration deadline) {
		String subject = (function != null) ? "Function '" + function + "'" : "Activation " + activationId;
		String message = subject + " gave no result within the deadline of " + deadline;
		if (activationId == null) {
			return message + "; the platform named no activation yet, so the function may or may not be running";
		}
		return message + ((function != null) ? "; it is still running as activation " + activationId : "")
				+ ": await or get its result later";
	}

	/**
	 * Return the activation whose result did not come.
	 * @return the activation id, or {@code null} if the platform had not named one
	 */
	public @Nullable String activationId() {
		return this.activationId;
	}

	/**
	 * Return the deadline that passed.
	 * @return the deadline
	 */
	public Duration deadline() {
		return this.deadline;
	}

}
