package io.github.dofunctions.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.random.RandomGenerator;

import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsBadRequestException;
import io.github.dofunctions.client.error.FunctionsConflictException;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsLimitReachedException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.error.FunctionsUnauthorizedException;
import io.github.dofunctions.client.error.FunctionsUnavailableException;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry table, in virtual time: which failures are retried for which methods, after
 * how long, and how many attempts are sent. Each attempt is scripted, so every wait is
 * exact.
 */
class ResilientCallsTests {

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	/** Jitter that always draws its upper bound, so waits are the bounds themselves. */
	static final RandomGenerator UPPER_BOUND = jitter((bound) -> bound - 1);

	/**
	 * A random source whose bounded draws are decided by the test.
	 */
	static RandomGenerator jitter(LongUnaryOperator drawBelow) {
		return new RandomGenerator() {

			@Override
			public long nextLong() {
				throw new UnsupportedOperationException("only bounded draws are used");
			}

			@Override
			public long nextLong(long bound) {
				return drawBelow.applyAsLong(bound);
			}

		};
	}

	private FunctionsResilience.Builder resilience() {
		return FunctionsResilience.builder()
			.clock(CLOCK)
			.jitter(UPPER_BOUND)
			.noPacing()
			.noCircuitBreaker()
			.callTimeout(null);
	}

	private ResilientCalls calls(FunctionsResilience resilience) {
		return new ResilientCalls(resilience, new RateLimitState());
	}

	/** The call made of the scripted attempts, with the default resilience. */
	private <T> Mono<T> withDefaults(ScriptedAttempts<T> server, ApiOperation operation) {
		return server.send().transformDeferred(calls(resilience().build()).call(operation));
	}

	static FunctionsRateLimitException tooManyRequests(Duration retryAfter, Instant resetAt) {
		return new FunctionsRateLimitException("getNamespace", "too_many_requests", "API rate limit exceeded.", null,
				retryAfter, resetAt);
	}

	static FunctionsServerException serverError(int status) {
		return new FunctionsServerException("op", status, "server_error", "Unexpected server-side error", null);
	}

	static FunctionsConnectionException resetAfterSending() {
		return new FunctionsConnectionException("op", "connection reset", true, new java.io.IOException("reset"));
	}

	static FunctionsConnectionException refused() {
		return new FunctionsConnectionException("op", "connection refused", false,
				new java.net.ConnectException("refused"));
	}

	@Test
	void rateLimitWithRetryAfterWaitsThatLongThenRetries() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>()
			.thenFail(tooManyRequests(Duration.ofSeconds(17), NOW.plusSeconds(900)))
			.thenAnswer("ok");
		ResilientCalls calls = calls(resilience().jitter(zeroJitter()).build());

