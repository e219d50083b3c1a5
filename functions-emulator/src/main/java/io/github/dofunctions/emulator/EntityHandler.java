package io.github.dofunctions.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.dofunctions.client.model.ClientRules;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Serves the deployed functions (OpenWhisk's actions) and packages of a namespace's API
 * host, as Apache OpenWhisk's controller does ({@code Actions.scala},
 * {@code Packages.scala}, {@code WhiskAction.scala}, {@code WhiskPackage.scala},
 * {@code Exec.scala}, {@code Parameter.scala}): reads the {@code PUT} bodies with
 * OpenWhisk's rules and messages, and writes entities and listings in its JSON.
 */
final class EntityHandler {

	/**
	 * Largest code of a function: DigitalOcean's "maximum size of the built function" (48
	 * MB, Functions "Limits"), OpenWhisk's {@code whisk.exec-size-limit}.
	 */
	static final int MAX_CODE = 48 * 1024 * 1024;

	/**
	 * Largest parameters, or annotations, of an entity: OpenWhisk's
	 * {@code whisk.parameter-size-limit} (1 MB).
	 */
	static final int MAX_PARAMETERS = 1024 * 1024;

	/** Largest page of a listing: OpenWhisk's {@code Collection.MAX_LIST_LIMIT}. */
	private static final int MAX_PAGE = 200;

	/** Page of a listing without {@code limit}: {@code Collection.DEFAULT_LIST_LIMIT}. */
	private static final int DEFAULT_PAGE = 30;

	/** OpenWhisk's version of an entity made once ({@code SemVer()}). */
	private static final String FIRST_VERSION = "0.0.1";

	private static final Pattern SEMVER = Pattern
		.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");

	/**
	 * {@code Exec.isBinaryCode}: code that is base64 (a zip) rather than a source file.
	 */
	private static final Pattern BASE64 = Pattern
		.compile("^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$");

	private final EmulatorState state;

	private final JsonMapper json;

	private final Clock clock;

