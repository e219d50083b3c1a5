package io.github.dofunctions.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.jspecify.annotations.Nullable;

/**
 * The API descriptions the tests hold the client and the emulator to, as checkers of
 * requests and answers: each returns what breaks its contract.
 * <ul>
 * <li>{@link #DIGITALOCEAN}: DigitalOcean's OpenAPI description of the control plane
 * ({@code /v2/functions/...}).</li>
 * <li>{@link #OPENWHISK}: Apache OpenWhisk's Swagger 2.0 description of the API each
 * namespace's API host serves ({@code /api/v1/...}), with DigitalOcean's departures from
 * it, all here (see {@link #openWhisk()}).</li>
 * </ul>
 */
public final class OpenApiContract {

	static {
		// The validator parses with Jackson 2, whose defaults refuse numbers of over
		// 1,000
		// digits and JSON nested over 1,000 levels: values the platform passes on (a
		// Python function may return 10**1200), which the client reads.
		com.fasterxml.jackson.core.StreamReadConstraints
			.overrideDefaultStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
				.maxNumberLength(Integer.MAX_VALUE)
				.maxNestingDepth(10_000)
				.build());
	}

	/** DigitalOcean's OpenAPI description of the Functions control plane. */
	public static final OpenApiContract DIGITALOCEAN = new OpenApiContract(
			OpenApiInteractionValidator.createFor("openapi/digitalocean-functions-openapi.yaml")
				// The spec composes the created key with allOf; merged, it describes the
				// key as
				// DigitalOcean sends it, while every schema stays closed to unknown
				// fields.
				.withResolveCombinators(true)
				.build(),
			(message, status) -> true, UnaryOperator.identity());

	/** OpenWhisk's description of the API hosts, with DigitalOcean's departures. */
	public static final OpenApiContract OPENWHISK = openWhisk();

	/** The API host's description of itself, {@code GET /api/v1}. */
	private static final String API_HOST_ROOT = "/api/v1";

	/** Where a namespace's API host serves OpenWhisk's API. */
	private static final String API_HOST_PATHS = "/api/v1/";

	private final OpenApiInteractionValidator validator;

	private final BiPredicate<ValidationReport.Message, Integer> applies;

	private final UnaryOperator<HttpExchange> answerAs;

	/**
	 * @param applies whether a violation counts, given the status of the answer
	 * @param answerAs the request whose description an answer is checked against
	 */
	private OpenApiContract(OpenApiInteractionValidator validator,
			BiPredicate<ValidationReport.Message, Integer> applies, UnaryOperator<HttpExchange> answerAs) {
		this.validator = validator;
		this.applies = applies;
		this.answerAs = answerAs;
	}

	/**
	 * OpenWhisk's own description (apiv1swagger.json), and where DigitalOcean's API
	 * hosts, or OpenWhisk's code, answer otherwise:
	 * <ul>
	 * <li>An annotation's {@code value} and an activation's {@code result} are "any JSON
	 * value" in the description, which gives them no type; the Swagger 2.0 converter
	 * reads that as an object. They are put back to any value (results are arrays,
	 * strings or numbers too since apache/openwhisk#5290).</li>
	 * <li>An activation's {@code statusCode} may be 3, "whisk internal error":
	 * OpenWhisk's {@code ActivationResponse.WhiskError}, which the description's enum (0,
	 * 1, 2) leaves out. The descriptions's only enums in answers are those status
	 * codes.</li>
	 * <li>Any call may be answered {@code 429} (600 invocations a minute per namespace)
	 * or {@code 5xx} by DigitalOcean's front, whatever statuses and bodies the
	 * description lists for it.</li>
	 * <li>A parameter of an action or package may carry {@code init: true}: an
	 * environment variable, as doctl sends it and OpenWhisk keeps it
	 * ({@code Parameter.scala}, {@code ParameterValue.init}), which the description's
	 * {@code KeyValue} leaves out.</li>
	 * <li>A delete of an action or package answers the deleted entity, as OpenWhisk's
	 * {@code ApiUtils.deleteEntity} does ({@code complete(OK, entity)}); the
	 * description's {@code DeletedItem} has no body.</li>
	 * <li>{@code GET /api/v1} describes the API host with the runtimes it offers
	 * ({@code RestAPIs.scala}), and a web function is served without an extension too, as
	 * DigitalOcean gives its URL; the description has neither.</li>
	 * <li>A blocking invocation with {@code result=false} (all the client sends) answers
	 * {@code 200}, or {@code 502} when the function failed, or {@code 500} when the
	 * platform did ({@code whisk internal error}; OpenWhisk's {@code Actions.scala},
	 * {@code doInvoke}), with the activation record, which the description leaves without
	 * a schema: such answers are checked as the successful answer of {@code GET
	 * activations/{id}}, whose schema is that record. A {@code 5xx} without an activation
	 * is DigitalOcean's front.</li>
	 * </ul>
	 * The rest of DigitalOcean's differences change values, not shapes, so they are
	 * checked in the tests that need them: Basic authentication with access keys (the
	 * description's {@code basicAuth}) instead of the retired {@code uuid:key}; blocking
	 * calls answered {@code 202} after 30 seconds instead of OpenWhisk's 60;
	 * DigitalOcean's limits (1 MB parameters and result, 256 KB of logs).
	 */
	private static OpenApiContract openWhisk() {
		ParseOptions resolved = new ParseOptions();
		resolved.setResolve(true);
		OpenAPI description = new OpenAPIParser().readLocation("openapi/openwhisk-apiv1-swagger.json", null, resolved)
			.getOpenAPI();
		Map<String, Schema> schemas = description.getComponents().getSchemas();
		anyValue(schemas.get("KeyValue"), "value");
		anyValue(schemas.get("ActivationResult"), "result");
		schemas.get("KeyValue").addProperty("init", new Schema<>().type("boolean"));
		description.getPaths()
			.forEach((path, item) -> Optional.ofNullable(item.getDelete())
				.map((delete) -> delete.getResponses().get("200"))
				.ifPresent((deleted) -> deleted
					.content(new Content().addMediaType("application/json", new MediaType().schema(new Schema<>())))));
		PathItem web = description.getPaths().get("/web/{namespace}/{packageName}/{actionName}.{extension}");
		PathItem withoutExtension = new PathItem();
		web.readOperationsMap()
			.forEach((method, operation) -> withoutExtension.operation(method,
					new Operation().responses(operation.getResponses())
						.requestBody(operation.getRequestBody())
						.parameters(Optional.ofNullable(operation.getParameters())
							.orElse(List.of())
							.stream()
							.filter((parameter) -> !"extension".equals(parameter.getName()))
							.toList())));
		description.getPaths().addPathItem("/web/{namespace}/{packageName}/{actionName}", withoutExtension);
		OpenApiInteractionValidator validator = OpenApiInteractionValidator.createFor(description)
			.withLevelResolver(LevelResolver.create()
				.withLevel("validation.response.body.schema.enum", ValidationReport.Level.IGNORE)
				.build())
			.build();
		Set<String> fromTheFront = Set.of("validation.response.status.unknown", "validation.response.body.unexpected");
		return new OpenApiContract(validator,
				(message, status) -> !(fromTheFront.contains(message.getKey()) && (status == 429 || status >= 500)),
				(exchange) -> (exchange.method().equals("POST") && exchange.path().contains("/actions/")
						&& (exchange.status() == 200 || (exchange.status() >= 500 && exchange.hasActivation())))
								? exchange.as("GET", API_HOST_PATHS + "namespaces/_/activations/any", 200) : exchange);
	}

	private static void anyValue(Schema<?> schema, String property) {
		Schema<?> described = schema.getProperties().get(property);
		schema.getProperties().put(property, new Schema<>().description(described.getDescription()));
	}

	/**
	 * Return the contract of a path: OpenWhisk's for a namespace's API host,
	 * DigitalOcean's otherwise.
	 */
	public static OpenApiContract forPath(String path) {
		return path.startsWith(API_HOST_PATHS) ? OPENWHISK : DIGITALOCEAN;
	}

	/**
	 * Parse the descriptions now, not on the first check: parsing takes long enough to
	 * delay an answer past a short response timeout when a server checks it inline.
	 */
	public static void load() {
		// Calling any method of the class runs its static initialisation.
	}

	/**
	 * Check a request.
	 * @return the violations, empty if it keeps to the contract
	 */
	public List<String> checkRequest(HttpExchange exchange) {
		return messages(exchange, this.validator.validateRequest(request(exchange)));
	}

	/**
	 * Check an answer, whatever the request was.
	 * @return the violations, empty if the answer keeps to the contract
	 */
	public List<String> checkAnswer(HttpExchange exchange) {
		return messages(exchange, validateAnswer(exchange));
	}

	/**
	 * Check a request and the answer it got.
	 * @return the violations, empty if both keep to the contract
	 */
	public List<String> checkExchange(HttpExchange exchange) {
		return messages(exchange, this.validator.validateRequest(request(exchange)).merge(validateAnswer(exchange)));
	}

	private ValidationReport validateAnswer(HttpExchange exchange) {
		HttpExchange checked = this.answerAs.apply(exchange);
		Request request = request(checked);
		return this.validator.validateResponse(request.getPath(), request.getMethod(), response(checked));
	}

	private List<String> messages(HttpExchange exchange, ValidationReport report) {
		if (exchange.path().equals(API_HOST_ROOT)) {
			// Not described: the tests that read it check its answer themselves.
			return List.of();
		}
		boolean web = exchange.path().startsWith(API_HOST_PATHS + "web/");
		return report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.filter((message) -> !web || !isTheFunctionsOwn(message))
			.filter((message) -> this.applies.test(message, exchange.status()))
			.map((message) -> exchange.method() + " " + exchange.path() + ": " + message.getMessage() + " "
					+ message.getAdditionalInfo())
			.toList();
	}

	/**
	 * Whether a violation of a web function's exchange is of what the function decides:
	 * the query, body and answer are its own.
	 */
	private static boolean isTheFunctionsOwn(ValidationReport.Message message) {
		return message.getKey().startsWith("validation.request.body")
				|| message.getKey().startsWith("validation.request.parameter.query")
				|| message.getKey().startsWith("validation.response.body")
				|| message.getKey().startsWith("validation.response.contentType");
	}

	private static Request request(HttpExchange exchange) {
		SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), exchange.path());
		exchange.requestHeaders().forEach(builder::withHeader);
		if (exchange.query() != null) {
			for (String pair : exchange.query().split("&")) {
				int equals = pair.indexOf('=');
				builder.withQueryParam((equals >= 0) ? pair.substring(0, equals) : pair,
						(equals >= 0) ? pair.substring(equals + 1) : "");
			}
		}
		if (exchange.requestBody().length > 0) {
			builder.withBody(exchange.requestBody());
		}
		return builder.build();
	}

	private static SimpleResponse response(HttpExchange exchange) {
		SimpleResponse.Builder builder = SimpleResponse.Builder.status(exchange.status());
		exchange.responseHeaders().forEach((name, values) -> {
			if (!name.toLowerCase(Locale.ROOT).equals("content-length")) {
				builder.withHeader(name, values);
			}
		});
		if (exchange.responseBody().length > 0) {
			builder.withBody(exchange.responseBody());
		}
		return builder.build();
	}

	/**
	 * One request and its answer, as seen by the server.
	 *
	 * @param method HTTP method
	 * @param path path as sent
	 * @param query query string, or {@code null}
	 * @param requestHeaders request headers
	 * @param requestBody request body, empty if none
	 * @param status status of the answer
	 * @param responseHeaders headers of the answer
	 * @param responseBody body of the answer, empty if none
	 */
	public record HttpExchange(String method, String path, @Nullable String query,
			Map<String, List<String>> requestHeaders, byte[] requestBody, int status,
			Map<String, List<String>> responseHeaders, byte[] responseBody) {

		/**
		 * Return this exchange as if it had been the given request.
		 */
		HttpExchange as(String method, String path, int status) {
			return new HttpExchange(method, path, null, this.requestHeaders, new byte[0], status, this.responseHeaders,
					this.responseBody);
		}

		/**
		 * Whether the answer is an activation record, as far as its first field tells.
		 */
		boolean hasActivation() {
			return new String(this.responseBody, StandardCharsets.UTF_8).replaceAll("\\s", "")
				.startsWith("{\"activationId\"");
		}

		/**
		 * Create an exchange from text bodies.
		 */
		public static HttpExchange of(String method, String path, @Nullable String query,
				Map<String, List<String>> requestHeaders, String requestBody, int status,
				Map<String, List<String>> responseHeaders, String responseBody) {
			return new HttpExchange(method, path, query, requestHeaders, requestBody.getBytes(StandardCharsets.UTF_8),
					status, responseHeaders, responseBody.getBytes(StandardCharsets.UTF_8));
		}

	}

}
