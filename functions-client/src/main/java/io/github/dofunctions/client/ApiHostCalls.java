package io.github.dofunctions.client;

import java.util.function.Function;

import io.github.dofunctions.client.error.FunctionsUnauthorizedException;
import io.github.dofunctions.client.model.ApiOperation;
import reactor.core.publisher.Mono;

/**
 * The calls of one namespace's API host with one credential: the path every client of the
 * API host takes, the {@link FunctionInvoker} and the {@link FunctionDeployer} alike. The
 * API host is resolved on the first call and kept; each call goes through the namespace's
 * own {@link ResilientCalls}, shared by every client of the namespace.
 */
final class ApiHostCalls {

	private final String namespaceId;

	private final Mono<ApiExchange> apiHost;

	private final InvocationCredentialSource credentials;

	private final ResilientCalls calls;

	/**
	 * @param apiHost resolves the exchange with the namespace's API host, once, without
	 * credentials
	 * @param credentials the credential of each request
	 * @param calls makes the calls with the namespace's resilience
	 */
	ApiHostCalls(String namespaceId, Mono<ApiExchange> apiHost, InvocationCredentialSource credentials,
			ResilientCalls calls) {
		this.namespaceId = namespaceId;
		this.apiHost = apiHost;
		this.credentials = credentials;
		this.calls = calls;
	}

	String namespaceId() {
		return this.namespaceId;
	}

	/**
	 * Return the exchange with the API host, resolved once.
	 */
	Mono<ApiExchange> apiHost() {
		return this.apiHost;
	}

	/**
	 * Make one call with the credential of the moment: the call goes through the
	 * namespace's resilience; if the API host refuses the credential ({@code 401}),
	 * nothing was done, so the call is made once more with the credential's replacement,
	 * when there is one (a managed access key).
	 * @param repeatable whether an attempt that may have reached the API host can be sent
	 * again
	 */
	<T> Mono<T> call(ApiOperation operation, Function<ApiExchange, Mono<T>> request, boolean repeatable) {
		return Mono.zip(this.apiHost, this.credentials.current()).flatMap((host) -> {
			Mono<T> call = request.apply(host.getT1()).transformDeferred(this.calls.call(operation, repeatable));
			return call.contextWrite(ApiExchange.withCredentials(host.getT2()))
				.onErrorResume(FunctionsUnauthorizedException.class,
						(refused) -> this.credentials.replace(host.getT2())
							.switchIfEmpty(Mono.error(refused))
							.flatMap((fresh) -> call.contextWrite(ApiExchange.withCredentials(fresh))));
		});
	}

	/**
	 * Make one call that sends no credential, such as a web function's, through the
	 * namespace's resilience.
	 */
	<T> Mono<T> callWithoutCredential(ApiOperation operation, Function<ApiExchange, Mono<T>> request,
			boolean repeatable) {
		return this.apiHost
			.flatMap((host) -> request.apply(host).transformDeferred(this.calls.call(operation, repeatable)));
	}

}
