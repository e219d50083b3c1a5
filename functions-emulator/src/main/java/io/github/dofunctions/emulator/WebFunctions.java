package io.github.dofunctions.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves web functions, {@code /api/v1/web/{namespace_id}/{package or
 * default}/{function}} with an optional extension, any method, no credentials, as Apache
 * OpenWhisk's {@code WebActions.scala} does: only functions annotated
 * {@code web-export: true}; {@code require-whisk-auth} checked against the
 * {@code X-Require-Whisk-Auth} header; the request passed as parameters
 * ({@code __ow_method}, {@code __ow_headers}, {@code __ow_path}, and the query and JSON
 * body merged in, or {@code __ow_query} and {@code __ow_body} for a {@code raw-http}
 * function); the result answered by the extension's rules ({@code .http}, the default,
 * {@code .json}, {@code .text}, {@code .html}, {@code .svg}).
 */
final class WebFunctions {

	/** {@code WhiskWebActionsApi.mediaTranscoders}, {@code .http} the default. */
	private static final List<String> EXTENSIONS = List.of(".http", ".json", ".html", ".svg", ".text");

	/** {@code WebApiDirectives.reservedProperties}. */
	private static final Set<String> RESERVED = Set.of("__ow_method", "__ow_headers", "__ow_path", "__ow_user",
			"__ow_query", "__ow_body");

	/** {@code Exec.isBinaryCode}, which decides a JSON-family body to decode. */
	private static final Pattern BASE64 = Pattern
		.compile("^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$");

	private final EmulatorState state;

	private final FunctionRuntime runtime;

	private final JsonMapper json;

	WebFunctions(EmulatorState state, FunctionRuntime runtime, JsonMapper json) {
		this.state = state;
		this.runtime = runtime;
		this.json = json;
	}

	/**
	 * Serve a web call.
	 * @param path the path as sent, percent-encoded
	 * @return the answer; an error is an {@link ApiError}, to answer in the API host's
	 * shape
	 */
	Mono<Answer> serve(String method, String path, @Nullable String query, HttpHeaders headers, byte[] body) {
		List<String> segments = List.of(path.split("/", -1)).subList(4, path.split("/", -1).length);
		String namespaceId = decode(segments.get(0));
		String packageSegment = decode(segments.get(1));
		String nameWithExtension = decode(segments.get(2));
		String extension = EXTENSIONS.stream().filter(nameWithExtension::endsWith).findFirst().orElse(".http");
		String name = nameWithExtension.endsWith(extension)
				? nameWithExtension.substring(0, nameWithExtension.length() - extension.length()) : nameWithExtension;
		String owPath = (segments.size() > 3) ? "/" + String.join("/", segments.subList(3, segments.size())) : "";
		String function = packageSegment.equals("default") ? name : packageSegment + "/" + name;
		StoredAction action = exported(namespaceId, function);
		if (!authorized(action, headers)) {
			// terminate(Unauthorized): pekko-http's default message for 401.
			throw new ApiError(401, "unauthorized",
					"Authentication is possible but has failed or not yet been provided.");
		}
		boolean raw = action.isTrue("raw-http");
		Set<String> sent = new java.util.HashSet<>();
		Map<String, Object> arguments = arguments(method, headers, owPath, query, body, raw, sent);
		if (!raw) {
			// Context.overrides: what the caller sends in the query and body may not set
			// a reserved property, nor a final parameter of the function.
			Set<String> immutable = action.isTrue("final")
					? Set.copyOf(action.parameters().stream().map(StoredAction.KeyValue::key).toList()) : Set.of();
			if (sent.stream().anyMatch((key) -> RESERVED.contains(key) || immutable.contains(key))) {
				throw ApiError
					.badRequest("Request defines parameters that are not allowed (e.g., reserved properties).");
			}
		}
		return this.runtime.invokeWeb(namespaceId, function, arguments)
			.map((activation) -> answer(activation, extension))
			// Messages.responseNotReady: the call outlasted the wait for a blocking one.
			.switchIfEmpty(Mono.error(() -> new ApiError(202, "accepted", "Response not yet ready.")));
	}

	/**
	 * The function, if the namespace exists and has it with {@code web-export: true};
	 * {@code 404} otherwise, as {@code confirmExportedAction} answers.
	 */
	private StoredAction exported(String namespaceId, String function) {
		StoredAction action = this.state.action(namespaceId, function);
		if (action == null || !action.isTrue("web-export")) {
			throw ApiError.notFound(EmulatorState.RESOURCE_DOES_NOT_EXIST);
		}
		return action;
	}

	/**
	 * {@code confirmAuthenticated}: a string or number {@code require-whisk-auth} must be
	 * the {@code X-Require-Whisk-Auth} header; {@code true} asks for an authenticated
	 * OpenWhisk user, which a web call never is here; {@code false} or none lets anyone
	 * in.
	 */
	private static boolean authorized(StoredAction action, HttpHeaders headers) {
		JsonNode required = StoredAction.KeyValue.find(action.annotations(), "require-whisk-auth");
		if (required == null) {
			return true;
		}
		if (required.isString() || required.isNumber()) {
			String expected = required.isString() ? required.stringValue() : required.numberValue().toString();
			return expected.equals(headers.get("X-Require-Whisk-Auth"));
		}
		return required.isBoolean() && !required.booleanValue();
	}

