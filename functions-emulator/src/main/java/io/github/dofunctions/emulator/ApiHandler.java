package io.github.dofunctions.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.dofunctions.client.model.ClientRules;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Carries out one call on the {@link EmulatorState}: reads the request body as
 * DigitalOcean would, checks it, and writes the answer in DigitalOcean's JSON.
 */
final class ApiHandler {

	static final Set<String> REGIONS = Set.of("ams3", "blr1", "fra1", "lon1", "nyc1", "sfo3", "sgp1", "syd1", "tor1");

	private static final Pattern EXPIRES_IN = Pattern.compile("([1-9][0-9]{0,5})([hd])");

	private static final String INVALID_PAYLOAD = "Invalid request payload: ";

	private final EmulatorState state;

	private final JsonMapper json;

	ApiHandler(EmulatorState state, JsonMapper json) {
		this.state = state;
		this.json = json;
	}

	/**
	 * Carry out the call.
	 * @throws ApiError for an answer other than success
	 */
	Answer handle(Route route, byte[] body) {
		String ns = route.namespaceId();
		String name = route.name();
		return switch (route.operation()) {
			case LIST_NAMESPACES ->
				ok(wrapList("namespaces", this.state.namespaces().stream().map(this::namespace).toList()));
			case GET_NAMESPACE -> ok(wrap("namespace", namespace(this.state.namespace(ns))));
			case CREATE_NAMESPACE -> createNamespace(body);
			case DELETE_NAMESPACE -> {
				this.state.deleteNamespace(ns);
				yield Answer.noContent();
			}
			case LIST_TRIGGERS ->
				ok(wrapList("triggers", this.state.listTriggers(ns).stream().map(this::trigger).toList()));
			case GET_TRIGGER -> ok(wrap("trigger", trigger(this.state.trigger(ns, name))));
			case CREATE_TRIGGER -> createTrigger(ns, object(body));
			case UPDATE_TRIGGER -> updateTrigger(ns, name, object(body));
			case DELETE_TRIGGER -> {
				this.state.deleteTrigger(ns, name);
				yield Answer.noContent();
			}
			case LIST_ACCESS_KEYS -> listAccessKeys(ns);
			case CREATE_ACCESS_KEY -> createAccessKey(ns, object(body));
			case UPDATE_ACCESS_KEY -> ok(wrap("access_key",
					accessKey(this.state.renameAccessKey(ns, name, requiredText(object(body), "name")))));
			case DELETE_ACCESS_KEY -> {
				this.state.deleteAccessKey(ns, name);
				yield new Answer(200, this.json.createObjectNode());
			}
			// Served by the function runtime, on the API host.
			case INVOKE_FUNCTION, LIST_ACTIVATIONS, GET_ACTIVATION, GET_ACTIVATION_LOGS, GET_ACTIVATION_RESULT,
					LIST_RUNTIMES, DEPLOY_FUNCTION, GET_FUNCTION, LIST_FUNCTIONS, DELETE_FUNCTION, DEPLOY_PACKAGE,
					GET_PACKAGE, LIST_PACKAGES, DELETE_PACKAGE, INVOKE_WEB_FUNCTION ->
				throw ApiError.notFound("The resource you were accessing could not be found.");
		};
	}

	/**
	 * Create a namespace. DigitalOcean's OpenAPI description gives an invalid create the
	 * status {@code 404} with the id {@code bad_request} ("Invalid request payload:
	 * missing label field"), and no {@code 400}: so does the emulator, with that prefix
	 * before each reason, a label already taken included.
	 */
	private Answer createNamespace(byte[] body) {
		try {
			ObjectNode request = object(body);
			String region = requiredText(request, "region");
			String label = requiredText(request, "label");
			if (!REGIONS.contains(region)) {
				throw ApiError.badRequest("Invalid request payload: unknown region " + quote(region));
			}
			String refused = ClientRules.label(label);
			if (refused != null) {
				throw ApiError.badRequest("Invalid request payload: label " + refused);
			}
			return ok(wrap("namespace", namespace(this.state.createNamespace(region, label))));
		}
		catch (ApiError ex) {
			throw (ex.status() == 400) ? new ApiError(404, ex.id(), invalidPayload(ex.getMessage())) : ex;
		}
	}

