package io.github.dofunctions.client.resilience;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.error.FunctionsBadRequestException;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsOrphanedAccessKeyException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry table against a real HTTP server: how many requests DigitalOcean receives,
 * and when, for each kind of failure; and creates that are never made twice.
 */
class RetryOverHttpTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NAMESPACE = "/v2/functions/namespaces/fn-1";

	static final String TRIGGERS = NAMESPACE + "/triggers";

	static final String TOO_MANY = "{\"id\": \"too_many_requests\", \"message\": \"API rate limit exceeded.\"}";

	static final String UNAVAILABLE = "{\"id\": \"server_error\", \"message\": \"Unexpected server-side error\"}";

	/**
	 * Response timeout of the tests that need one; their stubs answer well after it.
	 */
	static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

	static final int LATE = 4_000;

	private FunctionsResilience.Builder fast() {
		return FunctionsResilience.builder()
			.retry(new RetrySettings(3, Duration.ofMillis(1), 2, Duration.ofMillis(5)))
			.noPacing()
			.noCircuitBreaker()
			.maxRateLimitWait(Duration.ofSeconds(2));
	}

	private FunctionsTemplate template(FunctionsResilience resilience) {
		return api.templateBuilder().resilience(resilience).build();
	}

	private FunctionsTemplate template() {
		return template(fast().build());
	}

	private FunctionsTemplate impatientTemplate() {
		WebClient.Builder impatient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(RESPONSE_TIMEOUT)));
		return api.templateBuilder().webClientBuilder(impatient).resilience(fast().build()).build();
	}

	private static long millisBetween(LoggedRequest first, LoggedRequest second) {
		return second.getLoggedDate().getTime() - first.getLoggedDate().getTime();
	}

	@Test
	void rateLimitedGetWaitsRetryAfterThenSucceeds() {
		api.stubSequence(() -> get(NAMESPACE), json(429, TOO_MANY, 4000).withHeader("retry-after", "1"),
				json(200, payload("namespace.json")));

		StepVerifier.create(template().getNamespace("fn-1")).expectNextCount(1).verifyComplete();

		List<LoggedRequest> requests = api.requests();
		assertThat(requests).hasSize(2);
		assertThat(millisBetween(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(1000);
	}

	@Test
	void rateLimitedPostWithoutRetryAfterWaitsUntilTheResetThenSucceeds() {
		Instant reset = Instant.ofEpochSecond(1_900_000_000L);
		Clock halfASecondBeforeReset = Clock.fixed(reset.minusMillis(500), ZoneOffset.UTC);
		api.stubSequence(() -> post(TRIGGERS), json(429, TOO_MANY, 0, reset.getEpochSecond()),
				json(200, payload("trigger.json")));
		FunctionsTemplate template = template(fast().clock(halfASecondBeforeReset).build());

		StepVerifier
			.create(template.createTrigger("fn-1", CreateTriggerRequest.scheduled("my trigger", "hello", "* * * * *")))
			.expectNextCount(1)
			.verifyComplete();

		List<LoggedRequest> requests = api.requests();
		assertThat(requests).extracting((request) -> request.getMethod().getName()).containsExactly("POST", "POST");
		assertThat(millisBetween(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(500);
	}

	@Test
	void rateLimitWaitOverTheCapFailsAtOnce() {
		api.server().stubFor(get(NAMESPACE).willReturn(json(429, TOO_MANY, 0).withHeader("retry-after", "120")));

		StepVerifier.create(template().getNamespace("fn-1"))
			.verifyErrorSatisfies((ex) -> assertThat(((FunctionsRateLimitException) ex).retryAfter())
				.isEqualTo(Duration.ofSeconds(120)));
		assertThat(api.requests()).hasSize(1);
	}

	@Test
	void serverErrorOnGetPutAndDeleteIsRetried() {
		api.stubSequence(() -> get(NAMESPACE), json(503, UNAVAILABLE), json(200, payload("namespace.json")));
		api.stubSequence(() -> put(TRIGGERS + "/t"), json(500, UNAVAILABLE), json(200, payload("trigger.json")));
		api.stubSequence(() -> delete(TRIGGERS + "/t"), json(502, UNAVAILABLE), aResponse().withStatus(204));
		FunctionsTemplate template = template();

		StepVerifier.create(template.getNamespace("fn-1")).expectNextCount(1).verifyComplete();
		StepVerifier.create(template.updateTrigger("fn-1", "t", UpdateTriggerRequest.enabled(false)))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(template.deleteTrigger("fn-1", "t")).verifyComplete();

		assertThat(api.requests()).extracting((request) -> request.getMethod().getName())
			.containsExactly("GET", "GET", "PUT", "PUT", "DELETE", "DELETE");
	}

	@Test
	void timeoutAndResetConnectionOnGetAreRetried() {
		api.allowOffContractAnswers();
		api.stubSequence(() -> get(NAMESPACE), json(200, payload("namespace.json")).withFixedDelay(LATE),
				json(200, payload("namespace.json")));
		api.stubSequence(() -> get(TRIGGERS), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				json(200, payload("triggers.json")));
		FunctionsTemplate template = impatientTemplate();

		StepVerifier.create(template.getNamespace("fn-1")).expectNextCount(1).verifyComplete();
		StepVerifier.create(template.listTriggers("fn-1")).expectNextCount(2).verifyComplete();

		assertThat(api.requests()).extracting(LoggedRequest::getUrl)
			.containsExactly(NAMESPACE, NAMESPACE, TRIGGERS, TRIGGERS);
	}

	@Test
	void refusedPostIsRetriedSinceNothingWasSent() throws IOException {
		int closedPort = StubbedFunctionsApi.unusedPort();
		AtomicInteger attempts = new AtomicInteger();
		WebClient.Builder counting = WebClient.builder().filter((request, next) -> {
			attempts.incrementAndGet();
			return next.exchange(request);
		});
		FunctionsTemplate template = FunctionsTemplate.builder()
			.baseUrl("http://127.0.0.1:" + closedPort)
			.token("t")
			.webClientBuilder(counting)
			.resilience(fast().build())
			.build();

		StepVerifier.create(template.createNamespace(new CreateNamespaceRequest("nyc1", "jobs")))
			.verifyErrorSatisfies((ex) -> assertThat(((FunctionsConnectionException) ex).requestSent()).isFalse());
		assertThat(attempts).as("max-attempts in all, without lookups").hasValue(3);
	}

	@Test
	void otherClientErrorIsNeverRetried() {
		api.server()
			.stubFor(post(TRIGGERS).willReturn(
					json(400, "{\"id\": \"bad_request\", \"message\": \"validating create trigger: invalid cron\"}")));

		StepVerifier.create(template().createTrigger("fn-1", CreateTriggerRequest.scheduled("t", "f", "* * * * *")))
			.expectError(FunctionsBadRequestException.class)
			.verify();
		assertThat(api.requests()).hasSize(1);
	}

	@Test
	void createThatTimedOutAfterTheServerCreatedItIsFoundNotRepeated() {
		api.allowOffContractAnswers();
		String created = namespaceJson("fn-new", "jobs", Instant.now());
		api.server()
			.stubFor(post("/v2/functions/namespaces")
				.willReturn(json(200, "{\"namespace\": " + created + "}").withFixedDelay(LATE)));
		api.server()
			.stubFor(get("/v2/functions/namespaces").willReturn(json(200,
					"{\"namespaces\": [" + namespaceJson("fn-old", "other", Instant.now()) + ", " + created + "]}")));

		StepVerifier.create(impatientTemplate().createNamespace(new CreateNamespaceRequest("nyc1", "jobs")))
			.assertNext((namespace) -> assertThat(namespace.id()).isEqualTo("fn-new"))
			.verifyComplete();

		assertThat(api.requests()).extracting((request) -> request.getMethod().getName())
			.as("exactly one create, then the lookup")
			.containsExactly("POST", "GET");
	}

	@Test
	void createThatFailedBeforeCreatingIsRetriedOnce() {
		api.stubSequence(() -> post("/v2/functions/namespaces"), json(503, UNAVAILABLE),
				json(200, payload("namespace.json")));
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, "{\"namespaces\": []}")));

		StepVerifier.create(template().createNamespace(new CreateNamespaceRequest("nyc1", "my namespace")))
			.assertNext((namespace) -> assertThat(namespace.label()).isEqualTo("my namespace"))
			.verifyComplete();

		assertThat(api.requests()).extracting((request) -> request.getMethod().getName())
			.containsExactly("POST", "GET", "POST");
	}

	@Test
	void namespaceWithTheLabelThatExistedBeforeTheCallIsNotMistakenForItsWork() {
		api.allowOffContractAnswers();
		api.stubSequence(() -> post("/v2/functions/namespaces"), json(503, UNAVAILABLE),
				json(400, "{\"id\": \"bad_request\", \"message\": \"namespace with label jobs already exists\"}"));
		api.server()
			.stubFor(get("/v2/functions/namespaces").willReturn(json(200, "{\"namespaces\": ["
					+ namespaceJson("fn-old", "jobs", Instant.now().minus(Duration.ofDays(3))) + "]}")));

		StepVerifier.create(template().createNamespace(new CreateNamespaceRequest("nyc1", "jobs")))
			.expectError(FunctionsBadRequestException.class)
			.verify();
		assertThat(api.requests()).extracting((request) -> request.getMethod().getName())
			.containsExactly("POST", "GET", "POST");
	}

	@Test
	void triggerCreateThatGotAServerErrorAfterCreatingIsFound() {
		api.allowOffContractAnswers();
		api.server().stubFor(post(TRIGGERS).willReturn(json(502, UNAVAILABLE)));
		api.server().stubFor(get(TRIGGERS + "/nightly").willReturn(json(200, """
				{"trigger": {"namespace": "fn-1", "name": "nightly", "function": "report", "type": "SCHEDULED",
				 "is_enabled": true, "created_at": "%s", "scheduled_details": {"cron": "0 2 * * *"}}}
				""".formatted(Instant.now()))));

		StepVerifier
			.create(template().createTrigger("fn-1", CreateTriggerRequest.scheduled("nightly", "report", "0 2 * * *")))
			.assertNext((trigger) -> assertThat(trigger.name()).isEqualTo("nightly"))
			.verifyComplete();
		assertThat(api.requests()).extracting(LoggedRequest::getUrl).containsExactly(TRIGGERS, TRIGGERS + "/nightly");
	}

	@Test
	void accessKeyCreatedWithoutItsAnswerIsReportedAsOrphanedNotDuplicated() {
		api.allowOffContractAnswers();
		api.server()
			.stubFor(post(NAMESPACE + "/keys").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		api.server().stubFor(get(NAMESPACE + "/keys").willReturn(json(200, """
				{"access_keys": [{"id": "dof_v1_lost", "name": "ci", "expires_at": null,
				  "created_at": "%s", "updated_at": "%s"}], "count": 1}
				""".formatted(Instant.now(), Instant.now()))));

		StepVerifier.create(template().createAccessKey("fn-1", CreateAccessKeyRequest.named("ci")))
			.verifyErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(FunctionsOrphanedAccessKeyException.class)
					.hasMessageContaining("dof_v1_lost")
					.hasCauseInstanceOf(FunctionsConnectionException.class);
				assertThat(((FunctionsOrphanedAccessKeyException) ex).orphanedKey().id()).isEqualTo("dof_v1_lost");
			});
		assertThat(api.requests()).extracting((request) -> request.getMethod().getName())
			.containsExactly("POST", "GET");
	}

	@Test
	void retriedDeleteThatAnswersNotFoundCompletes() {
		api.allowOffContractAnswers();
		api.stubSequence(() -> delete(TRIGGERS + "/t"), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				json(404, "{\"id\": \"not_found\", \"message\": \"trigger not found\"}"));

		StepVerifier.create(template().deleteTrigger("fn-1", "t")).verifyComplete();
		assertThat(api.requests()).hasSize(2);
	}

	static String namespaceJson(String id, String label, Instant createdAt) {
		return """
				{"api_host": "https://faas.example.com", "namespace": "%s", "created_at": "%s", "updated_at": "%s",
				 "label": "%s", "region": "nyc1", "uuid": "u-%s", "key": "k-%s"}
				""".formatted(id, createdAt, createdAt, label, id, id);
	}

}
