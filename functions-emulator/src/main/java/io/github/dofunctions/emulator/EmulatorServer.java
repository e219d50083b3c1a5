package io.github.dofunctions.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves one HTTP exchange: injected faults, authentication, rate limits, the call
 * itself, the journal. Paths below {@code /api/v1/} are the namespaces' API host: Basic
 * credentials (but for the info document and web functions), the function runtime,
 * deployed functions and packages, no rate limits but the invocation limits.
 */
final class EmulatorServer {

	/**
	 * Largest request body served: OpenWhisk's {@code whisk.activation.payload.max} (1
	 * MB), refused with {@code 413} and its message ({@code Messages.entityTooBig}). The
	 * control plane's limit is not documented: the emulator applies the same one there,
	 * in DigitalOcean's error shape.
	 */
	static final int MAX_REQUEST_BODY = 1024 * 1024;

	/**
	 * Largest body of a function's deploy: OpenWhisk's controller reads up to 50 MB
	 * ({@code pekko.http.server.parsing.max-content-length}, "to allow action
	 * attachments"), room for DigitalOcean's 48 MB of code
	 * ({@link EntityHandler#MAX_CODE}) and the rest of the body.
	 */
	static final int MAX_DEPLOY_BODY = 50 * 1024 * 1024;

	private static final String REDACTED = " ******";

	private final String token;

	private final ApiHandler handler;

	private final FunctionRuntime runtime;

	private final EmulatorState state;

	private final RateLimitCounter rateLimits;

	private final Faults faults;

	private final RequestJournal journal;

	private final List<Consumer<EmulatorExchange>> listeners;

	private final JsonMapper json;

	private final Clock clock;

	private final EntityHandler entities;

	private final WebFunctions web;

