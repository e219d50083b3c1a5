package io.github.dofunctions.client;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsBadRequestException;
import io.github.dofunctions.client.error.FunctionsConflictException;
import io.github.dofunctions.client.error.FunctionsForbiddenException;
import io.github.dofunctions.client.error.FunctionsLimitReachedException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsUnauthorizedException;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer becomes the exception of its status, carrying DigitalOcean's error
 * id, message and request id, whatever shape its body has.
 */
class ErrorMappingTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static Stream<Arguments> documentedErrors() {
		return Stream.of(
				Arguments.of(400, FunctionsBadRequestException.class, "bad_request",
						"validating create trigger: validation error: missing trigger name"),
				Arguments.of(401, FunctionsUnauthorizedException.class, "unauthorized", "Unable to authenticate you."),
				Arguments.of(403, FunctionsForbiddenException.class, "forbidden", "not allowed to get namespace"),
				Arguments.of(404, FunctionsNotFoundException.class, "not_found", "namespace not found"),
				Arguments.of(409, FunctionsConflictException.class, "conflict",
						"The request could not be completed due to a conflict."),
				Arguments.of(422, FunctionsLimitReachedException.class, "unprocessable_entity",
						"namespace limit reached"),
				Arguments.of(429, FunctionsRateLimitException.class, "too_many_requests", "API rate limit exceeded."),
				Arguments.of(500, FunctionsServerException.class, "server_error", "Unexpected server-side error"),
				Arguments.of(503, FunctionsServerException.class, "service_unavailable", "try again later"),
				Arguments.of(418, FunctionsApiException.class, "example_error", "some error message"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("documentedErrors")
	void errorStatusMapsToItsTypeWithIdMessageAndRequestId(int status, Class<? extends FunctionsApiException> type,
			String id, String message) {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(status, """
				{"id": "%s", "message": "%s", "request_id": "4d9d8375-3c56-4925-a3e7-eb137fed17e9"}
				""".formatted(id, message))));

		StepVerifier.create(api.template().listNamespaces()).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(type);
			FunctionsApiException error = (FunctionsApiException) ex;
			assertThat(error.status()).isEqualTo(status);
			assertThat(error.errorId()).isEqualTo(id);
			assertThat(error.errorMessage()).isEqualTo(message);
			assertThat(error.requestId()).isEqualTo("4d9d8375-3c56-4925-a3e7-eb137fed17e9");
			assertThat(error.operation()).isEqualTo("listNamespaces");
			assertThat(error.getMessage()).isEqualTo("listNamespaces failed: " + status + " " + id + ": " + message
					+ " (request_id 4d9d8375-3c56-4925-a3e7-eb137fed17e9)");
		});
	}

	@Test
	void statusDecidesTheTypeEvenWhenTheBodySaysOtherwise() {
		api.server().stubFor(post("/v2/functions/namespaces").willReturn(json(404, """
				{"id": "bad_request", "message": "Invalid request payload: missing label field",
				 "request_id": "4851a473-1621-42ea-b2f9-5071c0ea8414"}
				""")));

		StepVerifier.create(api.template().createNamespace(new CreateNamespaceRequest("nyc1", "jobs")))
			.verifyErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(FunctionsNotFoundException.class);
				assertThat(((FunctionsApiException) ex).errorId()).isEqualTo("bad_request");
				assertThat(((FunctionsApiException) ex).errorMessage())
					.isEqualTo("Invalid request payload: missing label field");
			});
	}

	@Test
	void requestIdComesFromTheHeaderWhenTheBodyHasNone() {
		api.server()
			.stubFor(get("/v2/functions/namespaces")
				.willReturn(json(401, "{\"id\": \"unauthorized\", \"message\": \"Unable to authenticate you.\"}")
					.withHeader("x-request-id", "b11e45a4-892c-48c9-9001-b6cffe9fe795")));

		StepVerifier.create(api.template().listNamespaces())
			.verifyErrorSatisfies((ex) -> assertThat(((FunctionsApiException) ex).requestId())
				.isEqualTo("b11e45a4-892c-48c9-9001-b6cffe9fe795"));
	}

	@Test
	void rateLimitErrorCarriesRetryAfterAndReset() {
		api.server()
			.stubFor(get("/v2/functions/namespaces")
				.willReturn(json(429, "{\"id\": \"too_many_requests\", \"message\": \"API rate limit exceeded.\"}", 0)
					.withHeader("retry-after", "17")));

		StepVerifier.create(api.template().listNamespaces()).verifyErrorSatisfies((ex) -> {
			FunctionsRateLimitException error = (FunctionsRateLimitException) ex;
			assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(17));
			assertThat(error.resetAt()).isEqualTo(Instant.ofEpochSecond(1444931833));
		});
	}

	@Test
	void hourlyRateLimitErrorHasNoRetryAfter() {
		api.server()
			.stubFor(get("/v2/functions/namespaces")
				.willReturn(json(429, "{\"id\": \"too_many_requests\", \"message\": \"API rate limit exceeded.\"}")));

		StepVerifier.create(api.template().listNamespaces()).verifyErrorSatisfies((ex) -> {
			FunctionsRateLimitException error = (FunctionsRateLimitException) ex;
			assertThat(error.retryAfter()).isNull();
			assertThat(error.resetAt()).isEqualTo(Instant.ofEpochSecond(1444931833));
		});
	}

	@Test
	void nonJsonErrorBodyStillGivesTheTypeAndAUsefulMessage() {
		api.allowOffContractAnswers();
		api.server()
			.stubFor(get("/v2/functions/namespaces").willReturn(aResponse().withStatus(502)
				.withHeader("Content-Type", "text/html")
				.withHeader("x-request-id", "edge-7f3a")
				.withBody("<html>\n<body><h1>502 Bad Gateway</h1></body>\n</html>")));

		StepVerifier.create(api.template().listNamespaces()).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(FunctionsServerException.class);
			FunctionsApiException error = (FunctionsApiException) ex;
			assertThat(error.status()).isEqualTo(502);
			assertThat(error.errorId()).isNull();
			assertThat(error.errorMessage())
				.isEqualTo("Bad Gateway (body is not JSON: <html> <body><h1>502 Bad Gateway</h1></body> </html>)");
			assertThat(error.requestId()).isEqualTo("edge-7f3a");
		});
	}

	@Test
	void emptyErrorBodyStillGivesTheTypeAndAUsefulMessage() {
		api.allowOffContractAnswers();
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(aResponse().withStatus(403)));

		StepVerifier.create(api.template().listNamespaces()).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(FunctionsForbiddenException.class);
			FunctionsApiException error = (FunctionsApiException) ex;
			assertThat(error.errorId()).isNull();
			assertThat(error.errorMessage()).isEqualTo("Forbidden (empty body)");
			assertThat(error.requestId()).isNull();
			assertThat(error.getMessage()).isEqualTo("listNamespaces failed: 403: Forbidden (empty body)");
		});
	}

	@Test
	void longNonJsonErrorBodyIsQuotedInPart() {
		api.allowOffContractAnswers();
		api.server()
			.stubFor(get("/v2/functions/namespaces")
				.willReturn(aResponse().withStatus(500).withBody("x".repeat(10_000))));

		StepVerifier.create(api.template().listNamespaces())
			.verifyErrorSatisfies((ex) -> assertThat(((FunctionsApiException) ex).errorMessage())
				.isEqualTo("Internal Server Error (body is not JSON: " + "x".repeat(200) + "...)"));
	}

}
