package io.github.dofunctions.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.jspecify.annotations.Nullable;

/**
 * DigitalOcean's OpenAPI description of the Functions API, as a checker of requests and
 * answers: it returns what breaks the contract.
 */
public final class OpenApiContract {

	private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
		.createFor("openapi/digitalocean-functions-openapi.yaml")
		// The spec composes the created key with allOf; merged, it describes the key as
		// DigitalOcean sends it, while every schema stays closed to unknown fields.
		.withResolveCombinators(true)
		.build();

	private OpenApiContract() {
	}

	/**
	 * Parse the specification now, not on the first check: parsing takes long enough to
	 * delay an answer past a short response timeout when a server checks it inline.
	 */
	public static void load() {
		// Calling any method of the class runs its static initialisation.
	}

	/**
	 * Check a request.
	 * @return the violations, empty if it keeps to the contract
	 */
	public static List<String> checkRequest(HttpExchange exchange) {
		return messages(exchange, VALIDATOR.validateRequest(request(exchange)));
	}

	/**
	 * Check an answer, whatever the request was.
	 * @return the violations, empty if the answer keeps to the contract
	 */
	public static List<String> checkAnswer(HttpExchange exchange) {
		Request request = request(exchange);
		return messages(exchange, VALIDATOR.validateResponse(request.getPath(), request.getMethod(), response(exchange)));
	}

	/**
	 * Check a request and the answer it got.
	 * @return the violations, empty if both keep to the contract
	 */
	public static List<String> checkExchange(HttpExchange exchange) {
		Request request = request(exchange);
		ValidationReport report = VALIDATOR.validateRequest(request)
			.merge(VALIDATOR.validateResponse(request.getPath(), request.getMethod(), response(exchange)));
		return messages(exchange, report);
	}

	private static List<String> messages(HttpExchange exchange, ValidationReport report) {
		return report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.map((message) -> exchange.method() + " " + exchange.path() + ": " + message.getMessage() + " "
					+ message.getAdditionalInfo())
			.toList();
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
		 * Create an exchange from text bodies.
		 */
		public static HttpExchange of(String method, String path, @Nullable String query,
				Map<String, List<String>> requestHeaders, String requestBody, int status,
				Map<String, List<String>> responseHeaders, String responseBody) {
			return new HttpExchange(method, path, query, requestHeaders,
					requestBody.getBytes(StandardCharsets.UTF_8), status, responseHeaders,
					responseBody.getBytes(StandardCharsets.UTF_8));
		}

	}

}
