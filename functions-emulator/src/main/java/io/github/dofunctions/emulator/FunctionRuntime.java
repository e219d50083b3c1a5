package io.github.dofunctions.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the registered functions, and the functions deployed to a namespace, and keeps
 * their activations, as a namespace's API host (Apache OpenWhisk) does: blocking calls
 * wait up to the demotion threshold then answer {@code 202}, failed runs answer
 * {@code 502} with their activation, an activation can be read once it has ended, and
 * listings are summaries ({@code statusCode}, no {@code response}, no logs) unless asked
 * for {@code docs=true}, as OpenWhisk's {@code WhiskActivation.summaryAsJson} writes
 * them.
 */
final class FunctionRuntime {

	/** Largest page of activations the platform serves. */
	static final int MAX_PAGE = 200;

	private static final int DEFAULT_PAGE = 30;

	private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
	};

	/** OpenWhisk's version of an action deployed once. */
	private static final String VERSION = "0.0.1";

	private final Map<String, FunctionHandler> handlers = new ConcurrentHashMap<>();

	private final List<Stored> activations = new ArrayList<>();

	private final AtomicLong sequence = new AtomicLong();

	private volatile Runnable stored = () -> {
	};

	private final SecureRandom random = new SecureRandom();

	/**
	 * The threads functions run on, shared by every emulator of the JVM: enough for many
	 * namespaces' 120 at once each (DigitalOcean's "up to 120 concurrent functions" a
	 * namespace, docs.digitalocean.com/products/functions/details/limits), made as needed
	 * and ended after a minute idle. Reactor's shared {@code boundedElastic} allows ten
	 * threads a core, twenty on a small machine: the rest would wait for a thread, not
	 * run, unlike on the platform.
	 */
	private static final Scheduler FUNCTIONS = Schedulers.newBoundedElastic(1_000, Integer.MAX_VALUE,
			"do-functions-emulator-function", 60, true);

	/** How deep a result may nest: Jackson 2's limit, which the client reads. */
	static final int MAX_RESULT_DEPTH = 1000;

	private final JsonMapper json;

	private final Clock clock;

	private volatile Duration demoteAfter;

	private final InvocationThrottle throttle;

	private final EmulatorState state;

	FunctionRuntime(JsonMapper json, Clock clock, Duration demoteAfter, InvocationLimits limits, EmulatorState state) {
		this.state = state;
		this.json = json;
		this.clock = clock;
		this.demoteAfter = demoteAfter;
		this.throttle = new InvocationThrottle(limits, clock);
	}

	InvocationThrottle throttle() {
		return this.throttle;
	}

	void register(String function, FunctionHandler handler) {
		this.handlers.put(function, handler);
	}

	void unregister(String function) {
		this.handlers.remove(function);
	}

	void demoteAfter(Duration demoteAfter) {
		this.demoteAfter = demoteAfter;
	}

	void clearActivations() {
		synchronized (this) {
			this.activations.clear();
			this.sequence.incrementAndGet();
		}
		this.stored.run();
	}

	/**
	 * Be told, outside the runtime's lock, of each activation kept once it has ended, and
	 * of the activations cleared.
	 */
	void onActivation(Runnable stored) {
		this.stored = stored;
	}

	/**
	 * Return the last activations kept, with the count of changes to them.
	 * @param limit how many to return at most
	 */
	/**
	 * Return the count of activations stored, which changes with each one.
	 */
	long activationSequence() {
		return this.sequence.get();
	}

	synchronized Activations lastActivations(int limit) {
		List<EmulatedActivation> last = this.activations
			.subList(Math.max(0, this.activations.size() - limit), this.activations.size())
			.stream()
			.map(Stored::activation)
			.toList();
		return new Activations(this.sequence.get(), last);
	}

	/**
	 * Replace the activations kept, and the count of changes to them.
	 */
	synchronized void restoreActivations(Activations restored) {
		this.activations.clear();
		long sequence = restored.sequence() - restored.activations().size();
		for (EmulatedActivation activation : restored.activations()) {
			this.activations.add(new Stored(activation, ++sequence));
		}
		this.sequence.set(restored.sequence());
	}

	synchronized List<EmulatedActivation> activations(String namespaceId) {
		return this.activations.stream()
			.filter((stored) -> stored.activation.namespaceId().equals(namespaceId))
			.map(Stored::activation)
			.toList();
	}

	/**
	 * Invoke a function: {@code 200} with the activation (or only its result),
	 * {@code 502} when it failed, {@code 500} when the platform did, {@code 202} with the
	 * activation id when not waited for.
	 */
	Mono<ApiHandler.Answer> invoke(String namespaceId, String subject, String function, byte[] body, boolean blocking,
			boolean resultOnly) {
		// Throttled before the function is looked up, as OpenWhisk's entitlement check.
		Runnable finished = this.throttle.admit(namespaceId);
		Target target;
		try {
			target = target(namespaceId, function, parameters(body), true);
		}
		catch (RuntimeException ex) {
			// Refused before it ran: no longer in flight.
			finished.run();
			throw ex;
		}
		String activationId = HexFormat.of().formatHex(randomBytes());
		CompletableFuture<EmulatedActivation> ended = start(finished, target, namespaceId, activationId, function,
				subject, null, true);
		Mono<ApiHandler.Answer> accepted = Mono.fromSupplier(
				() -> new ApiHandler.Answer(202, this.json.createObjectNode().put("activationId", activationId)));
		if (!blocking) {
			return accepted;
		}
		return Mono.fromFuture(ended, true)
			.map((activation) -> new ApiHandler.Answer(blockingStatus(activation),
					resultOnly ? this.json.valueToTree(activation.result()) : record(activation)))
			.timeout(this.demoteAfter, accepted);
	}

	/**
	 * Invoke a web function and wait for it, up to the demotion threshold. The activation
	 * is not kept: DigitalOcean lists no activation of a web call ("Does not return
	 * activations for web-invoked functions", {@code doctl serverless activations get}),
	 * where OpenWhisk records one. Throttled as any invocation, as OpenWhisk counts web
	 * activations.
	 * @param arguments the call's parameters, which override the function's
	 * @return the ended activation, or an empty {@code Mono} if it ran longer than the
	 * threshold
	 */
	Mono<EmulatedActivation> invokeWeb(String namespaceId, String function, Map<String, Object> arguments) {
		Runnable finished = this.throttle.admit(namespaceId);
		Target target;
		try {
			target = target(namespaceId, function, arguments, false);
		}
		catch (RuntimeException ex) {
			finished.run();
			throw ex;
		}
		CompletableFuture<EmulatedActivation> ended = start(finished, target, namespaceId,
				HexFormat.of().formatHex(randomBytes()), function, namespaceId, null, false);
		return Mono.fromFuture(ended, true).timeout(this.demoteAfter, Mono.empty());
	}

	/**
	 * Run a scheduled trigger's function, as OpenWhisk runs the action of a trigger's
	 * rule ({@code TriggersApi.activateRules}): the trigger's body as the parameters, as
	 * the trigger's owner (here the namespace), throttled as any invocation. A run
	 * refused before it starts (no such function, too many in flight) is recorded as a
	 * failed activation with OpenWhisk's message: a {@code 5xx} as
	 * {@code whisk internal error}, any other as {@code application error}, as
	 * {@code activateRules} classifies it.
	 * @return the ended activation, also kept with the namespace's activations
	 */
	CompletableFuture<EmulatedActivation> fire(EmulatedTrigger trigger, Map<String, Object> parameters) {
		String namespaceId = trigger.namespace();
		String activationId = HexFormat.of().formatHex(randomBytes());
		Runnable finished = null;
		try {
			finished = this.throttle.admit(namespaceId);
			Target target = target(namespaceId, trigger.function(), parameters, true);
			return start(finished, target, namespaceId, activationId, trigger.function(), namespaceId, trigger.name(),
					true);
		}
		catch (RuntimeException ex) {
			if (finished != null) {
				finished.run();
			}
			boolean refused = ex instanceof ApiError api && api.status() < 500;
			return CompletableFuture.completedFuture(failedRun(trigger, activationId,
					refused ? EmulatedActivation.APPLICATION_ERROR : EmulatedActivation.INTERNAL_ERROR,
					String.valueOf(ex.getMessage())));
		}
	}

	private EmulatedActivation failedRun(EmulatedTrigger trigger, String activationId, String status, String error) {
		Instant now = this.clock.instant();
		EmulatedActivation failed = new EmulatedActivation(activationId, trigger.namespace(), trigger.function(),
				trigger.namespace(), now, now, status, Map.of("error", error), List.of(), trigger.name());
		store(failed);
		return failed;
	}

	private CompletableFuture<EmulatedActivation> start(Runnable finished, Target target, String namespaceId,
			String activationId, String function, String subject, @Nullable String trigger, boolean keep) {
		FunctionCall call = new FunctionCall(namespaceId, activationId, target.parameters(), this.clock);
		return Mono.fromCallable(() -> {
			try {
				return run(target.handler(), call, function, subject, trigger);
			}
			finally {
				// Out of flight when the run ends, before the answer goes, as OpenWhisk
				// counts an activation until it completes.
				finished.run();
			}
		}).subscribeOn(FUNCTIONS).doOnNext((activation) -> {
			if (keep) {
				store(activation);
			}
		}).toFuture();
	}

	/**
	 * Find what runs for a function: a registered Java handler of its name first, then
	 * the namespace's deployed function of that name. A deployed function's parameters
	 * are merged as OpenWhisk merges them: its package's, then its own
	 * ({@code WhiskAction.inherit}), then the call's, which win
	 * ({@code Parameters.merge}); those marked {@code init} then leave the parameters for
	 * the environment ({@code ContainerProxy.partitionArguments}). With the annotation
	 * {@code final}, a call may not set a parameter the function defines
	 * ({@code immutableParameters}, {@code Messages.parametersNotAllowed}).
	 * @throws ApiError {@code 404} if neither exists, {@code 400} for a final parameter
	 */
	private Target target(String namespaceId, String function, Map<String, Object> requested, boolean checkFinal) {
		FunctionHandler handler = this.handlers.get(function);
		StoredAction action = this.state.action(namespaceId, function);
		if (action == null) {
			if (handler == null) {
				throw ApiError.notFound(EmulatorState.RESOURCE_DOES_NOT_EXIST);
			}
			return new Target(handler, requested);
		}
		Map<String, StoredAction.KeyValue> defined = new LinkedHashMap<>();
		StoredPackage inPackage = (action.packageName() != null)
				? this.state.findPackage(namespaceId, action.packageName()) : null;
		if (inPackage != null) {
			inPackage.parameters().forEach((parameter) -> defined.put(parameter.key(), parameter));
		}
		action.parameters().forEach((parameter) -> defined.put(parameter.key(), parameter));
		if (checkFinal && action.isTrue("final") && requested.keySet().stream().anyMatch(defined::containsKey)) {
			throw ApiError.badRequest("Request defines parameters that are not allowed (e.g., reserved properties).");
		}
		Map<String, Object> arguments = new LinkedHashMap<>();
		defined.values()
			.forEach((parameter) -> arguments.put(parameter.key(),
					this.json.convertValue(parameter.value(), Object.class)));
		arguments.putAll(requested);
		Map<String, String> environment = new LinkedHashMap<>();
		defined.values().stream().filter(StoredAction.KeyValue::init).forEach((parameter) -> {
			Object value = arguments.remove(parameter.key());
			environment.put(parameter.key(),
					(value instanceof String text) ? text : this.json.writeValueAsString(value));
		});
		return new Target((handler != null) ? handler : deployed(action, environment), arguments);
	}

	/**
	 * The code of a deployed function, run in a process; or, for a kind the emulator
	 * cannot run, a handler that fails the activation with the reason.
	 */
	private FunctionHandler deployed(StoredAction action, Map<String, String> environment) {
		String reason = ProcessFunction.cannotRun(action.kind());
		if (reason != null) {
			return (call) -> {
				throw new ActionDeveloperError(reason);
			};
		}
		return new ProcessFunction(action.fullName(), action.kind(), action.main(), action.binary(), action.code(),
				environment, Duration.ofMillis(action.limits().timeout()),
				this.state.namespace(action.namespaceId()).apiHost(), this.json);
	}

	/**
	 * The status of a blocking call's answer, as OpenWhisk's {@code Actions.doInvoke}
	 * gives it: {@code 200} for success, {@code 502} for an application or developer
	 * error, {@code 500} for a whisk internal error; each with the activation.
	 */
	private static int blockingStatus(EmulatedActivation activation) {
		return switch (activation.status()) {
			case EmulatedActivation.SUCCESS -> 200;
			case EmulatedActivation.INTERNAL_ERROR -> 500;
			default -> 502;
		};
	}

	synchronized ApiHandler.Answer list(String namespaceId, Map<String, String> query) {
		int limit = (int) number(query, "limit", DEFAULT_PAGE);
		int skip = (int) number(query, "skip", 0);
		if (limit < 0 || limit > MAX_PAGE || skip < 0) {
			throw ApiError.badRequest("limit must be 0 to " + MAX_PAGE + " and skip not negative");
		}
		long since = number(query, "since", Long.MIN_VALUE);
		long upto = number(query, "upto", Long.MAX_VALUE);
		String name = query.get("name");
		boolean docs = "true".equals(query.get("docs"));
		ArrayNode page = this.json.createArrayNode();
		this.activations.stream()
			.filter((stored) -> stored.activation.namespaceId().equals(namespaceId))
			.filter((stored) -> {
				long start = stored.activation.start().toEpochMilli();
				return start >= since && start <= upto;
			})
			.filter((stored) -> name == null || name.equals(stored.activation.function())
					|| name.equals(shortName(stored.activation.function())))
			.sorted(Comparator.comparing((Stored stored) -> stored.activation.start())
				.thenComparingLong(Stored::sequence)
				.reversed())
			.skip(skip)
			.limit((limit == 0) ? DEFAULT_PAGE : limit)
			.forEach((stored) -> page.add(docs ? record(stored.activation) : summary(stored.activation)));
		return new ApiHandler.Answer(200, page);
	}

	ApiHandler.Answer get(String namespaceId, String activationId) {
		return new ApiHandler.Answer(200, record(find(namespaceId, activationId)));
	}

	ApiHandler.Answer logs(String namespaceId, String activationId) {
		ObjectNode body = this.json.createObjectNode();
		body.set("logs", this.json.valueToTree(find(namespaceId, activationId).logs()));
		return new ApiHandler.Answer(200, body);
	}

	ApiHandler.Answer result(String namespaceId, String activationId) {
		return new ApiHandler.Answer(200, response(find(namespaceId, activationId)));
	}

	private EmulatedActivation run(FunctionHandler handler, FunctionCall call, String function, String subject,
			@Nullable String trigger) {
		Instant start = this.clock.instant();
		Object result;
		String status;
		try {
			JsonNode answer = this.json.valueToTree(handler.handle(call));
			if (depth(answer) > MAX_RESULT_DEPTH) {
				throw new IllegalStateException("the result is nested deeper than " + MAX_RESULT_DEPTH + " levels");
			}
			result = (answer != null) ? this.json.convertValue(answer, Object.class) : null;
			status = (answer != null && answer.isObject() && answer.has("error")) ? EmulatedActivation.APPLICATION_ERROR
					: EmulatedActivation.SUCCESS;
		}
		catch (WhiskInternalErrorException ex) {
			result = Map.of("error", (ex.getMessage() != null) ? ex.getMessage() : "internal error");
			status = EmulatedActivation.INTERNAL_ERROR;
		}
		catch (ActionDeveloperError ex) {
			result = Map.of("error", ex.getMessage());
			status = EmulatedActivation.DEVELOPER_ERROR;
		}
		catch (Exception ex) {
			call.log(ex.toString());
			result = Map.of("error", (ex.getMessage() != null) ? ex.getMessage() : ex.toString());
			status = EmulatedActivation.DEVELOPER_ERROR;
		}
		return new EmulatedActivation(call.activationId(), call.namespaceId(), function, subject, start,
				this.clock.instant(), status, result, call.logs(), trigger);
	}

	/**
	 * Return how deep a JSON value nests: 0 for a scalar, 1 for an array or object of
	 * scalars. Iterative, so that no depth a handler builds can exhaust the stack.
	 */
	private static int depth(@Nullable JsonNode value) {
		int deepest = 0;
		Deque<Map.Entry<JsonNode, Integer>> pending = new ArrayDeque<>();
		if (value != null) {
			pending.push(Map.entry(value, (value.isContainer()) ? 1 : 0));
		}
		while (!pending.isEmpty()) {
			Map.Entry<JsonNode, Integer> next = pending.pop();
			deepest = Math.max(deepest, next.getValue());
			for (JsonNode child : next.getKey()) {
				if (child.isContainer()) {
					pending.push(Map.entry(child, next.getValue() + 1));
				}
			}
		}
		return deepest;
	}

	private void store(EmulatedActivation activation) {
		synchronized (this) {
			this.activations.add(new Stored(activation, this.sequence.incrementAndGet()));
		}
		this.stored.run();
	}

	private synchronized EmulatedActivation find(String namespaceId, String activationId) {
		return this.activations.stream()
			.map(Stored::activation)
			.filter((activation) -> activation.namespaceId().equals(namespaceId)
					&& activation.activationId().equals(activationId))
			.findFirst()
			.orElseThrow(() -> ApiError.notFound("The requested resource does not exist."));
	}

	/**
	 * An activation record as OpenWhisk answers it
	 * ({@code WhiskActivation.toExtendedJson}): the outcome and result in
	 * {@code response}.
	 */
	private ObjectNode record(EmulatedActivation activation) {
		ObjectNode record = brief(activation);
		record.put("subject", activation.subject());
		record.set("response", response(activation));
		record.set("logs", this.json.valueToTree(activation.logs()));
		return record;
	}

	/**
	 * An activation as listings give it ({@code WhiskActivation.summaryAsJson}): the
	 * outcome as {@code statusCode}, no response, no logs, no subject.
	 */
	private ObjectNode summary(EmulatedActivation activation) {
		return brief(activation).put("statusCode", activation.statusCode());
	}

	private ObjectNode brief(EmulatedActivation activation) {
		ObjectNode record = this.json.createObjectNode();
		record.put("activationId", activation.activationId());
		record.put("namespace", activation.namespaceId());
		record.put("name", shortName(activation.function()));
		record.put("version", VERSION);
		record.put("start", activation.start().toEpochMilli());
		record.put("end", activation.end().toEpochMilli());
		record.put("duration", activation.end().toEpochMilli() - activation.start().toEpochMilli());
		ArrayNode annotations = record.putArray("annotations");
		annotations.addObject().put("key", "path").put("value", activation.namespaceId() + "/" + activation.function());
		record.put("publish", false);
		return record;
	}

	private ObjectNode response(EmulatedActivation activation) {
		ObjectNode response = this.json.createObjectNode();
		response.put("status", activation.status());
		response.put("success", activation.success());
		response.set("result", this.json.valueToTree(activation.result()));
		return response;
	}

	private Map<String, Object> parameters(byte[] body) {
		if (body.length == 0) {
			return new LinkedHashMap<>();
		}
		try {
			JsonNode node = this.json.readTree(body);
			if (!node.isObject()) {
				throw ApiError.badRequest("The request content was malformed: parameters must be a JSON object.");
			}
			return this.json.convertValue(node, PARAMETERS);
		}
		catch (JacksonException ex) {
			throw ApiError.badRequest("The request content was malformed: " + ex.getOriginalMessage());
		}
	}

	private static long number(Map<String, String> query, String name, long otherwise) {
		String text = query.get(name);
		if (text == null) {
			return otherwise;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw ApiError.badRequest("'" + name + "' must be a number, not '" + text + "'");
		}
	}

	private static String shortName(String function) {
		int slash = function.indexOf('/');
		return (slash >= 0) ? function.substring(slash + 1) : function;
	}

	private byte[] randomBytes() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private record Stored(EmulatedActivation activation, long sequence) {

	}

	/**
	 * Activations, in the order they ended.
	 *
	 * @param sequence counts the changes to the activations
	 * @param activations the activations
	 */
	record Activations(long sequence, List<EmulatedActivation> activations) {

	}

	/**
	 * What runs for an invocation, and with which parameters.
	 */
	private record Target(FunctionHandler handler, Map<String, Object> parameters) {

	}

}
