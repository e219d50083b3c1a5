package io.github.dofunctions.client.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.model.RateLimit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pacing, in virtual time: calls wait for their slot instead of drawing a {@code 429}.
 */
class PacingTests {

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private final RateLimitState latest = new RateLimitState();

	private ResilientCalls calls(int requestsPerMinute) {
		return new ResilientCalls(FunctionsResilience.builder()
			.clock(Clock.fixed(NOW, ZoneOffset.UTC))
			.noRetry()
			.noCircuitBreaker()
			.callTimeout(null)
			.pacing(requestsPerMinute)
			.maxRateLimitWait(Duration.ofMinutes(1))
			.build(), this.latest);
	}

	@Test
	void spentHourlyBudgetHoldsNewCallsUntilTheResetInsteadOfSendingThem() {
		this.latest.record(new RateLimit(5000, 0, NOW.plusSeconds(30)));
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");
		ResilientCalls calls = calls(250);

		StepVerifier.withVirtualTime(() -> calls.call(ApiOperation.LIST_NAMESPACES, server.attempt()))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(29))
			.then(() -> assertThat(server.sent()).isZero())
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("ok")
			.verifyComplete();
		assertThat(server.sent()).isEqualTo(1);
	}

	@Test
	void spentHourlyBudgetThatFreesTooLateFailsTheCallUnsent() {
		Instant reset = NOW.plus(Duration.ofMinutes(20));
		this.latest.record(new RateLimit(5000, 0, reset));
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");

		StepVerifier.create(calls(250).call(ApiOperation.LIST_NAMESPACES, server.attempt()))
			.verifyErrorSatisfies((ex) -> {
				FunctionsRateLimitException error = (FunctionsRateLimitException) ex;
				assertThat(error.errorId()).isEqualTo("client_rate_limit");
				assertThat(error.resetAt()).isEqualTo(reset);
				assertThat(error.retryAfter()).isEqualTo(Duration.ofMinutes(20));
				assertThat(error).hasMessageContaining("hourly request budget is spent");
			});
		assertThat(server.sent()).isZero();
	}

	@Test
	void remainingBudgetOrAPastResetHoldsNothing() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");
		this.latest.record(new RateLimit(5000, 1, NOW.plusSeconds(30)));
		StepVerifier.create(calls(250).call(ApiOperation.LIST_NAMESPACES, server.attempt()))
			.expectNext("ok")
			.verifyComplete();
		this.latest.record(new RateLimit(5000, 0, NOW.minusSeconds(1)));
		StepVerifier.create(calls(250).call(ApiOperation.LIST_NAMESPACES, server.attempt()))
			.expectNext("ok")
			.verifyComplete();
		assertThat(server.sent()).isEqualTo(2);
	}

	@Test
	void callsOverThePerMinuteBudgetWaitForTheirSlot() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");
		ResilientCalls calls = calls(2);

		StepVerifier.withVirtualTime(() -> Mono.zip(calls.call(ApiOperation.LIST_NAMESPACES, server.attempt()),
				calls.call(ApiOperation.LIST_NAMESPACES, server.attempt())))
			.expectSubscription()
			.then(() -> assertThat(server.sent()).isEqualTo(1))
			.thenAwait(Duration.ofSeconds(30))
			.then(() -> assertThat(server.sent()).as("two a minute, 2 % apart more: 30.6 s").isEqualTo(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(server.sent()).isEqualTo(2);
	}

	@Test
	void callWhoseSlotIsBeyondTheWaitCapFailsUnsent() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");
		ResilientCalls calls = calls(2);

		StepVerifier.withVirtualTime(() -> Mono.zip(calls.call(ApiOperation.LIST_NAMESPACES, server.attempt()),
				calls.call(ApiOperation.LIST_NAMESPACES, server.attempt()),
				calls.call(ApiOperation.LIST_NAMESPACES, server.attempt())))
			.expectSubscription()
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FunctionsRateLimitException.class)
				.hasMessageContaining("client-side budget of requests per minute is booked further ahead"))
			.verify();
	}

	@Test
	void cancelledCallNeverSendsItsRequest() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		try {
			ResilientCalls calls = calls(2);
			StepVerifier.create(calls.call(ApiOperation.LIST_NAMESPACES, server.attempt()))
				.expectNext("ok")
				.verifyComplete();
			Disposable waiting = calls.call(ApiOperation.LIST_NAMESPACES, server.attempt()).subscribe();
			time.advanceTimeBy(Duration.ofSeconds(10));
			waiting.dispose();
			time.advanceTimeBy(Duration.ofMinutes(2));

			assertThat(server.sent()).as("the second call was cancelled while waiting for its slot").isEqualTo(1);
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	@Test
	void spacingLeavesTwoPercentOfTheBudgetForJitter() {
		assertThat(RequestPacer.spacing(250)).isEqualTo(Duration.ofNanos(244_800_000));
		assertThat(RequestPacer.spacing(60)).isEqualTo(Duration.ofMillis(1020));
	}

}