	EmulatorServer(String token, EmulatorState state, ApiHandler handler, FunctionRuntime runtime,
			RateLimitCounter rateLimits, Faults faults, RequestJournal journal,
			List<Consumer<EmulatorExchange>> listeners, JsonMapper json, Clock clock) {
		this.entities = new EntityHandler(state, json, clock);
		this.web = new WebFunctions(state, runtime, json);
		this.token = token;
		this.state = state;
		this.handler = handler;
		this.runtime = runtime;
		this.rateLimits = rateLimits;
		this.faults = faults;
		this.journal = journal;
		this.listeners = listeners;
		this.json = json;
		this.clock = clock;
	}

	Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
		long declared = request.requestHeaders().getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
		int limit = bodyLimit(request.method().name(), request.uri());
		if (declared > limit) {
			// Refused before it is read, as a front-end refuses it.
			return respond(request, response, new byte[0], declared, limit);
		}
		return request.receive()
			.aggregate()
			.asByteArray()
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> respond(request, response, body, body.length, limit));
	}

	/**
	 * The largest body a request may have: {@link #MAX_DEPLOY_BODY} to deploy a function,
	 * {@link #MAX_REQUEST_BODY} otherwise.
	 */
	private static int bodyLimit(String method, String uri) {
		int queryStart = uri.indexOf('?');
		try {
			Route route = Route.of(method, (queryStart >= 0) ? uri.substring(0, queryStart) : uri);
			return (route != null && route.operation() == Operation.DEPLOY_FUNCTION) ? MAX_DEPLOY_BODY
					: MAX_REQUEST_BODY;
		}
		catch (ApiError ex) {
			return MAX_REQUEST_BODY;
		}
	}

	private Mono<Void> respond(HttpServerRequest request, HttpServerResponse response, byte[] read, long size,
			int limit) {
		byte[] body = (size > limit) ? new byte[0] : read;
		String method = request.method().name();
		String uri = request.uri();
		int queryStart = uri.indexOf('?');
		String path = (queryStart >= 0) ? uri.substring(0, queryStart) : uri;
		String query = (queryStart >= 0) ? uri.substring(queryStart + 1) : null;
		RecordedRequest.Builder recorded = new RecordedRequest.Builder(this.clock.instant(), method, path, query,
				redactedHeaders(request.requestHeaders()), redactedBody(method, path, body));
		Mono<Reply> reply;
		Fault fault = null;
		if (size > limit) {
			ApiError tooLarge = new ApiError(413, "request_entity_too_large",
					"Request larger than allowed: " + size + " > " + limit + " bytes.");
			Mono<Reply> refused = Mono
				.just(path.startsWith("/api/") ? hostError(tooLarge) : error(tooLarge, this.rateLimits.peek()));
			return refused.flatMap((answer) -> send(response, answer, recorded));
		}
		try {
			Route route = Route.of(method, path);
			recorded.operation((route != null) ? route.operation() : null);
			fault = this.faults.take((route != null) ? route.operation() : null, method, path);
			if (fault != null && !fault.appliesTheCall()) {
				reply = Mono.just((route != null && route.operation().isInvocation()) ? hostFaultReply(fault)
						: faultReply(fault));
			}
			else if (route != null && route.operation().isInvocation()) {
				reply = onApiHost(request, route, query, body);
			}
			else if (route == null && path.startsWith("/api/")) {
				// No path of the API host: answered by it, in its shape, whatever the
				// credential, as OpenWhisk's controller answers an unknown route.
				reply = Mono.just(hostError(ApiError.notFound("The requested resource does not exist.")));
			}
			else {
				reply = Mono.just(call(request, route, body));
			}
		}
		catch (ApiError ex) {
			reply = Mono.just(error(ex, this.rateLimits.peek()));
		}
		Fault applied = fault;
		return reply.map((answer) -> (applied != null && applied.appliesTheCall() && answer.status() < 300)
				? afterApplying(applied, answer) : answer)
			.flatMap((answer) -> send(response, answer, recorded));
	}

	/**
	 * Serve a call of a namespace's API host: Basic credentials, then the function
	 * runtime. Errors take the API host's shape, {@code {"error", "code"}}.
	 */
	private Mono<Reply> onApiHost(HttpServerRequest request, Route route, @Nullable String query, byte[] body) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query != null) {
			new QueryStringDecoder(query, false).parameters()
				.forEach((name, values) -> parameters.put(name, values.get(0)));
		}
		try {
			// The info document and web functions need no credential.
			if (route.operation() == Operation.LIST_RUNTIMES) {
				return Mono.just(hostReply(this.entities.handle(route.operation(), "", null, parameters, body)));
			}
			if (route.operation() == Operation.INVOKE_WEB_FUNCTION) {
				String path = request.uri()
					.substring(0, (query != null) ? request.uri().indexOf('?') : request.uri().length());
				return this.web.serve(request.method().name(), path, query, request.requestHeaders(), body)
					.map((answer) -> {
						Map<String, String> headers = new LinkedHashMap<>(answer.headers());
						headers.putIfAbsent("x-request-id", UUID.randomUUID().toString());
						return new Reply(answer.status(), headers, answer.body(), null);
					})
					.onErrorResume(ApiError.class, (ex) -> Mono.just(hostError(ex)));
			}
		}
		catch (ApiError ex) {
			return Mono.just(hostError(ex));
		}
		Caller caller = authenticate(request.requestHeaders().get("Authorization"));
		if (caller == null) {
			return Mono.just(hostError(new ApiError(401, "unauthorized", "The supplied authentication is invalid.")));
		}
		String namespaceId = caller.namespaceId();
		String name = (route.name() != null) ? route.name() : "";
		try {
			Mono<ApiHandler.Answer> answer = switch (route.operation()) {
				case INVOKE_FUNCTION -> this.runtime.invoke(namespaceId, caller.keyId(), name, body,
						"true".equals(parameters.get("blocking")), "true".equals(parameters.get("result")));
				case LIST_ACTIVATIONS -> Mono.just(this.runtime.list(namespaceId, parameters));
				case GET_ACTIVATION -> Mono.just(this.runtime.get(namespaceId, name));
				case GET_ACTIVATION_LOGS -> Mono.just(this.runtime.logs(namespaceId, name));
				case GET_ACTIVATION_RESULT -> Mono.just(this.runtime.result(namespaceId, name));
				case DEPLOY_FUNCTION, GET_FUNCTION, LIST_FUNCTIONS, DELETE_FUNCTION, DEPLOY_PACKAGE, GET_PACKAGE,
						LIST_PACKAGES, DELETE_PACKAGE ->
					Mono.just(this.entities.handle(route.operation(), namespaceId, route.name(), parameters, body));
				default -> throw ApiError.notFound("The requested resource does not exist.");
			};
			return answer.map(this::hostReply).onErrorResume(ApiError.class, (ex) -> Mono.just(hostError(ex)));
		}
		catch (ApiError ex) {
			return Mono.just(hostError(ex));
		}
	}

	private Reply hostReply(ApiHandler.Answer done) {
		return new Reply(done.status(), hostHeaders(UUID.randomUUID().toString()),
				(done.body() != null) ? this.json.writeValueAsBytes(done.body()) : new byte[0], null);
	}

	private @Nullable Caller authenticate(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String keyId = decoded.substring(0, colon);
		String namespaceId = this.state.authenticate(keyId, decoded.substring(colon + 1));
		return (namespaceId != null) ? new Caller(namespaceId, keyId) : null;
	}

	private Reply hostError(ApiError error) {
		String requestId = UUID.randomUUID().toString();
		ObjectNode body = this.json.createObjectNode();
		body.put("error", error.getMessage());
		body.put("code", requestId);
		return new Reply(error.status(), hostHeaders(requestId), this.json.writeValueAsBytes(body), null);
	}

	private static Map<String, String> hostHeaders(String requestId) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("content-type", "application/json; charset=utf-8");
		headers.put("x-request-id", requestId);
		return headers;
	}

	private Reply call(HttpServerRequest request, @Nullable Route route, byte[] body) {
		if (!("Bearer " + this.token).equals(request.requestHeaders().get("Authorization"))) {
			return error(new ApiError(401, "unauthorized", "Unable to authenticate you."), this.rateLimits.peek());
		}
		RateLimitCounter.Decision decision = this.rateLimits.tryAcquire();
		if (!decision.allowed()) {
			Reply refused = error(new ApiError(429, "too_many_requests", "API rate limit exceeded."), decision);
			return (decision.retryAfterSeconds() != null)
					? refused.withHeader("retry-after", String.valueOf(decision.retryAfterSeconds())) : refused;
		}
		if (route == null) {
			return error(ApiError.notFound("The resource you were accessing could not be found."), decision);
		}
		try {
			ApiHandler.Answer answer = this.handler.handle(route, body);
			byte[] bytes = (answer.body() != null) ? this.json.writeValueAsBytes(answer.body()) : new byte[0];
			return new Reply(answer.status(), headers(decision, null), bytes, null);
		}
		catch (ApiError ex) {
			return error(ex, decision);
		}
	}

	private Reply faultReply(Fault fault) {
		if (fault.kind() == Fault.Kind.RESET) {
			return Reply.reset();
		}
		return error(new ApiError(fault.status(), errorId(fault.status()), "fault injected by the emulator"),
				this.rateLimits.peek());
	}

	/**
	 * A fault as the API host answers it: its error shape, no rate-limit headers.
	 */
	private Reply hostFaultReply(Fault fault) {
		if (fault.kind() == Fault.Kind.RESET) {
			return Reply.reset();
		}
		return hostError(new ApiError(fault.status(), errorId(fault.status()), "fault injected by the emulator"));
	}

	private Reply afterApplying(Fault fault, Reply applied) {
		return switch (fault.kind()) {
			case STATUS_AFTER_APPLYING -> error(new ApiError(fault.status(), errorId(fault.status()),
					"fault injected by the emulator after the call took effect"), this.rateLimits.peek());
			case DELAY -> applied.delayed(fault);
			case RESET_AFTER_APPLYING -> Reply.reset();
			case MALFORMED_BODY -> new Reply(applied.status(), applied.headers(),
					"{\"truncated\": [".getBytes(StandardCharsets.UTF_8), null);
			default -> applied;
		};
	}

	private Mono<Void> send(HttpServerResponse response, Reply reply, RecordedRequest.Builder recorded) {
		RecordedRequest request = recorded.status(reply.status()).build();
		this.journal.record(request);
		EmulatorExchange exchange = new EmulatorExchange(request, reply.status(), reply.headers(),
				new String(reply.body(), StandardCharsets.UTF_8));
		for (Consumer<EmulatorExchange> listener : this.listeners) {
			try {
				listener.accept(exchange);
			}
			catch (RuntimeException ex) {
				// A listener's failure is the test's business: the client still gets its
				// answer.
				System.err.println("Emulator exchange listener failed on " + exchange + ": " + ex);
			}
		}
		if (reply.status() == 0) {
			return Mono.fromRunnable(() -> response.withConnection((connection) -> {
				connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
				connection.channel().close();
			}));
		}
		Mono<Void> answer = Mono.defer(() -> {
			response.status(reply.status());
			reply.headers().forEach(response::header);
			return response.sendByteArray(Mono.just(reply.body())).then();
		});
		Fault delayed = reply.delay();
		return (delayed != null) ? Mono.delay(delayed.delay()).then(answer) : answer;
	}

	private Reply error(ApiError error, RateLimitCounter.Decision decision) {
		String requestId = UUID.randomUUID().toString();
		ObjectNode body = this.json.createObjectNode();
		body.put("id", error.id());
		body.put("message", error.getMessage());
		body.put("request_id", requestId);
		return new Reply(error.status(), headers(decision, requestId), this.json.writeValueAsBytes(body), null);
	}

	private static Map<String, String> headers(RateLimitCounter.Decision decision, @Nullable String requestId) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("content-type", "application/json; charset=utf-8");
		headers.put("ratelimit-limit", String.valueOf(decision.limit()));
		headers.put("ratelimit-remaining", String.valueOf(decision.remaining()));
		headers.put("ratelimit-reset", String.valueOf(decision.reset()));
		headers.put("x-request-id", (requestId != null) ? requestId : UUID.randomUUID().toString());
		return headers;
	}

	private static String errorId(int status) {
		return switch (status) {
			case 400 -> "bad_request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not_found";
			case 409 -> "conflict";
			case 422 -> "unprocessable_entity";
			case 429 -> "too_many_requests";
			default -> (status >= 500) ? "server_error" : "error";
		};
	}

	private static Map<String, List<String>> redactedHeaders(HttpHeaders headers) {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		for (String name : headers.names()) {
			List<String> values = headers.getAll(name);
			if (name.equalsIgnoreCase("Authorization")) {
				values = values.stream().map(EmulatorServer::redact).toList();
			}
			else if (name.equalsIgnoreCase("X-Require-Whisk-Auth")) {
				// A web function's secret.
				values = values.stream().map((value) -> REDACTED.trim()).toList();
			}
			copy.put(name, List.copyOf(values));
		}
		return copy;
	}

	/**
	 * The body as the journal keeps it: a deploy's environment (the values of parameters
	 * marked {@code init}) and web secret (the {@code require-whisk-auth} annotation's
	 * value) redacted.
	 */
	private String redactedBody(String method, String path, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		Route route;
		try {
			route = Route.of(method, path);
		}
		catch (ApiError ex) {
			return text;
		}
		if (route == null
				|| (route.operation() != Operation.DEPLOY_FUNCTION && route.operation() != Operation.DEPLOY_PACKAGE)) {
			return text;
		}
		JsonNode content;
		try {
			content = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return text;
		}
		if (!(content instanceof ObjectNode)) {
			return text;
		}
		boolean redacted = redact(content.get("parameters"), (item) -> item.path("init").asBoolean(false));
		redacted |= redact(content.get("annotations"),
				(item) -> "require-whisk-auth".equals(item.path("key").asString(null))
						&& !item.path("value").isBoolean());
		return redacted ? this.json.writeValueAsString(content) : text;
	}

	private static boolean redact(@Nullable JsonNode entries, Predicate<JsonNode> secret) {
		boolean redacted = false;
		if (entries != null && entries.isArray()) {
			for (JsonNode item : entries) {
				if (item instanceof ObjectNode entry && entry.has("value") && secret.test(entry)) {
					entry.put("value", REDACTED.trim());
					redacted = true;
				}
			}
		}
		return redacted;
	}

	/**
	 * Keep the scheme of a credential, such as {@code Basic}, and hide the rest.
	 */
	private static String redact(String authorization) {
		int space = authorization.indexOf(' ');
		return ((space > 0) ? authorization.substring(0, space) : "") + REDACTED;
	}

	/**
	 * Who calls an API host: the namespace an access key opens, and the key.
	 */
	private record Caller(String namespaceId, String keyId) {

	}

	/**
	 * What to send: status {@code 0} resets the connection instead.
	 */
	private record Reply(int status, Map<String, String> headers, byte[] body, @Nullable Fault delay) {

		static Reply reset() {
			return new Reply(0, Map.of(), new byte[0], null);
		}

		Reply withHeader(String name, String value) {
			Map<String, String> more = new LinkedHashMap<>(this.headers);
			more.put(name, value);
			return new Reply(this.status, more, this.body, this.delay);
		}

		Reply delayed(Fault fault) {
			return new Reply(this.status, this.headers, this.body, fault);
		}

	}

}