	EntityHandler(EmulatorState state, JsonMapper json, Clock clock) {
		this.state = state;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Carry out a call on the functions or packages of the caller's namespace.
	 * @param name the function ({@code name} or {@code package/name}) or the package, or
	 * {@code null} for a listing
	 * @throws ApiError for an answer other than success, in OpenWhisk's words
	 */
	ApiHandler.Answer handle(Operation operation, String namespaceId, @Nullable String name, Map<String, String> query,
			byte[] body) {
		return switch (operation) {
			case LIST_RUNTIMES -> new ApiHandler.Answer(200, Runtimes.info(this.json));
			case DEPLOY_FUNCTION ->
				ok(action(deployAction(namespaceId, names(name), isTrue(query, "overwrite"), object(body)), true));
			case GET_FUNCTION -> ok(action(findAction(namespaceId, names(name)), !"false".equals(query.get("code"))));
			case DELETE_FUNCTION ->
				ok(action(this.state.deleteAction(namespaceId, String.join("/", names(name))), true));
			case LIST_FUNCTIONS -> ok(listActions(namespaceId, query));
			case DEPLOY_PACKAGE -> ok(packageJson(
					deployPackage(namespaceId, packageName(name), isTrue(query, "overwrite"), object(body))));
			case GET_PACKAGE -> ok(packageWithActions(namespaceId, findPackage(namespaceId, packageName(name))));
			case DELETE_PACKAGE ->
				ok(packageJson(this.state.deletePackage(namespaceId, packageName(name), isTrue(query, "force"))));
			case LIST_PACKAGES -> ok(listPackages(namespaceId, query));
			default -> throw ApiError.notFound(EmulatorState.RESOURCE_DOES_NOT_EXIST);
		};
	}

	private StoredAction deployAction(String namespaceId, List<String> names, boolean overwrite, ObjectNode content) {
		String packageName = (names.size() == 2) ? names.get(0) : null;
		String name = names.get(names.size() - 1);
		Exec exec = content.has("exec") ? exec(content.get("exec")) : null;
		List<StoredAction.KeyValue> parameters = keyValues(content, "parameters", true);
		List<StoredAction.KeyValue> annotations = keyValues(content, "annotations", false);
		LimitsPut limits = limits(content.get("limits"));
		Boolean publish = bool(content, "publish");
		String version = version(content);
		List<String> deleted = delAnnotations(content);
		// LimitedWhiskEntityPut.isWithinSizeLimits: 413 with Messages.entityTooBig.
		if (exec != null) {
			checkSize("exec", exec.code().getBytes(StandardCharsets.UTF_8).length, MAX_CODE);
		}
		checkSize("parameters", size(parameters), MAX_PARAMETERS);
		checkSize("annotations", size(annotations), MAX_PARAMETERS);
		Instant now = this.clock.instant();
		return this.state.putAction(namespaceId, packageName, name, overwrite, (existing) -> {
			if (existing == null) {
				// Actions.makeWhiskAction and WhiskActionsApi.amendAnnotations: a new
				// action is
				// annotated provide-api-key false unless it says otherwise, and exec its
				// kind.
				if (exec == null) {
					throw ApiError.badRequest("exec undefined");
				}
				Map<String, StoredAction.KeyValue> amended = byKey((annotations != null) ? annotations : List.of());
				amended.putIfAbsent("provide-api-key",
						new StoredAction.KeyValue("provide-api-key", BooleanNode.FALSE, false));
				amended.put("exec", new StoredAction.KeyValue("exec", StringNode.valueOf(exec.kind()), false));
				return new StoredAction(namespaceId, packageName, name, exec.kind(), exec.main(), exec.binary(),
						exec.code(), (parameters != null) ? parameters : List.of(), List.copyOf(amended.values()),
						limits.over(ActionLimits.DEFAULTS), (version != null) ? version : FIRST_VERSION,
						Boolean.TRUE.equals(publish), now);
			}
			// Actions.updateWhiskAction: what the body leaves out is kept, annotations
			// are
			// merged, and the patch version goes up.
			Map<String, StoredAction.KeyValue> merged = byKey(existing.annotations());
			deleted.forEach(merged::remove);
			if (annotations != null) {
				annotations.forEach((annotation) -> merged.put(annotation.key(), annotation));
			}
			String kind = (exec != null) ? exec.kind() : existing.kind();
			merged.put("exec", new StoredAction.KeyValue("exec", StringNode.valueOf(kind), false));
			return new StoredAction(namespaceId, packageName, name, kind,
					(exec != null) ? exec.main() : existing.main(), (exec != null) ? exec.binary() : existing.binary(),
					(exec != null) ? exec.code() : existing.code(),
					(parameters != null) ? parameters : existing.parameters(), List.copyOf(merged.values()),
					limits.over(existing.limits()), (version != null) ? version : upPatch(existing.version()),
					(publish != null) ? publish : existing.publish(), now);
		});
	}

	private StoredAction findAction(String namespaceId, List<String> names) {
		if (names.size() == 2 && this.state.findPackage(namespaceId, names.get(0)) == null) {
			throw ApiError.notFound(EmulatorState.RESOURCE_DOES_NOT_EXIST);
		}
		StoredAction action = this.state.action(namespaceId, String.join("/", names));
		if (action == null) {
			throw ApiError.notFound(EmulatorState.RESOURCE_DOES_NOT_EXIST);
		}
		return action;
	}

	private StoredPackage deployPackage(String namespaceId, String name, boolean overwrite, ObjectNode content) {
		if (name.equals("default")) {
			// Packages.RESERVED_NAMES, Messages.packageNameIsReserved.
			throw ApiError.badRequest("Package name 'default' is reserved.");
		}
		JsonNode binding = content.get("binding");
		if (binding != null && !binding.isNull() && !(binding.isObject() && binding.isEmpty())) {
			throw ApiError.badRequest("Package bindings are not supported by the emulator.");
		}
		List<StoredAction.KeyValue> parameters = keyValues(content, "parameters", true);
		List<StoredAction.KeyValue> annotations = keyValues(content, "annotations", false);
		Boolean publish = bool(content, "publish");
		String version = version(content);
		checkSize("parameters", size(parameters), MAX_PARAMETERS);
		checkSize("annotations", size(annotations), MAX_PARAMETERS);
		Instant now = this.clock.instant();
		// Packages.create and update: what the body leaves out is kept (annotations are
		// replaced, not merged), the "binding" annotation is the controller's.
		return this.state.putPackage(namespaceId, name, overwrite, (existing) -> {
			List<StoredAction.KeyValue> newAnnotations = (annotations != null) ? annotations
					: (existing != null) ? existing.annotations() : List.of();
			return new StoredPackage(namespaceId, name,
					(parameters != null) ? parameters : (existing != null) ? existing.parameters() : List.of(),
					newAnnotations.stream().filter((annotation) -> !annotation.key().equals("binding")).toList(),
					(version != null) ? version : (existing != null) ? upPatch(existing.version()) : FIRST_VERSION,
					(publish != null) ? publish : existing != null && existing.publish(), now);
		});
	}

	private StoredPackage findPackage(String namespaceId, String name) {
		StoredPackage found = this.state.findPackage(namespaceId, name);
		if (found == null) {
			throw ApiError.notFound(EmulatorState.RESOURCE_DOES_NOT_EXIST);
		}
		return found;
	}

	/**
	 * The functions of a namespace, packaged ones included (the {@code actions} view
	 * emits each under its root namespace too), newest update first, as the view's
	 * summaries: no code, no parameters.
	 */
	private ArrayNode listActions(String namespaceId, Map<String, String> query) {
		ArrayNode page = this.json.createArrayNode();
		paged(newestFirst(this.state.actions(namespaceId), StoredAction::updated), query, "actions")
			.forEach((action) -> page.add(actionSummary(action)));
		return page;
	}

	private ArrayNode listPackages(String namespaceId, Map<String, String> query) {
		ArrayNode page = this.json.createArrayNode();
		paged(newestFirst(this.state.packages(namespaceId), StoredPackage::updated), query, "packages")
			.forEach((found) -> {
				ObjectNode summary = entitySummary(found.namespaceId(), found.name(), found.version(), found.publish(),
						found.annotations(), found.updated());
				summary.put("binding", false);
				page.add(summary);
			});
		return page;
	}

	private static <T> List<T> newestFirst(List<T> entities, Function<T, Instant> updated) {
		List<T> sorted = new ArrayList<>(entities);
		// Deployed later first among those updated in the same millisecond.
		Collections.reverse(sorted);
		sorted.sort(Comparator.comparing(updated).reversed());
		return sorted;
	}

	/**
	 * A page of a listing: {@code skip} and {@code limit} read and checked as OpenWhisk's
	 * {@code RestApiCommons.stringToListLimit} and {@code stringToListSkip} do; a limit
	 * of 0 lists everything, as the entity store reads it.
	 */
	private static <T> List<T> paged(List<T> entities, Map<String, String> query, String collection) {
		int limit = integer(query, "limit", DEFAULT_PAGE, collection);
		int skip = integer(query, "skip", 0, collection);
		if (limit < 0 || limit > MAX_PAGE) {
			throw ApiError.badRequest(
					"The value '" + limit + "' is not in the range of 0 to " + MAX_PAGE + " for " + collection + ".");
		}
		if (skip < 0) {
			throw ApiError
				.badRequest("The value '" + skip + "' is not greater than or equal to 0 for " + collection + ".");
		}
		return entities.stream().skip(skip).limit((limit == 0) ? Long.MAX_VALUE : limit).toList();
	}

	private static int integer(Map<String, String> query, String name, int otherwise, String collection) {
		String text = query.get(name);
		if (text == null) {
			return otherwise;
		}
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw ApiError
				.badRequest("The value " + ApiHandler.quote(text) + " is not an integer for " + collection + ".");
		}
	}

