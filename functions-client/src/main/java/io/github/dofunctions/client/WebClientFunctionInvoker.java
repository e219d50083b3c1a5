package io.github.dofunctions.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.dofunctions.client.ActivationRecords.ActivationId;
import io.github.dofunctions.client.ActivationRecords.ActivationLogs;
import io.github.dofunctions.client.ActivationRecords.ActivationRecord;
import io.github.dofunctions.client.ActivationRecords.ActivationResponse;
import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.error.FunctionInvocationTimeoutException;
import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.model.ActivationQuery;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.client.model.ClientRules;
import io.github.dofunctions.client.model.WebInvocation;
import io.github.dofunctions.client.model.WebResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@link FunctionInvoker} on Spring's reactive WebClient. The namespace's API host is
 * resolved on the first call and kept; each request takes its credential from the
 * invoker's {@link InvocationCredentialSource} and goes through the namespace's own
 * {@link ResilientCalls}.
 */
final class WebClientFunctionInvoker implements FunctionInvoker {

	/** How long before the deadline the last poll of an activation is made. */
	static final Duration LAST_POLL_BEFORE_DEADLINE = Duration.ofMillis(250);

	/** Largest parameters the platform accepts: 1 MB. */
	static final int MAX_PARAMETERS_BYTES = 1024 * 1024;

	private static final String ACTIONS = "/api/v1/namespaces/_/actions";

	/**
	 * The header of a web function's secret (apache/openwhisk, {@code WebActions.scala},
	 * {@code requireWhiskAuthHeader}).
	 */
	static final String WEB_SECRET_HEADER = "X-Require-Whisk-Auth";

	private static final Runnable NOTHING = () -> {
	};

	@SuppressWarnings("unchecked")
	private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;

	private final ApiHostCalls apiHost;

	private final JsonMapper json;

	private final InvocationSettings settings;

	private final Clock clock;