	private static String invalidPayload(String message) {
		return message.startsWith(INVALID_PAYLOAD) ? message : INVALID_PAYLOAD + message;
	}

	private Answer createTrigger(String namespaceId, ObjectNode request) {
		String name = requiredText(request, "name");
		String function = requiredText(request, "function");
		refuse("name " + quote(name), ClientRules.triggerName(name));
		refuse("function " + quote(function), ClientRules.functionName(function));
		String type = requiredText(request, "type");
		if (!type.equals("SCHEDULED")) {
			throw ApiError
				.badRequest("validating create trigger: validation error: unknown trigger type " + quote(type));
		}
		JsonNode enabled = request.get("is_enabled");
		if (enabled == null || enabled.isNull()) {
			throw ApiError.badRequest("validating create trigger: validation error: missing is_enabled");
		}
		if (!enabled.isBoolean()) {
			throw ApiError.badRequest("validating create trigger: validation error: is_enabled must be a boolean, not "
					+ typeOf(enabled));
		}
		Schedule schedule = schedule(request.get("scheduled_details"));
		if (schedule == null) {
			throw ApiError.badRequest("validating create trigger: validation error: missing source details");
		}
		return ok(wrap("trigger", trigger(this.state.createTrigger(namespaceId, name, function, enabled.asBoolean(),
				schedule.cron(), schedule.body()))));
	}

	private Answer updateTrigger(String namespaceId, String name, ObjectNode request) {
		JsonNode enabled = request.get("is_enabled");
		if (enabled != null && !enabled.isBoolean()) {
			throw ApiError
				.badRequest("validating update trigger: is_enabled must be a boolean, not " + typeOf(enabled));
		}
		Schedule schedule = schedule(request.get("scheduled_details"));
		if (enabled == null && schedule == null) {
			throw ApiError.badRequest("validating update trigger: nothing to update");
		}
		return ok(wrap("trigger",
				trigger(this.state.updateTrigger(namespaceId, name, (enabled != null) ? enabled.asBoolean() : null,
						(schedule != null) ? schedule.cron() : null, (schedule != null) ? schedule.body() : null))));
	}

	private Answer listAccessKeys(String namespaceId) {
		List<EmulatedAccessKey> keys = this.state.listAccessKeys(namespaceId);
		ObjectNode answer = wrapList("access_keys", keys.stream().map(this::accessKey).toList());
		answer.put("count", keys.size());
		return ok(answer);
	}