	/**
	 * A function as OpenWhisk writes it ({@code WhiskAction.serdes}), with or without its
	 * code ({@code WhiskActionMetaData}, {@code ?code=false}).
	 */
	ObjectNode action(StoredAction action, boolean withCode) {
		ObjectNode written = this.json.createObjectNode();
		written.put("namespace", action.path());
		written.put("name", action.name());
		ObjectNode exec = written.putObject("exec");
		exec.put("kind", action.kind());
		if (withCode) {
			exec.put("code", action.code());
		}
		exec.put("binary", action.binary());
		if (action.main() != null) {
			exec.put("main", action.main());
		}
		written.set("parameters", keyValues(action.parameters()));
		written.set("limits", limits(action.limits()));
		written.put("version", action.version());
		written.put("publish", action.publish());
		written.set("annotations", keyValues(action.annotations()));
		written.put("updated", action.updated().toEpochMilli());
		return written;
	}

	/**
	 * A function as listings give it: the {@code actions} view's value (namespace, name,
	 * version, publish, annotations, limits, {@code exec} with {@code binary} only,
	 * updated).
	 */
	private ObjectNode actionSummary(StoredAction action) {
		ObjectNode summary = entitySummary(action.path(), action.name(), action.version(), action.publish(),
				action.annotations(), action.updated());
		summary.set("limits", limits(action.limits()));
		summary.putObject("exec").put("binary", action.binary());
		return summary;
	}

