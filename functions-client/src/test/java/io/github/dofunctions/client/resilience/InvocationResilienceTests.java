package io.github.dofunctions.client.resilience;

import java.time.Duration;
import java.util.Map;

import io.github.dofunctions.client.FunctionInvoker;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsUnavailableException;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.ApiHostStubs.ACTIONS;
import static io.github.dofunctions.test.ApiHostStubs.ACTIVATIONS;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_ID;
import static io.github.dofunctions.test.ApiHostStubs.answer;
import static io.github.dofunctions.test.ApiHostStubs.succeeded;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Invocation as a resilience domain of its own, over HTTP: which failures are retried,
 * how a {@code 429} is waited out, and breakers that never cut off the other domain.
 */
class InvocationResilienceTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String HELLO = ACTIONS + "hello";

	static final String UNAVAILABLE = "{\"error\": \"Service Unavailable\", \"code\": \"c503\"}";

	static final RetrySettings QUICK = new RetrySettings(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50));

	private final CircuitBreaker invocationBreaker = CircuitBreaker.of("do-functions-invocations-test",
			FunctionsResilience.circuitBreakerConfig()
				.slidingWindowSize(2)
				.minimumNumberOfCalls(2)
				.waitDurationInOpenState(Duration.ofMinutes(5))
				.build());

	private final CircuitBreaker controlPlaneBreaker = CircuitBreaker.of("do-functions",
			FunctionsResilience.circuitBreakerConfig().build());

	@BeforeEach
	void serveNamespace() {
		ApiHostStubs.serveNamespace(api);
	}

	private FunctionsTemplate template() {
		return api.templateBuilder()
			.resilience(
					FunctionsResilience.builder().noRetry().noPacing().circuitBreaker(this.controlPlaneBreaker).build())
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> FunctionsResilience.invocationBuilder(namespaceId)
					.retry(QUICK)
					.circuitBreaker(this.invocationBreaker)
					.build())
				.build())
			.build();
	}

	@Test
	void rateLimitedInvocationWaitsAndIsSentAgain() {
		api.stubSequence(() -> post(urlPathEqualTo(HELLO)),
				answer(429, "{\"error\": \"Too many requests in the last minute (count: 601, allowed: 600).\"}")
					.withHeader("retry-after", "1"),
				answer(200, succeeded("a1", "{\"ok\": true}")));

		Map<String, Object> result = template().invoker(NAMESPACE_ID).invoke("hello", Map.of()).block();

		assertThat(result).containsEntry("ok", true);
		api.server().verify(2, postRequestedFor(urlPathEqualTo(HELLO)));
		assertThat(this.invocationBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void rateLimitLongerThanTheWaitAllowedFailsAtOnce() {
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(answer(429, "{\"error\": \"Too many requests\"}").withHeader("retry-after", "3600")));

		Throwable failure = catchThrowable(() -> template().invoker(NAMESPACE_ID).invoke("hello", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionsRateLimitException.class,
				(ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofHours(1)));
		api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
	}

	@Test
	void serverErrorOnInvocationIsNotRetried() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(503, UNAVAILABLE)));

		Throwable failure = catchThrowable(() -> template().invoker(NAMESPACE_ID).invoke("hello", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionsServerException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(503);
			assertThat(ex.requestId()).isEqualTo("c503");
		});
		api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
	}

	@Test
	void serverErrorOnIdempotentInvocationIsRetried() {
		api.stubSequence(() -> post(urlPathEqualTo(HELLO)), answer(503, UNAVAILABLE),
				answer(200, succeeded("a1", "{\"ok\": true}")));

		Map<?, ?> result = template().invoker(NAMESPACE_ID)
			.invoke(Invocation.of("hello").asIdempotent(), Map.class)
			.block();

		assertThat(result.get("ok")).isEqualTo(true);
		api.server().verify(2, postRequestedFor(urlPathEqualTo(HELLO)));
	}

	@Test
	void readsOfActivationsAreRetried() {
		api.stubSequence(() -> get(ACTIVATIONS + "/a1"), answer(503, UNAVAILABLE), answer(200, succeeded("a1", "{}")));

		String id = template().invoker(NAMESPACE_ID).getActivation("a1").block().activationId();

		assertThat(id).isEqualTo("a1");
		api.server().verify(2, getRequestedFor(urlPathEqualTo(ACTIVATIONS + "/a1")));
	}

	@Test
	void openInvocationBreakerLeavesNamespaceCallsWorking() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(503, UNAVAILABLE)));
		FunctionsTemplate template = template();
		FunctionInvoker invoker = template.invoker(NAMESPACE_ID);
		for (int i = 0; i < 2; i++) {
			catchThrowable(() -> invoker.invoke("hello", Map.of()).block());
		}

		Throwable cutOff = catchThrowable(() -> invoker.invoke("hello", Map.of()).block());

		assertThat(cutOff).isInstanceOfSatisfying(FunctionsUnavailableException.class,
				(ex) -> assertThat(ex.circuitBreaker()).isEqualTo("do-functions-invocations-test"));
		api.server().verify(2, postRequestedFor(urlPathEqualTo(HELLO)));
		assertThat(template.getNamespace(NAMESPACE_ID).block().id()).isEqualTo(NAMESPACE_ID);
		assertThat(this.controlPlaneBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void openControlPlaneBreakerLeavesInvocationsWorking() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(200, succeeded("a1", "{\"ok\": true}"))));
		FunctionInvoker invoker = template().invoker(NAMESPACE_ID);
		invoker.invoke("hello", Map.of()).block();

		this.controlPlaneBreaker.transitionToOpenState();

		assertThat(invoker.invoke("hello", Map.of()).block()).containsEntry("ok", true);
		assertThat(this.invocationBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void failedNamespaceReadIsNotKept() {
		api.stubSequence(() -> get("/v2/functions/namespaces/" + NAMESPACE_ID),
				json(500, "{\"id\": \"server_error\", \"message\": \"Unexpected server-side error\"}"),
				json(200, StubbedFunctionsApi.payload("namespace.json").replace("https://api_host.io", api.baseUrl())));
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(200, succeeded("a1", "{\"ok\": true}"))));
		FunctionInvoker invoker = template().invoker(NAMESPACE_ID);

		Throwable first = catchThrowable(() -> invoker.invoke("hello", Map.of()).block());

		assertThat(first).isInstanceOf(FunctionsServerException.class);
		assertThat(invoker.invoke("hello", Map.of()).block()).containsEntry("ok", true);
		api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
	}

}