	/**
	 * {@code Context.toActionArgument}: the request's method (lower case), headers (names
	 * in lower case) and remaining path; then the query parameters (strings) and the
	 * fields of a JSON object body, the body's last, or {@code __ow_query} (the query
	 * string) and {@code __ow_body} (the body as text, base64 for a binary or JSON one)
	 * for a raw function.
	 */
	private Map<String, Object> arguments(String method, HttpHeaders headers, String owPath, @Nullable String query,
			byte[] body, boolean raw, Set<String> sent) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("__ow_method", method.toLowerCase(Locale.ROOT));
		Map<String, String> lowerCased = new LinkedHashMap<>();
		headers.forEach((header) -> lowerCased.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
		arguments.put("__ow_headers", lowerCased);
		arguments.put("__ow_path", owPath);
		String contentType = headers.get("Content-Type");
		String mediaType = (contentType != null) ? contentType.split(";")[0].trim().toLowerCase(Locale.ROOT) : "";
		boolean jsonFamily = mediaType.equals("application/json") || mediaType.endsWith("+json");
		if (raw) {
			arguments.put("__ow_query", (query != null) ? query : "");
			arguments.put("__ow_body", (body.length == 0) ? "" : bodyAsText(mediaType, body));
			return arguments;
		}
		if (query != null) {
			new QueryStringDecoder(query, false).parameters().forEach((name, values) -> {
				sent.add(name);
				arguments.put(name, values.get(values.size() - 1));
			});
		}
		if (body.length == 0) {
			return arguments;
		}
		if (jsonFamily) {
			JsonNode parsed;
			try {
				parsed = this.json.readTree(body);
			}
			catch (JacksonException ex) {
				throw ApiError.badRequest("The request content was malformed: " + ex.getOriginalMessage());
			}
			if (parsed.isObject()) {
				parsed.properties().forEach((field) -> {
					sent.add(field.getKey());
					arguments.put(field.getKey(), this.json.convertValue(field.getValue(), Object.class));
				});
			}
			else {
				arguments.put("__ow_body", this.json.convertValue(parsed, Object.class));
			}
		}
		else if (mediaType.equals("application/x-www-form-urlencoded")) {
			new QueryStringDecoder(new String(body, StandardCharsets.UTF_8), false).parameters()
				.forEach((name, values) -> {
					sent.add(name);
					arguments.put(name, values.get(values.size() - 1));
				});
		}
		else {
			arguments.put("__ow_body", bodyAsText(mediaType, body));
		}
		return arguments;
	}

	/**
	 * A body passed as text: base64 for a binary media type, and for
	 * {@code application/json} "for legacy" as OpenWhisk does; UTF-8 text otherwise.
	 */
	private static String bodyAsText(String mediaType, byte[] body) {
		boolean text = mediaType.isEmpty() || mediaType.startsWith("text/") || mediaType.endsWith("+xml")
				|| mediaType.equals("application/xml") || mediaType.equals("application/x-www-form-urlencoded")
				|| mediaType.equals("application/javascript");
		return (text && !mediaType.equals("application/json")) ? new String(body, StandardCharsets.UTF_8)
				: Base64.getEncoder().encodeToString(body);
	}

	/**
	 * {@code completeRequest}: a successful result, or the {@code error} field of an
	 * application error, answered by the extension's rules; any other failure {@code 400}
	 * with {@code Messages.errorProcessingRequest}.
	 */
	private Answer answer(EmulatedActivation activation, String extension) {
		JsonNode result = this.json.valueToTree(activation.result());
		if (activation.status().equals(EmulatedActivation.APPLICATION_ERROR)) {
			result = (result != null && result.isObject()) ? result.get("error") : null;
			if (result == null) {
				throw ApiError.notFound("Response does not include requested property.");
			}
		}
		else if (!activation.success()) {
			throw ApiError.badRequest("There was an error processing your request.");
		}
		if (result == null) {
			result = this.json.nullNode();
		}
		return switch (extension) {
			case ".json" -> asJson(result);
			case ".text" -> asText(result);
			case ".html" -> asMarkup(result, "html", "text/html; charset=UTF-8");
			case ".svg" -> asMarkup(result, "svg", "image/svg+xml");
			default -> asHttp(result);
		};
	}

	/** {@code resultAsJson}: an object or an array, else {@code 400}. */
	private Answer asJson(JsonNode result) {
		if (!result.isContainer()) {
			throw ApiError.badRequest("Response is not valid 'application/json'.");
		}
		return new Answer(200, Map.of("content-type", "application/json"), this.json.writeValueAsBytes(result));
	}

