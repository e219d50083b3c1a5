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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive calls of the functions of one namespace, and of their activations, on the
 * namespace's own API host. Get one from {@link FunctionsOperations#invoker(String)};
 * with Spring Boot, {@code do.functions.invocation.namespace-id} makes one a bean.
 * <p>
 * Calls are a resilience domain of their own: paced to the namespace's budget (600 a
 * minute), at most 120 in flight, behind the namespace's own circuit breaker. An
 * invocation is sent again only when it cannot have reached the function (a {@code 429},
 * a refused connection) unless it is {@link Invocation#asIdempotent() marked idempotent};
 * reads of activations are retried like any GET.
 * <p>
 * A blocking call that outlasts the platform's limit is demoted to an asynchronous one
 * ({@code 202}); the invoker follows it by polling the activation until it ends or the
 * deadline passes. A function that fails is a
 * {@link io.github.dofunctions.client.error.FunctionInvocationException} carrying its
 * activation; a passed deadline a
 * {@link io.github.dofunctions.client.error.FunctionInvocationTimeoutException} carrying
 * the activation id when there is one. Arguments that are null, blank or invalid are
 * refused with an {@link IllegalArgumentException} before anything is sent.
 */
public interface FunctionInvoker {

	/**
	 * Return the namespace whose functions this invoker calls.
	 * @return the namespace id ({@code fn-<uuid>})
	 */
	String namespaceId();

	/**
	 * Invoke a function and return its result as a map.
	 * @param function name of the function, {@code name} or {@code package/name}
	 * @param parameters parameters, written as a JSON object
	 * @return the function's result; a result that is not a JSON object fails with a
	 * {@link io.github.dofunctions.client.error.FunctionsInvalidResponseException}, a
	 * JSON {@code null} completes empty
	 */
	Mono<Map<String, Object>> invoke(String function, Object parameters);

	/**
	 * Invoke a function and read its result as the given type.
	 * @param <T> the type of the result
	 * @param function name of the function, {@code name} or {@code package/name}
	 * @param parameters parameters, written as a JSON object
	 * @param resultType the type to read the result, any JSON value, as: a record, a
	 * {@code Map}, a {@code List}, an array, {@code String}, a number type...
	 * @return the function's result; one that cannot be read as the type fails with a
	 * {@link io.github.dofunctions.client.error.FunctionsInvalidResponseException}, a
	 * JSON {@code null} completes empty
	 */
	<T> Mono<T> invoke(String function, Object parameters, Class<T> resultType);

	/**
	 * Invoke a function and read its result as the given type.
	 * @param <T> the type of the result
	 * @param invocation the function, parameters, idempotence and deadline
	 * @param resultType the type to read the result as
	 * @return the function's result
	 */
	<T> Mono<T> invoke(Invocation invocation, Class<T> resultType);

	/**
	 * Invoke a function and return its whole activation: result, logs, times.
	 * @param invocation the function, parameters, idempotence and deadline
	 * @return the activation, once it succeeded
	 */
	Mono<Activation> invokeForActivation(Invocation invocation);

	/**
	 * Start a function without waiting for it to end.
	 * @param invocation the function, parameters and idempotence
	 * @return the id of its activation, to {@link #awaitResult await} or
	 * {@link #getActivation get} later
	 */
	Mono<String> start(Invocation invocation);

	/**
	 * Wait for an activation to end, polling it, and return it.
	 * @param activationId the activation
	 * @param deadline how long to wait
	 * @return the activation, once it succeeded
	 */
	Mono<Activation> awaitActivation(String activationId, Duration deadline);

	/**
	 * Wait for an activation to end, polling it, and read its result as the given type.
	 * @param <T> the type of the result
	 * @param activationId the activation
	 * @param deadline how long to wait
	 * @param resultType the type to read the result as
	 * @return the result, once the activation succeeded
	 */
	<T> Mono<T> awaitResult(String activationId, Duration deadline, Class<T> resultType);

	/**
	 * List activations, newest first, fetching page after page as they are consumed.
	 * Every page is asked with the same {@code upto}, so activations that start during
	 * the listing neither appear nor shift the pages: none is missed or repeated. Listed
	 * activations carry no result and no logs.
	 * @param query which activations, and the page size
	 * @return the activations
	 */
	Flux<Activation> listActivations(ActivationQuery query);

	/**
	 * Get an activation that has ended, with its result and logs.
	 * @param activationId the activation
	 * @return the activation; a
	 * {@link io.github.dofunctions.client.error.FunctionsNotFoundException} while it is
	 * still running or after it expired
	 */
	Mono<Activation> getActivation(String activationId);

	/**
	 * Get the lines an activation logged.
	 * @param activationId the activation
	 * @return the log lines
	 */
	Mono<List<String>> getActivationLogs(String activationId);

	/**
	 * Get the result of an activation, whether it succeeded or not, as the given type.
	 * @param <T> the type of the result
	 * @param activationId the activation
	 * @param resultType the type to read the result as
	 * @return the result
	 */
	<T> Mono<T> getActivationResult(String activationId, Class<T> resultType);

	/**
	 * Return the web URL of a web function:
	 * {@code <api_host>/api/v1/web/<namespace>/<package>/<function>}, the package
	 * {@code default} for a function outside any. Reads the namespace for its API host on
	 * the invoker's first call.
	 * @param function the function, {@code name} or {@code package/name}
	 * @return the URL
	 */
	Mono<URI> webUrl(String function);

	/**
	 * Call a web function at its web URL, with the request's method, query, headers, body
	 * and the function's secret ({@code X-Require-Whisk-Auth}), and no access key. A web
	 * call always waits for the function and leaves no activation to read. The answer is
	 * the function's, whatever its status, but a {@code 429}: the API host's rate limit,
	 * a {@link io.github.dofunctions.client.error.FunctionsRateLimitException} after the
	 * retries it allows. The call holds a place in the namespace's concurrency limit and
	 * budget like any invocation, and is sent again only when it cannot have reached the
	 * function, unless marked {@link WebInvocation.Builder#asIdempotent() idempotent}.
	 * @param invocation the request
	 * @return the answer
	 */
	Mono<WebResponse> invokeWeb(WebInvocation invocation);

}