	private ObjectNode entitySummary(String namespace, String name, String version, boolean publish,
			List<StoredAction.KeyValue> annotations, Instant updated) {
		ObjectNode summary = this.json.createObjectNode();
		summary.put("namespace", namespace);
		summary.put("name", name);
		summary.put("version", version);
		summary.put("publish", publish);
		summary.set("annotations", keyValues(annotations));
		summary.put("updated", updated.toEpochMilli());
		return summary;
	}

	/**
	 * A package as OpenWhisk writes it ({@code WhiskPackage.serdes}): {@code binding} an
	 * empty object, as it is for a package that is not a binding.
	 */
	private ObjectNode packageJson(StoredPackage found) {
		ObjectNode written = this.json.createObjectNode();
		written.put("namespace", found.namespaceId());
		written.put("name", found.name());
		written.putObject("binding");
		written.set("parameters", keyValues(found.parameters()));
		written.put("version", found.version());
		written.put("publish", found.publish());
		written.set("annotations", keyValues(found.annotations()));
		written.put("updated", found.updated().toEpochMilli());
		return written;
	}

	/**
	 * A package with its functions, as {@code GET} answers it
	 * ({@code WhiskPackageWithActions}): each {@code {name, version, annotations}}, those
	 * annotated {@code feed} under {@code feeds}.
	 */
	private ObjectNode packageWithActions(String namespaceId, StoredPackage found) {
		ObjectNode written = packageJson(found);
		ArrayNode actions = written.putArray("actions");
		ArrayNode feeds = written.putArray("feeds");
		for (StoredAction action : this.state.actions(namespaceId)) {
			if (found.name().equals(action.packageName())) {
				ObjectNode entry = (StoredAction.KeyValue.find(action.annotations(), "feed") != null)
						? feeds.addObject() : actions.addObject();
				entry.put("name", action.name());
				entry.put("version", action.version());
				entry.set("annotations", keyValues(action.annotations()));
			}
		}
		return written;
	}

	private ObjectNode limits(ActionLimits limits) {
		ObjectNode written = this.json.createObjectNode();
		written.put("timeout", limits.timeout());
		written.put("memory", limits.memory());
		written.put("logs", limits.logs());
		written.put("concurrency", limits.concurrency());
		return written;
	}

	/** {@code Parameters.toJsArray}: {@code init} only when true. */
	private ArrayNode keyValues(List<StoredAction.KeyValue> entries) {
		ArrayNode written = this.json.createArrayNode();
		for (StoredAction.KeyValue entry : entries) {
			ObjectNode item = written.addObject().put("key", entry.key());
			item.set("value", entry.value().deepCopy());
			if (entry.init()) {
				item.put("init", true);
			}
		}
		return written;
	}

	private ObjectNode object(byte[] body) {
		try {
			JsonNode node = (body.length > 0) ? this.json.readTree(body) : null;
			if (node == null || !node.isObject()) {
				throw malformed("the body must be a JSON object");
			}
			return (ObjectNode) node;
		}
		catch (JacksonException ex) {
			throw malformed(ex.getOriginalMessage());
		}
	}