	/** {@code resultAsText}: {@code body}, or {@code text}, or the result itself. */
	private Answer asText(JsonNode result) {
		JsonNode text = result.isObject() ? (result.has("body") ? result.get("body") : result.get("text")) : result;
		if (text == null) {
			throw ApiError.notFound("Response does not include requested property.");
		}
		String written = text.isString() ? text.stringValue()
				: text.isContainer() ? text.toPrettyString() : text.toString();
		return new Answer(200, Map.of("content-type", "text/plain; charset=UTF-8"),
				written.getBytes(StandardCharsets.UTF_8));
	}

	/** {@code resultAsHtml} and {@code resultAsSvg}: {@code body}, or the named field. */
	private Answer asMarkup(JsonNode result, String field, String contentType) {
		JsonNode markup = result.isObject() ? (result.has("body") ? result.get("body") : result.get(field)) : result;
		if (markup == null || !markup.isString()) {
			throw ApiError
				.badRequest("Response is not valid '" + (field.equals("html") ? "text/html" : "image/svg+xml") + "'.");
		}
		return new Answer(200, Map.of("content-type", contentType),
				markup.stringValue().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * {@code resultAsHttp}: {@code statusCode} (200 by default, 204 when there is no
	 * body), {@code headers}, and {@code body}: a string, sent as is ({@code text/html}
	 * unless a header says otherwise; base64-decoded for a binary type), or any other
	 * JSON value, written as JSON.
	 */
	private Answer asHttp(JsonNode result) {
		if (!(result instanceof ObjectNode response)) {
			throw invalidHttp();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		JsonNode headersNode = response.get("headers");
		if (headersNode != null) {
			if (!headersNode.isObject()) {
				throw invalidHttp();
			}
			headersNode.properties().forEach((header) -> headers.put(header.getKey(), headerValue(header.getValue())));
		}
		Integer status = status(response.get("statusCode"));
		JsonNode body = response.get("body");
		String contentTypeName = headers.keySet()
			.stream()
			.filter((name) -> name.equalsIgnoreCase("content-type"))
			.findFirst()
			.orElse(null);
		String contentType = (contentTypeName != null) ? headers.remove(contentTypeName) : null;
		if (body == null || body.isNull() || (body.isString() && body.stringValue().isEmpty())) {
			return new Answer((status != null) ? status : 204, headers, new byte[0]);
		}
		int code = (status != null) ? status : 200;
		if (body.isString()) {
			String type = (contentType != null) ? contentType : "text/html";
			String media = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
			boolean jsonFamily = media.equals("application/json") || media.endsWith("+json");
			boolean binary = !(media.startsWith("text/") || jsonFamily || media.endsWith("+xml")
					|| media.equals("application/xml") || media.equals("application/javascript")
					|| media.equals("application/x-www-form-urlencoded"));
			String text = body.stringValue();
			byte[] bytes;
			if (binary || (jsonFamily && BASE64.matcher(text).matches())) {
				try {
					bytes = Base64.getDecoder().decode(text);
				}
				catch (IllegalArgumentException ex) {
					throw ApiError.badRequest("Response type in header did not match generated content type.");
				}
			}
			else {
				bytes = text.getBytes(StandardCharsets.UTF_8);
			}
			headers.put("content-type", binary || type.contains("charset") ? type : type + "; charset=UTF-8");
			return new Answer(code, headers, bytes);
		}
		String type = (contentType != null) ? contentType : "application/json";
		String media = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
		if (!media.equals("application/json") && !media.endsWith("+json")) {
			throw ApiError.badRequest("Response type in header did not match generated content type.");
		}
		headers.put("content-type", type);
		return new Answer(code, headers, this.json.writeValueAsBytes(body));
	}

	private static @Nullable Integer status(@Nullable JsonNode statusCode) {
		if (statusCode == null) {
			return null;
		}
		try {
			int code = statusCode.isString() ? Integer.parseInt(statusCode.stringValue())
					: statusCode.canConvertToExactIntegral() ? statusCode.intValue() : -1;
			if (code < 100 || code > 599) {
				throw invalidHttp();
			}
			return code;
		}
		catch (NumberFormatException ex) {
			throw invalidHttp();
		}
	}

	private static String headerValue(JsonNode value) {
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isBoolean() || value.isNumber()) {
			return value.toString();
		}
		if (value.isArray()) {
			// A header of several values: each its own header in OpenWhisk; joined here.
			StringBuilder joined = new StringBuilder();
			value.forEach((item) -> joined.append((joined.length() > 0) ? ", " : "").append(headerValue(item)));
			return joined.toString();
		}
		throw invalidHttp();
	}

	private static ApiError invalidHttp() {
		return ApiError.badRequest("Response is not valid 'message/http'.");
	}

	private static String decode(String segment) {
		return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	/**
	 * What a web call answers.
	 *
	 * @param status its status
	 * @param headers its headers
	 * @param body its body
	 */
	record Answer(int status, Map<String, String> headers, byte[] body) {

	}

}
