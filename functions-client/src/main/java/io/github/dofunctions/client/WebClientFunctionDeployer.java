package io.github.dofunctions.client;

import java.net.URI;
import java.util.List;

import io.github.dofunctions.client.ActionRecords.ActionRecord;
import io.github.dofunctions.client.ActionRecords.ApiInfo;
import io.github.dofunctions.client.ActionRecords.PackageRecord;
import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.ClientRules;
import io.github.dofunctions.client.model.DeployedFunction;
import io.github.dofunctions.client.model.DeployedPackage;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.FunctionRuntime;
import io.github.dofunctions.client.model.PackageDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.web.util.UriBuilder;

/**
 * {@link FunctionDeployer} on Spring's reactive WebClient, through the namespace's
 * {@link ApiHostCalls}: the invoker's credential, resilience and rate-limit state.
 */
final class WebClientFunctionDeployer implements FunctionDeployer {

	/** Largest page of a listing: OpenWhisk's {@code collectionListLimit}, 200. */
	static final int PAGE_SIZE = 200;

	private static final String ACTIONS = "/api/v1/namespaces/_/actions";

	private static final String PACKAGES = "/api/v1/namespaces/_/packages";

	private final ApiHostCalls apiHost;

	private final JsonMapper json;

	private final Mono<List<FunctionRuntime>> runtimes;

	WebClientFunctionDeployer(ApiHostCalls apiHost, JsonMapper json) {
		this.apiHost = apiHost;
		this.json = json;
		// Kept once read; a failure is not kept, so the next call reads again.
		this.runtimes = readRuntimes().cacheInvalidateIf((kept) -> false);
	}

	@Override
	public String namespaceId() {
		return this.apiHost.namespaceId();
	}

	@Override
	public Mono<List<FunctionRuntime>> runtimes() {
		return this.runtimes;
	}

	private Mono<List<FunctionRuntime>> readRuntimes() {
		ApiOperation operation = ApiOperation.LIST_RUNTIMES;
		return this.apiHost.call(operation, (exchange) -> exchange
			.answer(operation, (uri) -> uri.path(operation.uriTemplate()).build(), null, (status) -> status == 200)
			.map((answer) -> exchange
				.decode(operation, answer.status(), answer.requestId(), answer.body(), ApiInfo.class)
				.toRuntimes()), true);
	}

	@Override
	public Mono<DeployedFunction> deploy(FunctionDefinition function) {
		Assert.notNull(function, "function must not be null");
		ApiOperation operation = ApiOperation.DEPLOY_FUNCTION;
		return this.runtimes.map((offered) -> offeredKind(function, offered))
			.zipWith(keptEnvironment(function))
			.flatMap((kindAndKept) -> {
				byte[] body = this.json
					.writeValueAsBytes(ActionRecords.actionPut(function, kindAndKept.getT1(), kindAndKept.getT2()));
				return this.apiHost.call(operation,
						(exchange) -> exchange
							.answer(operation, (uri) -> overwrite(entity(uri, ACTIONS, function.name())), body,
									(status) -> status == 200)
							.map((answer) -> function(exchange, operation, answer)),
						true);
			});
	}

	/**
	 * Read the deployed values of the environment variables the function keeps: from the
	 * function as deployed, none when it is not deployed yet.
	 */
	private Mono<List<ActionRecords.KeyValue>> keptEnvironment(FunctionDefinition function) {
		if (function.keptEnvironment().isEmpty()) {
			return Mono.just(List.of());
		}
		ApiOperation operation = ApiOperation.GET_FUNCTION;
		return this.apiHost
			.call(operation, (exchange) -> exchange
				.answer(operation, (uri) -> entity(uri, ACTIONS, function.name()).queryParam("code", false).build(),
						null, (status) -> status == 200)
				.map((answer) -> exchange.decode(operation, answer.status(), answer.requestId(), answer.body(),
						ActionRecord.class)),
					true)
			.map((deployed) -> ActionRecords.kept(deployed, function))
			.onErrorResume(FunctionsNotFoundException.class, (ex) -> Mono.just(List.of()));
	}

	/**
	 * Check that the namespace offers the function's runtime; the kind is sent as given,
	 * {@code <language>:default} resolved by the API host.
	 */
	private String offeredKind(FunctionDefinition function, List<FunctionRuntime> offered) {
		FunctionRuntime.find(function.runtime(), offered,
				"runtime of " + function.name() + ": namespace " + namespaceId());
		return function.runtime();
	}

	@Override
	public Mono<DeployedFunction> getFunction(String name) {
		checkFunctionName(name);
		ApiOperation operation = ApiOperation.GET_FUNCTION;
		return this.apiHost.call(operation,
				(exchange) -> exchange
					.answer(operation, (uri) -> entity(uri, ACTIONS, name).queryParam("code", false).build(), null,
							(status) -> status == 200)
					.map((answer) -> function(exchange, operation, answer)),
				true);
	}

	@Override
	public Flux<DeployedFunction> listFunctions() {
		return pages(ApiOperation.LIST_FUNCTIONS, ACTIONS, ActionRecord[].class, 0)
			.map((record) -> ((ActionRecord) record).toFunction());
	}