	/**
	 * Read {@code exec} as OpenWhisk's {@code Exec.serdes} does for a code runtime: a
	 * known kind, code as a string, {@code main} a string if given, {@code binary}
	 * decided from the code, whatever the body says.
	 */
	private static Exec exec(JsonNode exec) {
		if (!exec.isObject()) {
			throw malformed("exec must be an object");
		}
		JsonNode kindNode = exec.get("kind");
		if (kindNode == null || !kindNode.isString()) {
			throw malformed("'kind' must be a string defined in 'exec'");
		}
		String kind = Runtimes.resolve(kindNode.stringValue());
		if (kind == null) {
			throw malformed(Runtimes.invalidKind(kindNode.stringValue()));
		}
		JsonNode main = exec.get("main");
		if (main != null && !main.isString()) {
			throw malformed("if defined, 'main' be a string in 'exec' for '" + kind + "' actions");
		}
		JsonNode code = exec.get("code");
		if (code == null || !code.isString()) {
			throw malformed("'code' must be a string defined in 'exec' for '" + kind + "' actions");
		}
		String text = code.stringValue();
		String trimmed = text.trim();
		boolean binary = !trimmed.isEmpty() && trimmed.length() % 4 == 0 && BASE64.matcher(trimmed).matches();
		return new Exec(kind, (main != null) ? main.stringValue() : null, binary, text);
	}

	/**
	 * Read parameters or annotations as {@code Parameters.serdes} does: an array of
	 * {@code {key, value}} with an optional boolean {@code init}; a later key replaces an
	 * earlier one.
	 * @return the entries, or {@code null} if the body has none
	 */
	private static @Nullable List<StoredAction.KeyValue> keyValues(ObjectNode content, String field,
			boolean initAllowed) {
		JsonNode array = content.get(field);
		if (array == null || array.isNull()) {
			return null;
		}
		if (!array.isArray()) {
			throw malformed(field + " malformed!");
		}
		Map<String, StoredAction.KeyValue> entries = new LinkedHashMap<>();
		for (JsonNode item : array) {
			JsonNode key = item.get("key");
			JsonNode init = item.get("init");
			if (!item.isObject() || key == null || !key.isString() || !item.has("value")
					|| (init != null && !init.isBoolean())) {
				throw malformed(field + " malformed!");
			}
			entries.put(key.stringValue(), new StoredAction.KeyValue(key.stringValue(), item.get("value").deepCopy(),
					initAllowed && init != null && init.booleanValue()));
		}
		return List.copyOf(entries.values());
	}

	private static Map<String, StoredAction.KeyValue> byKey(List<StoredAction.KeyValue> entries) {
		Map<String, StoredAction.KeyValue> byKey = new LinkedHashMap<>();
		entries.forEach((entry) -> byKey.put(entry.key(), entry));
		return byKey;
	}

	/**
	 * Read {@code limits} as {@code ActionLimitsOption}: each optional, whole numbers in
	 * range, with OpenWhisk's messages.
	 */
	private static LimitsPut limits(@Nullable JsonNode limits) {
		if (limits == null || limits.isNull()) {
			return new LimitsPut(null, null, null, null);
		}
		if (!limits.isObject()) {
			throw malformed("limits malformed");
		}
		Integer timeout = limit(limits, "timeout", "time limit", (value) -> ActionLimits.timeoutProblem(value));
		Integer memory = limit(limits, "memory", "memory limit",
				(value) -> ActionLimits.sizeProblem("memory", value, ActionLimits.MIN_MEMORY, ActionLimits.MAX_MEMORY));
		Integer logs = limit(limits, "logs", "log limit",
				(value) -> ActionLimits.sizeProblem("log", value, ActionLimits.MIN_LOGS, ActionLimits.MAX_LOGS));
		Integer concurrency = limit(limits, "concurrency", "concurrency limit", ActionLimits::concurrencyProblem);
		return new LimitsPut(timeout, memory, logs, concurrency);
	}

