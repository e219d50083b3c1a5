package io.github.dofunctions.client.model;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A call of a function: which one, with what parameters, whether it may be sent twice,
 * and how long the caller waits for its result.
 *
 * @param function name of the function, {@code name} or {@code package/name}
 * @param parameters parameters, written as a JSON object (a {@code Map} or any object
 * Jackson writes as one); not shown by {@link #toString()}, since they may carry secrets
 * @param idempotent whether running the function twice does no harm, so that a call that
 * may have reached it can be sent again
 * @param deadline how long the caller waits for the result, following a demoted call, or
 * {@code null} for the client's default
 */
public record Invocation(String function, Object parameters, boolean idempotent, @Nullable Duration deadline) {

	/**
	 * Create an invocation, checking its arguments.
	 * @param function name of the function, {@code name} or {@code package/name}
	 * @param parameters parameters, a JSON object
	 * @param idempotent whether the call may be sent twice
	 * @param deadline how long to wait for the result, or {@code null}
	 * @throws IllegalArgumentException if the function name or deadline is invalid
	 */
	public Invocation {
		checkFunctionName(function);
		Assert.notNull(parameters, "parameters must not be null; use an empty map for none");
		Assert.isTrue(deadline == null || (!deadline.isNegative() && !deadline.isZero()), "deadline must be positive");
	}

	/**
	 * Create an invocation without parameters, not idempotent, with the default deadline.
	 * @param function name of the function, {@code name} or {@code package/name}
	 * @return the invocation
	 */
	public static Invocation of(String function) {
		return of(function, Map.of());
	}

	/**
	 * Create an invocation, not idempotent, with the default deadline.
	 * @param function name of the function, {@code name} or {@code package/name}
	 * @param parameters parameters, a JSON object
	 * @return the invocation
	 */
	public static Invocation of(String function, Object parameters) {
		return new Invocation(function, parameters, false, null);
	}

	/**
	 * Return this invocation marked idempotent: it is retried after a server error, a
	 * timeout or a broken connection, which may mean that the function runs twice.
	 * @return an idempotent copy
	 */
	public Invocation asIdempotent() {
		return new Invocation(this.function, this.parameters, true, this.deadline);
	}

	/**
	 * Return this invocation with another deadline.
	 * @param deadline how long the caller waits for the result, demoted calls included
	 * @return a copy with the deadline
	 */
	public Invocation withDeadline(Duration deadline) {
		Assert.notNull(deadline, "deadline must not be null");
		return new Invocation(this.function, this.parameters, this.idempotent, deadline);
	}

	/**
	 * Check a function name: {@code name} or {@code package/name}, each part non-blank
	 * and neither {@code .} nor {@code ..}.
	 */
	private static void checkFunctionName(@Nullable String function) {
		ClientRules.check("function " + ((function != null) ? Arguments.quote(function) : "null"),
				ClientRules.functionName(function));
	}

	@Override
	public String toString() {
		return "Invocation[function=" + this.function + ", idempotent=" + this.idempotent + ", deadline="
				+ this.deadline + "]";
	}

}
