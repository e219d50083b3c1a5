package io.github.dofunctions.client.resilience;

import java.time.Duration;
import java.time.Instant;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsUnavailableException;
import io.github.dofunctions.test.MutableClock;
import io.github.dofunctions.test.StubbedFunctionsApi;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circuit breaker against a real HTTP server: it opens on outages only, then keeps
 * every request away from the API until trial calls succeed.
 */
class CircuitBreakerOverHttpTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NAMESPACE = "/v2/functions/namespaces/fn-1";

	static final String UNAVAILABLE = "{\"id\": \"server_error\", \"message\": \"Unexpected server-side error\"}";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));

	private final CircuitBreaker breaker = CircuitBreaker.of("do-functions",
			FunctionsResilience.circuitBreakerConfig()
				.slidingWindowSize(4)
				.minimumNumberOfCalls(4)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(30))
				.permittedNumberOfCallsInHalfOpenState(2)
				.clock(this.clock)
				.build());

	private FunctionsTemplate template(FunctionsResilience.Builder resilience) {
		return api.templateBuilder().resilience(resilience.circuitBreaker(this.breaker).noPacing().build()).build();
	}

	private FunctionsTemplate withoutRetries() {
		return template(FunctionsResilience.builder().noRetry());
	}

	private void open(FunctionsTemplate template) {
		api.server().stubFor(get(NAMESPACE).willReturn(json(503, UNAVAILABLE)));
		for (int i = 0; i < 4; i++) {
			StepVerifier.create(template.getNamespace("fn-1")).expectError(FunctionsServerException.class).verify();
		}
		assertThat(this.breaker.getState()).isEqualTo(State.OPEN);
	}

	@Test
	void opensAfterTheConfiguredFailuresThenSendsNothing() {
		FunctionsTemplate template = withoutRetries();
		open(template);
		api.server().resetRequests();

		for (int i = 0; i < 10; i++) {
			StepVerifier.create(template.getNamespace("fn-1"))
				.expectError(FunctionsUnavailableException.class)
				.verify();
		}
		assertThat(api.requests()).as("requests that reached the API while the breaker was open").isEmpty();
	}

	@Test
	void halfOpensAfterTheWaitAndClosesAfterTrialCallsSucceed() {
		FunctionsTemplate template = withoutRetries();
		open(template);
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json"))));

		this.clock.advance(Duration.ofSeconds(29));
		StepVerifier.create(template.getNamespace("fn-1")).expectError(FunctionsUnavailableException.class).verify();
		this.clock.advance(Duration.ofSeconds(1).plusMillis(1));
		StepVerifier.create(template.getNamespace("fn-1")).expectNextCount(1).verifyComplete();
		assertThat(this.breaker.getState()).isEqualTo(State.HALF_OPEN);
		StepVerifier.create(template.getNamespace("fn-1")).expectNextCount(1).verifyComplete();

		assertThat(this.breaker.getState()).isEqualTo(State.CLOSED);
	}

	@Test
	void notFoundAndRateLimitAnswersNeverOpenIt() {
		api.server()
			.stubFor(get(NAMESPACE)
				.willReturn(json(404, "{\"id\": \"not_found\", \"message\": \"namespace not found\"}")));
		api.server()
			.stubFor(get("/v2/functions/namespaces/fn-2")
				.willReturn(json(429, "{\"id\": \"too_many_requests\", \"message\": \"API rate limit exceeded.\"}")));
		FunctionsTemplate template = withoutRetries();

		for (int i = 0; i < 10; i++) {
			StepVerifier.create(template.getNamespace("fn-1")).expectError(FunctionsNotFoundException.class).verify();
			StepVerifier.create(template.getNamespace("fn-2")).expectError(FunctionsRateLimitException.class).verify();
		}

		assertThat(this.breaker.getState()).isEqualTo(State.CLOSED);
		assertThat(this.breaker.getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(api.requests()).hasSize(20);
	}

	@Test
	void openingStopsTheRemainingRetriesOfACall() {
		api.server().stubFor(get(NAMESPACE).willReturn(json(503, UNAVAILABLE)));
		FunctionsTemplate template = template(FunctionsResilience.builder()
			.retry(new RetrySettings(10, Duration.ofMillis(1), 1, Duration.ofMillis(1))));

		StepVerifier.create(template.getNamespace("fn-1")).expectError(FunctionsUnavailableException.class).verify();

		assertThat(api.requests()).as("attempts sent before the breaker opened").hasSize(4);
	}

}