		StepVerifier.withVirtualTime(() -> server.send().transformDeferred(calls.call(ApiOperation.GET_NAMESPACE)))
			.expectSubscription()
			.then(() -> assertThat(server.sent()).isEqualTo(1))
			.thenAwait(Duration.ofSeconds(17).minusMillis(1))
			.then(() -> assertThat(server.sent()).isEqualTo(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("ok")
			.verifyComplete();
		assertThat(server.sent()).isEqualTo(2);
	}

	@Test
	void rateLimitWaitHasASmallJitterOfAtMostATenth() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>()
			.thenFail(tooManyRequests(Duration.ofSeconds(5), null))
			.thenAnswer("ok");
		ResilientCalls calls = calls(resilience().build());

		StepVerifier.withVirtualTime(() -> server.send().transformDeferred(calls.call(ApiOperation.GET_NAMESPACE)))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(5499))
			.then(() -> assertThat(server.sent()).isEqualTo(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("ok")
			.verifyComplete();
	}

	@Test
	void rateLimitWithoutRetryAfterWaitsUntilTheResetFreesASlot() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>()
			.thenFail(tooManyRequests(null, NOW.plusSeconds(42)))
			.thenAnswer("ok");
		ResilientCalls calls = calls(resilience().jitter(zeroJitter()).build());

		StepVerifier.withVirtualTime(() -> server.send().transformDeferred(calls.call(ApiOperation.LIST_TRIGGERS)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(41))
			.then(() -> assertThat(server.sent()).isEqualTo(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("ok")
			.verifyComplete();
	}

	@ParameterizedTest
	@EnumSource(value = ApiOperation.class,
			names = { "GET_NAMESPACE", "UPDATE_TRIGGER", "DELETE_TRIGGER", "CREATE_NAMESPACE" })
	void rateLimitWaitLongerThanTheCapFailsAtOnceWithWhenToComeBack(ApiOperation operation) {
		FunctionsRateLimitException hourly = tooManyRequests(null, NOW.plus(Duration.ofMinutes(37)));
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(hourly).thenAnswer("too late");
		ResilientCalls calls = calls(resilience().maxRateLimitWait(Duration.ofMinutes(1)).build());

		StepVerifier.create(server.send().transformDeferred(calls.call(operation))).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isSameAs(hourly);
			assertThat(((FunctionsRateLimitException) ex).resetAt()).isEqualTo(NOW.plus(Duration.ofMinutes(37)));
		});
		assertThat(server.sent()).isEqualTo(1);
	}

	@Test
	void rateLimitedPostIsRetriedLikeAnyCall() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>()
			.thenFail(tooManyRequests(Duration.ofSeconds(2), null))
			.thenAnswer("created");
		ResilientCalls calls = calls(resilience().jitter(zeroJitter()).build());

		StepVerifier.withVirtualTime(() -> server.send().transformDeferred(calls.call(ApiOperation.CREATE_TRIGGER)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(2))
			.expectNext("created")
			.verifyComplete();
		assertThat(server.sent()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504 })
	void transientServerErrorOfAnIdempotentCallIsRetriedWithExponentialBackoff(int status) {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(serverError(status));
		ResilientCalls calls = calls(resilience().build());

		// With the jitter at its upper bound the waits are the bounds: 1 s, 2 s, 4 s, 8
		// s.
		StepVerifier.withVirtualTime(() -> server.send().transformDeferred(calls.call(ApiOperation.GET_TRIGGER)))
			.expectSubscription()
			.then(() -> assertThat(server.sent()).isEqualTo(1))
			.thenAwait(Duration.ofSeconds(1))
			.then(() -> assertThat(server.sent()).isEqualTo(2))
			.thenAwait(Duration.ofSeconds(2))
			.then(() -> assertThat(server.sent()).isEqualTo(3))
			.thenAwait(Duration.ofSeconds(4))
			.then(() -> assertThat(server.sent()).isEqualTo(4))
			.thenAwait(Duration.ofSeconds(8))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FunctionsServerException.class)
				.extracting("status")
				.isEqualTo(status))
			.verify();
		assertThat(server.sent()).as("max-attempts in all").isEqualTo(5);
	}

	@Test
	void backoffBoundStopsGrowingAtTheMaximum() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(serverError(503));
		ResilientCalls calls = calls(
				resilience().retry(new RetrySettings(4, Duration.ofSeconds(10), 3.0, Duration.ofSeconds(20))).build());

		StepVerifier.withVirtualTime(() -> server.send().transformDeferred(calls.call(ApiOperation.GET_TRIGGER)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(10))
			.then(() -> assertThat(server.sent()).isEqualTo(2))
			.thenAwait(Duration.ofSeconds(20))
			.then(() -> assertThat(server.sent()).isEqualTo(3))
			.thenAwait(Duration.ofSeconds(19))
			.then(() -> assertThat(server.sent()).as("third wait capped at 20 s").isEqualTo(3))
			.thenAwait(Duration.ofSeconds(1))
			.expectError(FunctionsServerException.class)
			.verify();
		assertThat(server.sent()).isEqualTo(4);
	}

	@Test
	void fullJitterDrawsEachWaitBetweenZeroAndTheBound() {
		List<Long> bounds = new ArrayList<>();
		RandomGenerator recording = jitter((bound) -> {
			bounds.add(bound);
			return 0;
		});
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(serverError(502));
		ResilientCalls calls = calls(resilience().jitter(recording).build());

		StepVerifier.withVirtualTime(() -> server.send().transformDeferred(calls.call(ApiOperation.DELETE_TRIGGER)))
			.expectSubscription()
			.expectError(FunctionsServerException.class)
			.verify();
		assertThat(bounds).as("exclusive bounds of the random draws").containsExactly(1001L, 2001L, 4001L, 8001L);
		assertThat(server.sent()).isEqualTo(5);
	}

	@ParameterizedTest
	@ValueSource(ints = { 501, 505, 599 })
	void serverErrorThatIsNotTransientIsNotRetried(int status) {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(serverError(status));

		StepVerifier.create(withDefaults(server, ApiOperation.GET_NAMESPACE))
			.expectError(FunctionsServerException.class)
			.verify();
		assertThat(server.sent()).isEqualTo(1);
	}

	@Test
	void lostConnectionOfAnIdempotentCallIsRetried() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(resetAfterSending())
			.thenFail(new FunctionsTimeoutException("op", "timeout", new java.util.concurrent.TimeoutException()))
			.thenAnswer("ok");

		StepVerifier.withVirtualTime(() -> withDefaults(server, ApiOperation.UPDATE_TRIGGER))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(3))
			.expectNext("ok")
			.verifyComplete();
		assertThat(server.sent()).isEqualTo(3);
	}

	@Test
	void postWithoutALookupIsNotRetriedAfterItMayHaveActed() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(serverError(503)).thenAnswer("twice");

		StepVerifier.create(withDefaults(server, ApiOperation.CREATE_NAMESPACE))
			.expectError(FunctionsServerException.class)
			.verify();
		assertThat(server.sent()).isEqualTo(1);
	}

	@Test
	void postIsRetriedWhenNothingWasSent() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(refused()).thenAnswer("created");

		StepVerifier.withVirtualTime(() -> withDefaults(server, ApiOperation.CREATE_NAMESPACE))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("created")
			.verifyComplete();
		assertThat(server.sent()).isEqualTo(2);
	}

	@Test
	void createWhoseAnswerWasLostReturnsWhatTheLookupFinds() {
		ScriptedAttempts<String> creates = new ScriptedAttempts<String>().thenFail(resetAfterSending())
			.thenAnswer("created twice");
		ScriptedAttempts<String> lookups = new ScriptedAttempts<String>().thenAnswer("found");
		List<Instant> earliest = new ArrayList<>();
		ResilientCalls calls = calls(resilience().build());

		StepVerifier.withVirtualTime(() -> creates.send()
			.transformDeferred(calls.create(ApiOperation.CREATE_NAMESPACE, (createdNoEarlierThan, lostAnswer) -> {
				earliest.add(createdNoEarlierThan);
				assertThat(lostAnswer).isInstanceOf(FunctionsConnectionException.class);
				return lookups.send();
			}))).expectSubscription().thenAwait(Duration.ofSeconds(1)).expectNext("found").verifyComplete();
		assertThat(creates.sent()).isEqualTo(1);
		assertThat(lookups.sent()).isEqualTo(1);
		assertThat(earliest).containsExactly(NOW.minus(ResilientCalls.CLOCK_SKEW_ALLOWANCE));
	}

	@Test
	void createWhoseAnswerWasLostIsRepeatedWhenTheLookupFindsNothing() {
		ScriptedAttempts<String> creates = new ScriptedAttempts<String>().thenFail(serverError(500))
			.thenAnswer("created");
		ScriptedAttempts<String> lookups = new ScriptedAttempts<String>().thenAnswerEmpty();

		StepVerifier
			.withVirtualTime(() -> creates.send()
				.transformDeferred(calls(resilience().build()).create(ApiOperation.CREATE_TRIGGER,
						(earliest, lostAnswer) -> lookups.send())))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("created")
			.verifyComplete();
		assertThat(creates.sent()).isEqualTo(2);
		assertThat(lookups.sent()).isEqualTo(1);
	}

	@Test
	void createThatWasRefusedIsRepeatedWithoutALookup() {
		ScriptedAttempts<String> creates = new ScriptedAttempts<String>().thenFail(refused()).thenAnswer("created");
		ScriptedAttempts<String> lookups = new ScriptedAttempts<String>().thenAnswer("found");

		StepVerifier
			.withVirtualTime(() -> creates.send()
				.transformDeferred(calls(resilience().build()).create(ApiOperation.CREATE_TRIGGER,
						(earliest, lostAnswer) -> lookups.send())))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("created")
			.verifyComplete();
		assertThat(lookups.sent()).isZero();
	}

	@Test
	void createsAndLookupsShareTheAttemptBudget() {
		ScriptedAttempts<String> creates = new ScriptedAttempts<String>().thenFail(serverError(503));
		ScriptedAttempts<String> lookups = new ScriptedAttempts<String>().thenAnswerEmpty();

		StepVerifier
			.withVirtualTime(() -> creates.send()
				.transformDeferred(calls(resilience().build()).create(ApiOperation.CREATE_TRIGGER,
						(earliest, lostAnswer) -> lookups.send())))
			.expectSubscription()
			.thenAwait(Duration.ofMinutes(1))
			.expectError(FunctionsServerException.class)
			.verify();
		assertThat(creates.sent()).isEqualTo(5);
		assertThat(lookups.sent()).isEqualTo(4);
	}

	@ParameterizedTest
	@EnumSource(value = ApiOperation.class,
			names = { "GET_NAMESPACE", "CREATE_NAMESPACE", "DELETE_NAMESPACE", "UPDATE_ACCESS_KEY" })
	void otherClientErrorsAreNeverRetried(ApiOperation operation) {
		for (FunctionsApiException error : List.of(new FunctionsBadRequestException("op", "bad_request", "no", null),
				new FunctionsUnauthorizedException("op", "unauthorized", "no", null),
				new FunctionsConflictException("op", "conflict", "no", null),
				new FunctionsLimitReachedException("op", "unprocessable_entity", "no", null),
				new FunctionsApiException("op", 418, "teapot", "no", null))) {
			ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(error).thenAnswer("ok");

			StepVerifier.create(withDefaults(server, operation))
				.verifyErrorSatisfies((ex) -> assertThat(ex).isSameAs(error));
			assertThat(server.sent()).isEqualTo(1);
		}
	}

	@Test
	void notFoundIsNotRetried() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>()
			.thenFail(new FunctionsNotFoundException("op", "not_found", "namespace not found", null));

		StepVerifier.create(withDefaults(server, ApiOperation.GET_NAMESPACE))
			.expectError(FunctionsNotFoundException.class)
			.verify();
		assertThat(server.sent()).isEqualTo(1);
	}

	@Test
	void retriedDeleteThatFindsNothingCompletesBecauseTheLostAttemptDeleted() {
		ScriptedAttempts<Void> server = new ScriptedAttempts<Void>().thenFail(resetAfterSending())
			.thenFail(new FunctionsNotFoundException("op", "not_found", "trigger not found", null));

		StepVerifier.withVirtualTime(() -> withDefaults(server, ApiOperation.DELETE_TRIGGER))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.verifyComplete();
		assertThat(server.sent()).isEqualTo(2);
	}

	@Test
	void deleteOfSomethingThatNeverExistedIsNotFound() {
		ScriptedAttempts<Void> server = new ScriptedAttempts<Void>()
			.thenFail(new FunctionsNotFoundException("op", "not_found", "trigger not found", null));

		StepVerifier.create(withDefaults(server, ApiOperation.DELETE_TRIGGER))
			.expectError(FunctionsNotFoundException.class)
			.verify();
	}

	@Test
	void getThatFindsNothingAfterARetryIsStillNotFound() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(resetAfterSending())
			.thenFail(new FunctionsNotFoundException("op", "not_found", "namespace not found", null));

		StepVerifier.withVirtualTime(() -> withDefaults(server, ApiOperation.GET_NAMESPACE))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.expectError(FunctionsNotFoundException.class)
			.verify();
	}

	@Test
	void openCircuitBreakerFailsAtOnceWithoutSendingAndIsNotRetried() {
		CircuitBreaker breaker = CircuitBreaker.of("do-functions", FunctionsResilience.circuitBreakerConfig().build());
		breaker.transitionToOpenState();
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");

		StepVerifier.create(server.send()
			.transformDeferred(calls(resilience().circuitBreaker(breaker).build()).call(ApiOperation.LIST_NAMESPACES)))
			.verifyErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(FunctionsUnavailableException.class)
					.hasMessage("listNamespaces not sent: circuit breaker 'do-functions' is open after repeated "
							+ "failures of the DigitalOcean API");
				assertThat(((FunctionsUnavailableException) ex).circuitBreaker()).isEqualTo("do-functions");
			});
		assertThat(server.sent()).isZero();
	}

	@Test
	void circuitBreakerOpeningDuringRetriesEndsThemAtOnce() {
		CircuitBreaker breaker = CircuitBreaker.of("do-functions",
				FunctionsResilience.circuitBreakerConfig()
					.slidingWindowSize(2)
					.minimumNumberOfCalls(2)
					.failureRateThreshold(100)
					.build());
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(serverError(503));

		StepVerifier.withVirtualTime(() -> server.send()
			.transformDeferred(calls(resilience().circuitBreaker(breaker).build()).call(ApiOperation.GET_NAMESPACE)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(3))
			.expectError(FunctionsUnavailableException.class)
			.verify();
		assertThat(server.sent()).as("two attempts opened the breaker; the third was never sent").isEqualTo(2);
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void createWhoseLookupTheBreakerRefusesEndsWithTheLostAnswerNotNotSent() {
		CircuitBreaker breaker = CircuitBreaker.of("do-functions",
				FunctionsResilience.circuitBreakerConfig()
					.slidingWindowSize(1)
					.minimumNumberOfCalls(1)
					.failureRateThreshold(100)
					.build());
		ScriptedAttempts<String> creates = new ScriptedAttempts<String>().thenFail(resetAfterSending());
		ScriptedAttempts<String> lookups = new ScriptedAttempts<String>().thenAnswer("found");

		StepVerifier
			.withVirtualTime(() -> creates.send()
				.transformDeferred(calls(resilience().circuitBreaker(breaker).build())
					.create(ApiOperation.CREATE_NAMESPACE, (earliest, lostAnswer) -> lookups.send())))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(3))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOfSatisfying(FunctionsConnectionException.class,
						(lost) -> assertThat(lost.requestSent()).as("may have acted").isTrue());
				assertThat(ex.getSuppressed()).singleElement().isInstanceOf(FunctionsUnavailableException.class);
			})
			.verify();
		assertThat(creates.sent()).isEqualTo(1);
		assertThat(lookups.sent()).as("the breaker opened on the lost answer").isZero();
	}

	@Test
	void callTimeoutBoundsEveryAttemptAndWaitTogether() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(serverError(503));

		StepVerifier
			.withVirtualTime(() -> server.send()
				.transformDeferred(calls(resilience().callTimeout(Duration.ofSeconds(5)).build())
					.call(ApiOperation.GET_NAMESPACE)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(5))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FunctionsTimeoutException.class)
				.hasMessage("getNamespace did not complete within the call timeout of PT5S; the server may have "
						+ "acted on it"))
			.verify();
		assertThat(server.sent()).as("attempts at 0 s, 1 s and 3 s; the next was due at 7 s").isEqualTo(3);
	}

	@Test
	void callTimeoutAfterAttemptsThatCannotHaveActedSaysSoWithTheLastFailure() {
		FunctionsConnectionException refused = refused();
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(refused);

		StepVerifier
			.withVirtualTime(() -> server.send()
				.transformDeferred(calls(resilience().callTimeout(Duration.ofSeconds(5)).build())
					.call(ApiOperation.GET_NAMESPACE)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(5))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(FunctionsConnectionException.class)
					.hasMessage("getNamespace did not complete within the call timeout of PT5S; the server cannot have "
							+ "acted on it (last attempt: connection refused)")
					.hasCause(refused);
				assertThat(((FunctionsConnectionException) ex).requestSent()).isFalse();
			})
			.verify();
		assertThat(server.sent()).isEqualTo(3);
	}

	@Test
	void withoutRetryEachCallMakesOneAttempt() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenFail(serverError(503)).thenAnswer("ok");

		StepVerifier
			.create(server.send()
				.transformDeferred(calls(resilience().noRetry().build()).call(ApiOperation.GET_NAMESPACE)))
			.expectError(FunctionsServerException.class)
			.verify();
		assertThat(server.sent()).isEqualTo(1);
	}

	static RandomGenerator zeroJitter() {
		return jitter((bound) -> 0);
	}

}