	private Answer createAccessKey(String namespaceId, ObjectNode request) {
		String name = requiredText(request, "name");
		JsonNode expiresIn = request.get("expires_in");
		Duration lifetime = null;
		if (expiresIn != null && !expiresIn.isNull()) {
			Matcher matcher = EXPIRES_IN.matcher(expiresIn.isString() ? expiresIn.asString() : "");
			if (!matcher.matches()) {
				throw ApiError.badRequest("Invalid request payload: expires_in must be like 12h or 7d, at least 1h");
			}
			long amount = Long.parseLong(matcher.group(1));
			lifetime = matcher.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount);
		}
		EmulatorState.CreatedAccessKey created = this.state.createAccessKey(namespaceId, name, lifetime);
		ObjectNode key = accessKey(created.key());
		key.put("secret", created.secret());
		return new Answer(201, wrap("access_key", key));
	}

	private @Nullable Schedule schedule(@Nullable JsonNode details) {
		if (details == null || details.isNull()) {
			return null;
		}
		if (!details.isObject()) {
			throw ApiError.badRequest("validating trigger: scheduled_details must be an object");
		}
		JsonNode cron = details.get("cron");
		if (cron == null || cron.isNull()) {
			throw ApiError.badRequest("validating trigger: missing cron field");
		}
		if (!cron.isString()) {
			throw ApiError.badRequest("validating trigger: cron must be a string, not " + typeOf(cron));
		}
		if (!EmulatorState.isValidCron(cron.asString())) {
			throw ApiError.badRequest("validating trigger: invalid cron expression " + quote(cron.asString()));
		}
		JsonNode body = details.get("body");
		if (body != null && !body.isNull() && !body.isObject()) {
			throw ApiError.badRequest("validating trigger: scheduled_details.body must be an object");
		}
		return new Schedule(cron.asString(),
				(body != null && !body.isNull()) ? this.json.writeValueAsString(body) : null);
	}

	private ObjectNode object(byte[] body) {
		JsonNode node;
		try {
			node = (body.length > 0) ? this.json.readTree(body) : null;
		}
		catch (JacksonException ex) {
			throw ApiError.badRequest("Invalid request payload: not JSON");
		}
		if (node == null || !node.isObject()) {
			throw ApiError.badRequest("Invalid request payload: expected a JSON object");
		}
		return (ObjectNode) node;
	}

	private static String requiredText(ObjectNode request, String field) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
			throw ApiError.badRequest("Invalid request payload: missing " + field + " field");
		}
		if (!value.isString()) {
			throw ApiError.badRequest("Invalid request payload: " + field + " must be a string, not " + typeOf(value));
		}
		return value.asString();
	}

	/**
	 * Name a JSON value's type for an error message, without repeating the value.
	 */
	private static String typeOf(JsonNode value) {
		return switch (value.getNodeType()) {
			case ARRAY -> "an array";
			case OBJECT, POJO -> "an object";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case STRING -> "a string";
			case NULL, MISSING -> "null";
			case BINARY -> "binary data";
		};
	}

	/**
	 * Quote a value the caller sent, cut to its first 64 characters.
	 */
	private static void refuse(String field, @Nullable String reason) {
		if (reason != null) {
			throw ApiError.badRequest("validating create trigger: validation error: " + field + " " + reason);
		}
	}

	static String quote(String value) {
		return (value.length() <= 64) ? "'" + value + "'"
				: "'" + value.substring(0, 64) + "...' (" + value.length() + " characters)";
	}

	private ObjectNode namespace(EmulatedNamespace namespace) {
		ObjectNode node = this.json.createObjectNode();
		node.put("api_host", namespace.apiHost());
		node.put("namespace", namespace.id());
		node.put("created_at", time(namespace.createdAt()));
		node.put("updated_at", time(namespace.updatedAt()));
		node.put("label", namespace.label());
		node.put("region", namespace.region());
		node.put("uuid", namespace.uuid());
		node.put("key", namespace.key());
		return node;
	}

	private ObjectNode trigger(EmulatedTrigger trigger) {
		ObjectNode node = this.json.createObjectNode();
		node.put("namespace", trigger.namespace());
		node.put("name", trigger.name());
		node.put("function", trigger.function());
		node.put("type", "SCHEDULED");
		node.put("is_enabled", trigger.enabled());
		node.put("created_at", time(trigger.createdAt()));
		node.put("updated_at", time(trigger.updatedAt()));
		ObjectNode details = node.putObject("scheduled_details");
		details.put("cron", trigger.cron());
		if (trigger.body() != null) {
			details.set("body", this.json.readTree(trigger.body()));
		}
		else {
			details.putNull("body");
		}
		ObjectNode runs = node.putObject("scheduled_runs");
		runs.put("last_run_at", time(trigger.lastRunAt()));
		runs.put("next_run_at", time(trigger.nextRunAt()));
		return node;
	}

	private ObjectNode accessKey(EmulatedAccessKey key) {
		ObjectNode node = this.json.createObjectNode();
		node.put("id", key.id());
		node.put("name", key.name());
		node.put("expires_at", time(key.expiresAt()));
		node.put("created_at", time(key.createdAt()));
		node.put("updated_at", time(key.updatedAt()));
		return node;
	}

	private ObjectNode wrap(String field, ObjectNode content) {
		ObjectNode node = this.json.createObjectNode();
		node.set(field, content);
		return node;
	}

	private ObjectNode wrapList(String field, List<ObjectNode> items) {
		ObjectNode node = this.json.createObjectNode();
		ArrayNode array = node.putArray(field);
		items.forEach(array::add);
		return node;
	}

	private static @Nullable String time(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static Answer ok(ObjectNode body) {
		return new Answer(200, body);
	}

	private record Schedule(String cron, @Nullable String body) {

	}

	/**
	 * A successful answer: its status and JSON body, {@code null} for none.
	 */
	record Answer(int status, @Nullable JsonNode body) {

		static Answer noContent() {
			return new Answer(204, null);
		}

	}

}