	private static @Nullable Integer limit(JsonNode limits, String field, String what,
			Function<Long, @Nullable String> problem) {
		JsonNode value = limits.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			throw malformed(what + " malformed");
		}
		if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
			throw malformed(what + " must be whole number");
		}
		String why = problem.apply(value.longValue());
		if (why != null) {
			throw malformed(why);
		}
		return value.intValue();
	}

	private static @Nullable Boolean bool(ObjectNode content, String field) {
		JsonNode value = content.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw malformed("Expected Boolean as JsBoolean, but got " + value);
		}
		return value.booleanValue();
	}

	private static @Nullable String version(ObjectNode content) {
		JsonNode value = content.get("version");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() || !SEMVER.matcher(value.stringValue()).matches()) {
			throw malformed("semantic version malformed");
		}
		return value.stringValue();
	}

	private static List<String> delAnnotations(ObjectNode content) {
		JsonNode value = content.get("delAnnotations");
		if (value == null || value.isNull()) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (JsonNode name : value) {
			if (!name.isString()) {
				throw malformed("delAnnotations must be an array of strings");
			}
			names.add(name.stringValue());
		}
		return names;
	}

	/** {@code SemVer.upPatch}. */
	private static String upPatch(String version) {
		int dot = version.lastIndexOf('.');
		return version.substring(0, dot + 1) + (Long.parseLong(version.substring(dot + 1)) + 1);
	}

	/** {@code Parameters.size}: the keys' and values' lengths. */
	private static long size(@Nullable List<StoredAction.KeyValue> entries) {
		if (entries == null) {
			return 0;
		}
		return entries.stream().mapToLong((entry) -> entry.key().length() + entry.value().toString().length()).sum();
	}

	private static void checkSize(String field, long size, long allowed) {
		if (size > allowed) {
			// Messages.entityTooBig, answered 413 by ValidateRequestSize.validateSize.
			throw new ApiError(413, "request_entity_too_large",
					field + " larger than allowed: " + size + " > " + allowed + " bytes.");
		}
	}

	/**
	 * Split and check a function's name, as OpenWhisk's routes do for each segment
	 * ({@code entityname}: {@code Messages.entityNameIllegal},
	 * {@code entityNameTooLong}).
	 */
	private static List<String> names(@Nullable String name) {
		List<String> names = List.of(((name != null) ? name : "").split("/", -1));
		names.forEach(EntityHandler::checkEntityName);
		return names;
	}

	private static String packageName(@Nullable String name) {
		String checked = (name != null) ? name : "";
		checkEntityName(checked);
		return checked;
	}

	static void checkEntityName(String segment) {
		if (segment.length() > 256) {
			throw ApiError.badRequest("Name segement longer than allowed: " + segment.length() + " > 256.");
		}
		// The client's rule is OpenWhisk's EntityName.REGEX.
		if (ClientRules.triggerName(segment) != null) {
			throw ApiError.badRequest("The name of the entity contains illegal characters.");
		}
	}

	private static boolean isTrue(Map<String, String> query, String name) {
		return "true".equals(query.get(name));
	}

	/**
	 * A body OpenWhisk cannot read: {@code 400} with the message of pekko-http's
	 * {@code MalformedRequestContentRejection}, as the emulator writes it elsewhere.
	 */
	private static ApiError malformed(String why) {
		return ApiError.badRequest("The request content was malformed: " + why);
	}

	private static ApiHandler.Answer ok(JsonNode body) {
		return new ApiHandler.Answer(200, body);
	}

	/**
	 * The {@code exec} of a {@code PUT}.
	 */
	private record Exec(String kind, @Nullable String main, boolean binary, String code) {

	}

	/**
	 * The {@code limits} of a {@code PUT}, each optional ({@code ActionLimitsOption}).
	 */
	private record LimitsPut(@Nullable Integer timeout, @Nullable Integer memory, @Nullable Integer logs,
			@Nullable Integer concurrency) {

		ActionLimits over(ActionLimits current) {
			return new ActionLimits((this.timeout != null) ? this.timeout : current.timeout(),
					(this.memory != null) ? this.memory : current.memory(),
					(this.logs != null) ? this.logs : current.logs(),
					(this.concurrency != null) ? this.concurrency : current.concurrency());
		}

	}

}
