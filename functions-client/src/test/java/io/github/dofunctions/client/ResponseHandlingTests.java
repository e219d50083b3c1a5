package io.github.dofunctions.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers the client cannot use, answers that never come, and the rate-limit headers of
 * every answer.
 */
class ResponseHandlingTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NAMESPACE = "/v2/functions/namespaces/fn-1";

	@Test
	void malformedJsonIsAnInvalidResponse() {
		api.allowOffContractAnswers();
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, "{\"namespace\": {\"namespace\": \"fn-1\",")));

		StepVerifier.create(api.template().getNamespace("fn-1")).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(FunctionsInvalidResponseException.class);
			FunctionsInvalidResponseException error = (FunctionsInvalidResponseException) ex;
			assertThat(error.status()).isEqualTo(200);
			assertThat(error.errorMessage()).startsWith("body is not the documented JSON: ");
			assertThat(error.getMessage()).startsWith("getNamespace failed: 200: body is not the documented JSON");
		});
	}

	@Test
	void htmlInsteadOfJsonIsAnInvalidResponse() {
		api.allowOffContractAnswers();
		api.server()
			.stubFor(get(NAMESPACE).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/html")
				.withBody("<html><body>Maintenance</body></html>")));

		StepVerifier.create(api.template().getNamespace("fn-1"))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(FunctionsInvalidResponseException.class)
				.hasMessageStartingWith("getNamespace failed: 200: body is not the documented JSON"));
	}

	@Test
	void wrongFieldTypeIsAnInvalidResponse() {
		api.allowOffContractAnswers();
		api.server()
			.stubFor(get(NAMESPACE)
				.willReturn(json(200, "{\"namespace\": {\"namespace\": \"fn-1\", \"label\": {\"text\": \"x\"}}}")));

		StepVerifier.create(api.template().getNamespace("fn-1"))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(FunctionsInvalidResponseException.class)
				.hasMessageContaining("body is not the documented JSON"));
	}

	@Test
	void answerWithoutTheResourceIsAnInvalidResponse() {
		api.allowOffContractAnswers();
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, "{}")));

		StepVerifier.create(api.template().getNamespace("fn-1"))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(FunctionsInvalidResponseException.class)
				.hasMessage("getNamespace failed: 200: body has no 'namespace' object"));
	}

	@Test
	void emptySuccessBodyIsAnInvalidResponse() {
		api.allowOffContractAnswers();
		api.server().stubFor(get(NAMESPACE).willReturn(aResponse().withStatus(200)));

		StepVerifier.create(api.template().getNamespace("fn-1"))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(FunctionsInvalidResponseException.class)
				.hasMessage("getNamespace failed: 200: body is empty"));
	}

	@Test
	void bodyOverTheConfiguredLimitIsRefused() {
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json"))));
		FunctionsTemplate template = api.templateBuilder().maxResponseSize(DataSize.ofBytes(100)).build();

		StepVerifier.create(template.getNamespace("fn-1"))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(FunctionsInvalidResponseException.class)
				.hasMessage("getNamespace failed: 200: body is larger than the 100-byte limit (max-response-size)"));
	}

	@Test
	void bodyOverTheDefaultLimitOfOneMebibyteIsRefused() {
		api.allowOffContractAnswers();
		String entry = "{\"namespace\": \"fn-1\", \"label\": \"" + "x".repeat(1000) + "\"},";
		String huge = "{\"namespaces\": [" + entry.repeat(1100) + "{\"namespace\": \"fn-2\"}]}";
		assertThat(huge.length()).isGreaterThan(1024 * 1024);
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, huge)));

		StepVerifier.create(api.template().listNamespaces())
			.verifyErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(FunctionsInvalidResponseException.class)
				.hasMessageContaining("larger than the 1048576-byte limit"));
	}

	@Test
	void connectionResetAfterTheRequestIsAConnectionErrorThatMayHaveReachedTheServer() {
		api.server()
			.stubFor(
					post("/v2/functions/namespaces").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		StepVerifier.create(api.template().createNamespace(new CreateNamespaceRequest("nyc1", "jobs")))
			.verifyErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(FunctionsConnectionException.class);
				FunctionsConnectionException error = (FunctionsConnectionException) ex;
				assertThat(error.requestSent()).isTrue();
				assertThat(error.operation()).isEqualTo("createNamespace");
				assertThat(error)
					.hasMessageStartingWith("createNamespace failed: the connection broke after the request was sent");
			});
		assertThat(api.requests()).hasSize(1);
	}

	@Test
	void connectionClosedWithoutAnAnswerIsAConnectionError() {
		api.server().stubFor(get(NAMESPACE).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

		StepVerifier.create(api.template().getNamespace("fn-1"))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(FunctionsConnectionException.class)
				.extracting("requestSent")
				.isEqualTo(true));
	}

	@Test
	void refusedConnectionIsAConnectionErrorThatNeverReachedTheServer() throws IOException {
		int closedPort = StubbedFunctionsApi.unusedPort();
		FunctionsTemplate template = FunctionsTemplate.builder()
			.baseUrl("http://127.0.0.1:" + closedPort)
			.token(StubbedFunctionsApi.TOKEN)
			.resilience(FunctionsResilience.none())
			.build();

		StepVerifier.create(template.listNamespaces()).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(FunctionsConnectionException.class);
			assertThat(((FunctionsConnectionException) ex).requestSent()).isFalse();
			assertThat(ex).hasMessageStartingWith("listNamespaces failed: could not connect, the request was not sent");
		});
	}

	@Test
	void aRequestTheConnectorCannotBuildWasNotSent() {
		// A rotated token read from a file with its line break: no header can carry it.
		FunctionsTemplate template = api.templateBuilder().tokenSupplier(() -> "dop_v1_rotated\n").build();

		StepVerifier.create(template.listNamespaces()).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(FunctionsConnectionException.class)
				.hasMessageStartingWith("listNamespaces failed: the request could not be built, it was not sent")
				.hasMessageNotContaining("dop_v1_rotated");
			assertThat(((FunctionsConnectionException) ex).requestSent()).isFalse();
		});
		assertThat(api.requests()).isEmpty();
	}

	@Test
	void answerSlowerThanTheResponseTimeoutIsATimeout() {
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json")).withFixedDelay(5_000)));
		WebClient.Builder impatient = WebClient.builder()
			.clientConnector(
					new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofMillis(200))));

		StepVerifier.create(api.templateBuilder().webClientBuilder(impatient).build().getNamespace("fn-1"))
			.verifyErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(FunctionsTimeoutException.class);
				assertThat(((FunctionsTimeoutException) ex).requestSent()).isTrue();
				assertThat(ex).hasMessage("getNamespace failed: no complete answer within the response timeout, "
						+ "the server may have acted on it (io.netty.handler.timeout.ReadTimeoutException)");
			});
	}

	@Test
	void bodyThatStallsAfterTheHeadersIsCutByTheClientsResponseTimeout() {
		api.server()
			.stubFor(
					get(NAMESPACE).willReturn(json(200, payload("namespace.json")).withChunkedDribbleDelay(10, 5_000)));

		StepVerifier.create(api.templateBuilder().responseTimeout(Duration.ofMillis(300)).build().getNamespace("fn-1"))
			.verifyErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(FunctionsTimeoutException.class);
				assertThat(((FunctionsTimeoutException) ex).requestSent()).isTrue();
				assertThat(ex).hasMessageContaining("no complete answer within the response timeout")
					.hasMessageContaining("not complete after 300 ms");
			});
	}

	@Test
	void redirectNamesOnlyTheHostItPointedTo() {
		api.allowOffContractAnswers();
		api.server()
			.stubFor(get(NAMESPACE).willReturn(aResponse().withStatus(301)
				.withHeader("Location", "https://user:secret@evil.example/v2/functions/namespaces/fn-1?key=k")));

		StepVerifier.create(api.template().getNamespace("fn-1")).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(FunctionsApiException.class);
			assertThat(((FunctionsApiException) ex).status()).isEqualTo(301);
			assertThat(ex.getMessage()).contains("redirect to evil.example, not followed")
				.doesNotContain("secret", "user", "key=k", "/v2/");
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "https://user:s3cret@evil.example:8443/x?key=s3cret | evil.example:8443",
					"/v2/functions/other?key=s3cret | a relative location",
					"https://user:s3cret@bad_host/x?key=s3cret | a location whose host cannot be read",
					"https://evil example/?key=s3cret | a location that is not a valid URI",
					"http://user:s3cret#@evil.example/x | evil.example",
					"http://user:s3cret?x@evil.example:8443 | evil.example:8443",
					"http://user:s3cret@evil_example/x | a location whose host cannot be read",
					"http://[::1/s3cret | a location that is not a valid URI" })
	void redirectWithAnyLocationIsAnApiErrorThatRepeatsNoneOfIt(String location, String shown) {
		api.allowOffContractAnswers();
		api.server().stubFor(get(NAMESPACE).willReturn(aResponse().withStatus(302).withHeader("Location", location)));

		StepVerifier.create(api.template().getNamespace("fn-1")).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(FunctionsApiException.class);
			assertThat(((FunctionsApiException) ex).status()).isEqualTo(302);
			assertThat(ex.getMessage()).contains("redirect to " + shown + ", not followed")
				.doesNotContain("s3cret", "user");
		});
		api.server().verify(1, getRequestedFor(urlPathEqualTo(NAMESPACE)));
	}

	@Test
	void notModifiedIsNoRedirect() {
		api.allowOffContractAnswers();
		api.server().stubFor(get(NAMESPACE).willReturn(aResponse().withStatus(304)));

		StepVerifier.create(api.template().getNamespace("fn-1")).verifyErrorSatisfies((ex) -> {
			assertThat(((FunctionsApiException) ex).status()).isEqualTo(304);
			assertThat(ex.getMessage()).doesNotContain("redirect");
		});
	}

	@Test
	void rateLimitReportsTheLatestHeaders() {
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json"))));
		FunctionsTemplate template = api.template();
		assertThat(template.rateLimit()).isEqualTo(RateLimit.unknown());
		assertThat(template.rateLimit().isKnown()).isFalse();

		StepVerifier.create(template.getNamespace("fn-1")).expectNextCount(1).verifyComplete();

		assertThat(template.rateLimit()).isEqualTo(new RateLimit(5000, 4816, Instant.ofEpochSecond(1444931833)));
		assertThat(template.rateLimit().isKnown()).isTrue();
	}

	@Test
	void rateLimitIsKeptWhenAnAnswerHasNoHeaders() {
		api.allowOffContractAnswers();
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json"))));
		api.server().stubFor(get("/v2/functions/namespaces/fn-2").willReturn(aResponse().withStatus(502)));
		FunctionsTemplate template = api.template();

		StepVerifier.create(template.getNamespace("fn-1")).expectNextCount(1).verifyComplete();
		StepVerifier.create(template.getNamespace("fn-2")).expectError().verify();

		assertThat(template.rateLimit()).isEqualTo(new RateLimit(5000, 4816, Instant.ofEpochSecond(1444931833)));
	}

	@Test
	void unreadableRateLimitHeadersAreIgnored() {
		api.allowOffContractAnswers();
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json"))));
		api.server()
			.stubFor(get("/v2/functions/namespaces/fn-2").willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("ratelimit-limit", "99999999999")
				.withHeader("ratelimit-remaining", "-3")
				.withHeader("ratelimit-reset", "99999999999999999999")
				.withBody(payload("namespace.json"))));
		api.server()
			.stubFor(get("/v2/functions/namespaces/fn-3")
				.willReturn(json(429, "{\"id\": \"too_many_requests\"}").withHeader("retry-after", "soon")));
		FunctionsTemplate template = api.template();

		StepVerifier.create(template.getNamespace("fn-1")).expectNextCount(1).verifyComplete();
		StepVerifier.create(template.getNamespace("fn-2")).expectNextCount(1).verifyComplete();
		StepVerifier.create(template.getNamespace("fn-3"))
			.verifyErrorSatisfies((ex) -> assertThat(((FunctionsRateLimitException) ex).retryAfter()).isNull());

		assertThat(template.rateLimit()).isEqualTo(new RateLimit(5000, 4816, Instant.ofEpochSecond(1444931833)));
	}

	@Test
	void rateLimitIsReadFromErrorAnswersToo() {
		api.server()
			.stubFor(get(NAMESPACE)
				.willReturn(json(404, "{\"id\": \"not_found\", \"message\": \"namespace not found\"}", 12)));

		FunctionsTemplate template = api.template();
		StepVerifier.create(template.getNamespace("fn-1")).expectError().verify();

		assertThat(template.rateLimit().remaining()).isEqualTo(12);
	}

}