	@Override
	public Mono<Void> deleteFunction(String name) {
		checkFunctionName(name);
		return delete(ApiOperation.DELETE_FUNCTION, ACTIONS, name);
	}

	@Override
	public Mono<DeployedPackage> deployPackage(PackageDefinition definition) {
		Assert.notNull(definition, "definition must not be null");
		ApiOperation operation = ApiOperation.DEPLOY_PACKAGE;
		byte[] body = this.json.writeValueAsBytes(ActionRecords.packagePut(definition));
		return this.apiHost.call(operation,
				(exchange) -> exchange
					.answer(operation, (uri) -> overwrite(entity(uri, PACKAGES, definition.name())), body,
							(status) -> status == 200)
					.map((answer) -> packageOf(exchange, operation, answer)),
				true);
	}

	@Override
	public Mono<DeployedPackage> getPackage(String name) {
		checkPackageName(name);
		ApiOperation operation = ApiOperation.GET_PACKAGE;
		return this.apiHost.call(operation,
				(exchange) -> exchange
					.answer(operation, (uri) -> entity(uri, PACKAGES, name).build(), null, (status) -> status == 200)
					.map((answer) -> packageOf(exchange, operation, answer)),
				true);
	}

	@Override
	public Flux<DeployedPackage> listPackages() {
		return pages(ApiOperation.LIST_PACKAGES, PACKAGES, PackageRecord[].class, 0)
			.map((record) -> ((PackageRecord) record).toPackage());
	}

	@Override
	public Mono<Void> deletePackage(String name) {
		checkPackageName(name);
		return delete(ApiOperation.DELETE_PACKAGE, PACKAGES, name);
	}

	private Mono<Void> delete(ApiOperation operation, String collection, String name) {
		return this.apiHost.call(operation,
				(exchange) -> exchange
					.answer(operation, (uri) -> entity(uri, collection, name).build(), null, (status) -> status == 200)
					.then(),
				true);
	}

	/**
	 * Fetch a page of a listing, and the next one only once every entry of this one has
	 * been taken.
	 */
	private Flux<Object> pages(ApiOperation operation, String collection, Class<? extends Object[]> type, int skip) {
		Mono<Object[]> page = this.apiHost.call(operation,
				(exchange) -> exchange.answer(operation,
						(uri) -> uri.path(collection).queryParam("limit", PAGE_SIZE).queryParam("skip", skip).build(),
						null, (status) -> status == 200)
					.map((answer) -> {
						Object[] records = exchange.decode(operation, answer.status(), answer.requestId(),
								answer.body(), type);
						for (Object record : records) {
							boolean complete = (record instanceof ActionRecord action) ? action.isComplete()
									: (record instanceof PackageRecord pkg) && pkg.isComplete();
							if (!complete) {
								throw new FunctionsInvalidResponseException(operation.operationName(), answer.status(),
										"body lists an entry without a 'name'", answer.requestId(), null);
							}
						}
						return records;
					}),
				true);
		return page.flatMapMany((records) -> Flux.fromArray(records)
			.concatWith((records.length == PAGE_SIZE)
					? Flux.defer(() -> pages(operation, collection, type, skip + records.length)) : Flux.empty()));
	}

	private static DeployedFunction function(ApiExchange exchange, ApiOperation operation, ApiExchange.Answer answer) {
		ActionRecord record = exchange.decode(operation, answer.status(), answer.requestId(), answer.body(),
				ActionRecord.class);
		if (!record.isComplete()) {
			throw new FunctionsInvalidResponseException(operation.operationName(), answer.status(),
					"body is not an action with a 'name'", answer.requestId(), null);
		}
		return record.toFunction();
	}

	private static DeployedPackage packageOf(ApiExchange exchange, ApiOperation operation, ApiExchange.Answer answer) {
		PackageRecord record = exchange.decode(operation, answer.status(), answer.requestId(), answer.body(),
				PackageRecord.class);
		if (!record.isComplete()) {
			throw new FunctionsInvalidResponseException(operation.operationName(), answer.status(),
					"body is not a package with a 'name'", answer.requestId(), null);
		}
		return record.toPackage();
	}

	/**
	 * The path of an action or package, each part of its name a segment of its own, so
	 * that {@code package/name} is two segments and every other character is encoded.
	 */
	private static UriBuilder entity(UriBuilder uri, String collection, String name) {
		String[] parts = name.split("/");
		return uri.path(collection).pathSegment(parts);
	}

	private static URI overwrite(UriBuilder uri) {
		return uri.queryParam("overwrite", true).build();
	}

	private static void checkFunctionName(String name) {
		ClientRules.check("function " + ((name != null) ? "'" + name + "'" : "null"), ClientRules.functionName(name));
	}

	private static void checkPackageName(String name) {
		checkFunctionName(name);
		Assert.isTrue(!name.contains("/"), () -> "package '" + name + "' must not contain '/'");
	}

	@Override
	public String toString() {
		return "FunctionDeployer[namespaceId=" + namespaceId() + "]";
	}

}