	/**
	 * @param apiHost the calls of the namespace's API host with the invoker's credential
	 */
	WebClientFunctionInvoker(ApiHostCalls apiHost, JsonMapper json, InvocationSettings settings, Clock clock) {
		this.apiHost = apiHost;
		this.json = json;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public String namespaceId() {
		return this.apiHost.namespaceId();
	}

	@Override
	public Mono<Map<String, Object>> invoke(String function, Object parameters) {
		return invoke(Invocation.of(function, parameters), MAP);
	}

	@Override
	public <T> Mono<T> invoke(String function, Object parameters, Class<T> resultType) {
		return invoke(Invocation.of(function, parameters), resultType);
	}

	@Override
	public <T> Mono<T> invoke(Invocation invocation, Class<T> resultType) {
		Assert.notNull(resultType, "resultType must not be null");
		return invokeForActivation(invocation)
			.mapNotNull((activation) -> convert(ApiOperation.INVOKE_FUNCTION, activation.result(), resultType));
	}

	/**
	 * Invokes a function and waits for its activation. A call the platform demoted
	 * ({@code 202}: it stopped waiting and the function runs on) keeps its place in the
	 * namespace's concurrency limit until its activation has ended, as the platform
	 * counts it, or the caller stops waiting.
	 */
	@Override
	public Mono<Activation> invokeForActivation(Invocation invocation) {
		Assert.notNull(invocation, "invocation must not be null");
		byte[] parameters = parameters(invocation);
		Duration deadline = (invocation.deadline() != null) ? invocation.deadline() : this.settings.deadline();
		return Mono.defer(() -> {
			long deadlineAt = now() + deadline.toMillis();
			AtomicReference<@Nullable String> demotedTo = new AtomicReference<>();
			AtomicReference<Runnable> keptSlot = new AtomicReference<>(NOTHING);
			return call(ApiOperation.INVOKE_FUNCTION, (exchange) -> invokeOnce(exchange, invocation, parameters, true)
				.transformDeferredContextual((answer, context) -> answer.doOnNext((record) -> {
					if (!record.hasEnded()) {
						keptSlot.set(ConcurrencyLimit.keep(context));
					}
				})), invocation.idempotent()).flatMap((record) -> {
					if (record.hasEnded()) {
						return Mono.just(record);
					}
					// Demoted: the platform stopped waiting, the function runs on.
					demotedTo.set(record.activationId());
					return poll(record.activationId(), deadlineAt);
				})
				.map((record) -> succeeded(ApiOperation.INVOKE_FUNCTION, invocation.function(), record))
				.timeout(deadline,
						Mono.defer(() -> Mono
							.error(new FunctionInvocationTimeoutException(ApiOperation.INVOKE_FUNCTION.operationName(),
									invocation.function(), demotedTo.get(), deadline))))
				.doFinally((signal) -> keptSlot.getAndSet(NOTHING).run());
		});
	}

	@Override
	public Mono<String> start(Invocation invocation) {
		Assert.notNull(invocation, "invocation must not be null");
		byte[] parameters = parameters(invocation);
		return call(ApiOperation.INVOKE_FUNCTION, (exchange) -> invokeOnce(exchange, invocation, parameters, false),
				invocation.idempotent())
			.map(ActivationRecord::activationId);
	}

	@Override
	public Mono<Activation> awaitActivation(String activationId, Duration deadline) {
		requireActivationId(activationId);
		Assert.isTrue(deadline != null && !deadline.isNegative() && !deadline.isZero(), "deadline must be positive");
		return Mono.defer(() -> poll(activationId, now() + deadline.toMillis()))
			.map((record) -> succeeded(ApiOperation.GET_ACTIVATION,
					(record.name() != null) ? record.name() : activationId, record))
			.timeout(deadline, Mono.defer(() -> Mono
				.error(new FunctionInvocationTimeoutException("awaitActivation", null, activationId, deadline))));
	}

	@Override
	public <T> Mono<T> awaitResult(String activationId, Duration deadline, Class<T> resultType) {
		Assert.notNull(resultType, "resultType must not be null");
		return awaitActivation(activationId, deadline)
			.mapNotNull((activation) -> convert(ApiOperation.GET_ACTIVATION, activation.result(), resultType));
	}

	@Override
	public Flux<Activation> listActivations(ActivationQuery query) {
		Assert.notNull(query, "query must not be null");
		return Flux.defer(() -> {
			long upto = (query.upto() != null) ? query.upto().toEpochMilli() : this.clock.millis();
			// Fixed upto keeps pages still; this only guards against a clock far ahead of
			// the platform's, where activations could still arrive inside the window.
			Set<String> seen = ConcurrentHashMap.newKeySet();
			return pagesFrom(query, upto, 0).filter((record) -> seen.add(record.activationId()))
				.map(ActivationRecord::toActivation);
		});
	}

	@Override
	public Mono<Activation> getActivation(String activationId) {
		requireActivationId(activationId);
		return fetchActivation(activationId).map(ActivationRecord::toActivation);
	}

	@Override
	public Mono<List<String>> getActivationLogs(String activationId) {
		requireActivationId(activationId);
		ApiOperation operation = ApiOperation.GET_ACTIVATION_LOGS;
		return call(operation, (exchange) -> get(exchange, operation, ActivationLogs.class, activationId), true)
			.map((logs) -> (logs.logs() != null) ? List.copyOf(logs.logs()) : List.of());
	}

	@Override
	public <T> Mono<T> getActivationResult(String activationId, Class<T> resultType) {
		requireActivationId(activationId);
		Assert.notNull(resultType, "resultType must not be null");
		ApiOperation operation = ApiOperation.GET_ACTIVATION_RESULT;
		return call(operation, (exchange) -> get(exchange, operation, ActivationResponse.class, activationId), true)
			.mapNotNull((response) -> convert(operation, response.result(), resultType));
	}

	@Override
	public Mono<URI> webUrl(String function) {
		String[] path = webPath(function);
		return this.apiHost.apiHost().map((exchange) -> webUri(exchange, path, Map.of()));
	}

	/**
	 * Call a web function. Every status is the function's answer but {@code 429}, the API
	 * host's rate limit, handled as any invocation's; the call holds a place in the
	 * namespace's concurrency limit and budget, since it runs the function.
	 */
	@Override
	public Mono<WebResponse> invokeWeb(WebInvocation invocation) {
		Assert.notNull(invocation, "invocation must not be null");
		String[] path = webPath(invocation.function());
		ApiOperation operation = ApiOperation.INVOKE_WEB_FUNCTION;
		MediaType contentType = (invocation.contentType() != null) ? MediaType.parseMediaType(invocation.contentType())
				: null;
		return this.apiHost.callWithoutCredential(operation, (exchange) -> exchange
			.web(operation, invocation.method(), (uri) -> webUri(exchange, path, invocation.query()), (headers) -> {
				invocation.headers().forEach(headers::set);
				if (invocation.secret() != null) {
					headers.set(WEB_SECRET_HEADER, invocation.secret());
				}
			}, invocation.body(), contentType, (status) -> status != 429)
			.map((answer) -> new WebResponse(answer.status(), HttpHeaders.readOnlyHttpHeaders(answer.headers()),
					answer.body())),
				invocation.idempotent());
	}

	/**
	 * The path of a web function below its namespace: {@code package/function}, the
	 * package {@code default} for a function outside any
	 * (docs.digitalocean.com/products/functions/how-to/create-functions: the URL is
	 * {@code <api_host>/api/v1/web/<namespace>/<package>/<function>}).
	 */
	private String[] webPath(String function) {
		ClientRules.check("function " + ((function != null) ? "'" + function + "'" : "null"),
				ClientRules.functionName(function));
		String[] parts = function.split("/");
		return new String[] { "api", "v1", "web", this.apiHost.namespaceId(),
				(parts.length == 2) ? parts[0] : "default", parts[parts.length - 1] };
	}

	private static URI webUri(ApiExchange exchange, String[] path, Map<String, String> query) {
		UriComponentsBuilder uri = UriComponentsBuilder
			.fromUriString(Objects.requireNonNull(exchange.baseUrl(), "the API host's exchange has no base URL"));
		uri.pathSegment(path);
		query.forEach((name, value) -> uri.queryParam(name, value));
		return uri.encode().build().toUri();
	}

	private <T> Mono<T> call(ApiOperation operation, Function<ApiExchange, Mono<T>> request, boolean repeatable) {
		return this.apiHost.call(operation, request, repeatable);
	}

	/**
	 * One request of an invocation. The answer is the activation record
	 * ({@code result=false}), so that a failure brings its logs; a demoted or
	 * non-blocking call answers only the activation id, returned as a record that has not
	 * ended.
	 */
	private Mono<ActivationRecord> invokeOnce(ApiExchange exchange, Invocation invocation, byte[] parameters,
			boolean blocking) {
		ApiOperation operation = ApiOperation.INVOKE_FUNCTION;
		String[] parts = invocation.function().split("/");
		String template = (parts.length == 2) ? ACTIONS + "/{package}/{function}" : ACTIONS + "/{function}";
		return exchange
			.answer(operation,
					(uri) -> uri.path(template)
						.queryParam("blocking", blocking)
						.queryParam("result", false)
						.build((Object[]) parts),
					parameters, (status) -> status == 200 || status == 202 || (status >= 500 && status <= 599))
			.map((answer) -> switch (answer.status()) {
				case 202 -> accepted(exchange, answer);
				case 200 -> ended(exchange, operation, answer);
				default -> throw failed(exchange, invocation.function(), answer);
			})
			.onErrorMap(FunctionsNotFoundException.class, (ex) -> missing(invocation.function(), ex));
	}

	/**
	 * OpenWhisk answers an invocation of a function that does not exist with only "The
	 * requested resource does not exist." ({@code Messages.resourceDoesNotExist}): name
	 * the function and the namespace the caller asked for.
	 */
	private FunctionsNotFoundException missing(String function, FunctionsNotFoundException answered) {
		String said = (answered.errorMessage() != null) ? " (" + answered.errorMessage() + ")" : "";
		return new FunctionsNotFoundException(answered.operation(), answered.errorId(),
				"function '" + function + "' does not exist in namespace " + this.apiHost.namespaceId() + said,
				answered.requestId());
	}

	private static ActivationRecord accepted(ApiExchange exchange, ApiExchange.Answer answer) {
		ApiOperation operation = ApiOperation.INVOKE_FUNCTION;
		ActivationId accepted = exchange.decode(operation, answer.status(), answer.requestId(), answer.body(),
				ActivationId.class);
		if (accepted.activationId() == null || accepted.activationId().isBlank()) {
			throw new FunctionsInvalidResponseException(operation.operationName(), answer.status(),
					"body has no 'activationId'", answer.requestId(), null);
		}
		return new ActivationRecord(accepted.activationId(), null, null, null, null, null, null, null, null);
	}

	private static ActivationRecord ended(ApiExchange exchange, ApiOperation operation, ApiExchange.Answer answer) {
		ActivationRecord record = exchange.decode(operation, answer.status(), answer.requestId(), answer.body(),
				ActivationRecord.class);
		if (!record.hasEnded()) {
			throw new FunctionsInvalidResponseException(operation.operationName(), answer.status(),
					"body is not an activation record with an 'activationId' and a 'response' status",
					answer.requestId(), null);
		}
		return record;
	}

	/**
	 * A {@code 5xx} is the function's failure when it carries the ended activation:
	 * OpenWhisk answers a blocking invocation with {@code 502} for an application or
	 * developer error and {@code 500} for any other outcome, a
	 * {@code whisk internal error} (apache/openwhisk, {@code Actions.scala},
	 * {@code doInvoke}). Otherwise (a proxy's page, say) it is the server error it looks
	 * like.
	 */
	private static RuntimeException failed(ApiExchange exchange, String function, ApiExchange.Answer answer) {
		ApiOperation operation = ApiOperation.INVOKE_FUNCTION;
		try {
			ActivationRecord record = exchange.decode(operation, answer.status(), answer.requestId(), answer.body(),
					ActivationRecord.class);
			if (record.hasEnded()) {
				return new FunctionInvocationException(operation.operationName(), function, record.toActivation());
			}
		}
		catch (FunctionsInvalidResponseException ex) {
			// Not an activation: fall through to the status.
		}
		return exchange.errorFor(operation, answer);
	}

	/**
	 * Poll an activation until it has ended: {@code 404} means it is still running. The
	 * intervals grow, so the last one could end well after the deadline: a function that
	 * ended in between would be reported as timed out. The poll that would come after the
	 * deadline is made just before it instead.
	 * @param deadlineAt when the caller stops waiting, in {@link #now()} milliseconds
	 */
	private Mono<ActivationRecord> poll(String activationId, long deadlineAt) {
		BackOffExecution intervals = this.settings.pollIntervals();
		return Mono.defer(() -> fetchActivation(activationId))
			.onErrorResume(FunctionsNotFoundException.class, (ex) -> Mono.empty())
			.filter(ActivationRecord::hasEnded)
			.repeatWhenEmpty((polls) -> polls.concatMap((poll) -> {
				long interval = intervals.nextBackOff();
				long untilLastPoll = deadlineAt - LAST_POLL_BEFORE_DEADLINE.toMillis() - now();
				boolean lastPoll = untilLastPoll > 0 && untilLastPoll < interval;
				return Mono.delay(Duration.ofMillis(lastPoll ? untilLastPoll : interval));
			}));
	}

	/** The clock of Mono.delay and timeout, which tests may replace with virtual time. */
	private static long now() {
		return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
	}

	private Mono<ActivationRecord> fetchActivation(String activationId) {
		ApiOperation operation = ApiOperation.GET_ACTIVATION;
		return call(operation, (exchange) -> get(exchange, operation, ActivationRecord.class, activationId), true);
	}

	private <B> Mono<B> get(ApiExchange exchange, ApiOperation operation, Class<B> type, String activationId) {
		return exchange
			.answer(operation, (uri) -> uri.path(operation.uriTemplate()).build(activationId), null,
					(status) -> status == 200)
			.map((answer) -> exchange.decode(operation, answer.status(), answer.requestId(), answer.body(), type));
	}

	/**
	 * Fetch a page, and the next one only once every activation of this one has been
	 * taken: a consumer that stops early costs no further request.
	 */
	private Flux<ActivationRecord> pagesFrom(ActivationQuery query, long upto, int skip) {
		return page(query, upto, skip).flatMapMany((page) -> Flux.fromIterable(page.records())
			.concatWith(page.isFull() ? Flux.defer(() -> pagesFrom(query, upto, page.next())) : Flux.empty()));
	}

	private Mono<Page> page(ActivationQuery query, long upto, int skip) {
		ApiOperation operation = ApiOperation.LIST_ACTIVATIONS;
		return call(operation,
				(exchange) -> exchange
					.answer(operation, (uri) -> pageUri(uri, query, upto, skip), null, (status) -> status == 200)
					.map((answer) -> {
						ActivationRecord[] records = exchange.decode(operation, answer.status(), answer.requestId(),
								answer.body(), ActivationRecord[].class);
						for (ActivationRecord record : records) {
							if (record == null || record.activationId() == null) {
								throw new FunctionsInvalidResponseException(operation.operationName(), answer.status(),
										"body lists an activation without an 'activationId'", answer.requestId(), null);
							}
						}
						return new Page(Arrays.asList(records), skip, query.pageSize());
					}),
				true);
	}

	private static URI pageUri(UriBuilder uri, ActivationQuery query, long upto, int skip) {
		Map<String, Object> variables = new HashMap<>();
		uri.path(ApiOperation.LIST_ACTIVATIONS.uriTemplate())
			.queryParam("limit", query.pageSize())
			.queryParam("skip", skip)
			.queryParam("upto", upto);
		if (query.since() != null) {
			uri.queryParam("since", query.since().toEpochMilli());
		}
		if (query.function() != null) {
			uri.queryParam("name", "{name}");
			variables.put("name", query.function());
		}
		return uri.build(variables);
	}

	private Activation succeeded(ApiOperation operation, String function, ActivationRecord record) {
		Activation activation = record.toActivation();
		if (!activation.success()) {
			throw new FunctionInvocationException(operation.operationName(), function, activation);
		}
		return activation;
	}

	/**
	 * Read a result, any JSON value, as the caller's type; JSON {@code null} is
	 * {@code null}, for the caller's Mono to complete empty.
	 */
	private <T> @Nullable T convert(ApiOperation operation, @Nullable Object result, Class<T> type) {
		if (result == null || type.isInstance(result)) {
			return type.cast(result);
		}
		try {
			return this.json.convertValue(result, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new FunctionsInvalidResponseException(operation.operationName(), 200, "the function's result, "
					+ jsonKind(result) + ", cannot be read as " + type.getName() + ": "
					+ ((ex instanceof JacksonException jackson) ? jackson.getOriginalMessage() : ex.getMessage()), null,
					ex);
		}
	}

	private static String jsonKind(Object value) {
		if (value instanceof Map) {
			return "a JSON object";
		}
		if (value instanceof List) {
			return "a JSON array";
		}
		if (value instanceof String) {
			return "a JSON string";
		}
		return (value instanceof Boolean) ? "a JSON boolean" : "a JSON number";
	}

	/**
	 * Write the parameters, refusing what the platform would refuse.
	 */
	private byte[] parameters(Invocation invocation) {
		byte[] body;
		try {
			body = this.json.writeValueAsBytes(invocation.parameters());
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"parameters of " + invocation.function() + " cannot be written as JSON: " + ex.getOriginalMessage(),
					ex);
		}
		Assert.isTrue(body.length > 0 && body[0] == '{',
				() -> "parameters of " + invocation.function() + " must be a JSON object, such as a Map or a record");
		Assert.isTrue(body.length <= MAX_PARAMETERS_BYTES, () -> "parameters of " + invocation.function() + " are "
				+ body.length + " bytes as JSON, over the platform's limit of " + MAX_PARAMETERS_BYTES);
		return body;
	}

	private static void requireActivationId(@Nullable String activationId) {
		Assert.hasText(activationId, "activationId must not be null or blank");
		Assert.isTrue(!activationId.equals(".") && !activationId.equals(".."), "activationId must not be '.' or '..'");
	}

	@Override
	public String toString() {
		return "FunctionInvoker[namespaceId=" + this.apiHost.namespaceId() + "]";
	}

	/**
	 * One page of a listing.
	 */
	private record Page(List<ActivationRecord> records, int skip, int size) {

		boolean isFull() {
			return this.records.size() == this.size;
		}

		int next() {
			return this.skip + this.records.size();
		}

	}

}
