package io.github.dofunctions.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.model.ActivationQuery;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.client.model.WebInvocation;
import io.github.dofunctions.client.model.WebResponse;
import org.jspecify.annotations.Nullable;

/**
 * Blocking calls of the functions of one namespace and of their activations: the calls of
 * {@link FunctionInvoker}, waiting on the calling thread. Made on a reactive invoker (see
 * {@link #of(FunctionInvoker)}), so each call has exactly its credentials, retries,
 * budget, concurrency limit and circuit breaker.
 * <p>
 * An invocation waits at most its deadline ({@link Invocation#deadline()}, else
 * {@code do.functions.invocation.deadline}, five minutes by default), following a call
 * DigitalOcean turned asynchronous after 30 s until the activation ends. Failures throw
 * what the reactive invoker signals: a
 * {@link io.github.dofunctions.client.error.FunctionInvocationException} for a function
 * that failed, a
 * {@link io.github.dofunctions.client.error.FunctionInvocationTimeoutException} for a
 * passed deadline, another {@link io.github.dofunctions.client.error.FunctionsException}
 * for the API host's answers; an {@link IllegalArgumentException} for invalid arguments,
 * before anything is sent. Called on a thread that must not block (a Reactor non-blocking
 * thread) a method throws an {@link IllegalStateException} at once and sends nothing.
 */
public interface BlockingFunctionInvoker {

	/**
	 * Return the blocking counterpart of a reactive invoker.
	 * @param invoker the reactive invoker that makes the calls
	 * @return the blocking invoker
	 */
	static BlockingFunctionInvoker of(FunctionInvoker invoker) {
		return new BlockingInvoker(invoker);
	}

	/**
	 * Return the namespace whose functions this invoker calls.
	 * @return the namespace id ({@code fn-<uuid>})
	 */
	String namespaceId();

	/**
	 * Invoke a function and return its result as a map.
	 * @param function name of the function, {@code name} or {@code package/name}
	 * @param parameters parameters, written as a JSON object
	 * @return the function's result, or {@code null} when it is JSON {@code null}; a
	 * result that is not a JSON object throws a
	 * {@link io.github.dofunctions.client.error.FunctionsInvalidResponseException}
	 */
	@Nullable Map<String, Object> invoke(String function, Object parameters);

	/**
	 * Invoke a function and read its result as the given type.
	 * @param <T> the type of the result
	 * @param function name of the function, {@code name} or {@code package/name}
	 * @param parameters parameters, written as a JSON object
	 * @param resultType the type to read the result, any JSON value, as
	 * @return the function's result, or {@code null} when it is JSON {@code null}
	 */
	<T> @Nullable T invoke(String function, Object parameters, Class<T> resultType);

	/**
	 * Invoke a function and read its result as the given type.
	 * @param <T> the type of the result
	 * @param invocation the function, parameters, idempotence and deadline
	 * @param resultType the type to read the result as
	 * @return the function's result, or {@code null} when it is JSON {@code null}
	 */
	<T> @Nullable T invoke(Invocation invocation, Class<T> resultType);

	/**
	 * Invoke a function and return its whole activation: result, logs, times.
	 * @param invocation the function, parameters, idempotence and deadline
	 * @return the activation, once it succeeded
	 */
	Activation invokeForActivation(Invocation invocation);

	/**
	 * Start a function without waiting for it to end.
	 * @param invocation the function, parameters and idempotence
	 * @return the id of its activation
	 */
	String start(Invocation invocation);

	/**
	 * Wait for an activation to end, polling it, and return it.
	 * @param activationId the activation
	 * @param deadline how long to wait
	 * @return the activation, once it succeeded
	 */
	Activation awaitActivation(String activationId, Duration deadline);

	/**
	 * Wait for an activation to end, polling it, and read its result as the given type.
	 * @param <T> the type of the result
	 * @param activationId the activation
	 * @param deadline how long to wait
	 * @param resultType the type to read the result as
	 * @return the result, or {@code null} when it is JSON {@code null}
	 */
	<T> @Nullable T awaitResult(String activationId, Duration deadline, Class<T> resultType);

	/**
	 * List at most {@code limit} activations, newest first, reading only as many pages as
	 * they need, none larger than {@code limit}. Listed activations carry no result and
	 * no logs.
	 * @param query which activations, and the page size
	 * @param limit the most activations to return
	 * @throws IllegalArgumentException if the limit is not positive
	 * @return the activations, possibly empty
	 */
	List<Activation> listActivations(ActivationQuery query, int limit);

	/**
	 * Get an activation that has ended, with its result and logs.
	 * @param activationId the activation
	 * @return the activation
	 */
	Activation getActivation(String activationId);

	/**
	 * Get the lines an activation logged.
	 * @param activationId the activation
	 * @return the log lines, possibly empty
	 */
	List<String> getActivationLogs(String activationId);

	/**
	 * Get the result of an activation, whether it succeeded or not, as the given type.
	 * @param <T> the type of the result
	 * @param activationId the activation
	 * @param resultType the type to read the result as
	 * @return the result, or {@code null} when it is JSON {@code null}
	 */
	<T> @Nullable T getActivationResult(String activationId, Class<T> resultType);

	/**
	 * Return the web URL of a web function, as {@link FunctionInvoker#webUrl(String)}.
	 * @param function the function, {@code name} or {@code package/name}
	 * @return the URL
	 */
	URI webUrl(String function);

	/**
	 * Call a web function at its web URL, as
	 * {@link FunctionInvoker#invokeWeb(WebInvocation)}.
	 * @param invocation the request
	 * @return the answer, whatever its status but {@code 429}
	 */
	WebResponse invokeWeb(WebInvocation invocation);

}
