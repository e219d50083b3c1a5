package io.github.dofunctions.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dofunctions.client.error.FailureKind;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.LocalBudgetStore;
import io.github.dofunctions.client.resilience.SchedulerClocks;
import io.github.dofunctions.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate-limit budget, in virtual time: at most N requests in any sliding window,
 * booked when a request goes; waiting calls served in order; the hold on a spent hourly
 * budget.
 */
class RequestBudgetTests {

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private final RateLimitState latest = new RateLimitState();

	private VirtualTimeScheduler time;

	@BeforeEach
	void virtualTime() {
		this.time = VirtualTimeScheduler.getOrSet();
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	private ResilientCalls calls(int requestsPerMinute) {
		return calls(requestsPerMinute, new LocalBudgetStore(), Duration.ofMinutes(5));
	}

	private ResilientCalls calls(int requestsPerMinute, BudgetStore store, Duration maxWait) {
		return new ResilientCalls(FunctionsResilience.builder()
			.clock(Clock.offset(SchedulerClocks.scheduler(), Duration.between(Instant.EPOCH, NOW)))
			.noRetry()
			.noCircuitBreaker()
			.callTimeout(null)
			.pacing(requestsPerMinute)
			.budgetStore(store)
			.maxRateLimitWait(maxWait)
			// Calls that are never answered stay in flight: no response timeout cuts
			// them.
			.build(), this.latest, Duration.ofDays(1));
	}

	/** A call that records, in order, which of them went. */
	private static Mono<String> call(ResilientCalls calls, String name, List<String> sent) {
		return Mono.defer(() -> Mono.fromSupplier(() -> {
			sent.add(name);
			return name;
		})).transformDeferred(calls.call(ApiOperation.LIST_NAMESPACES));
	}

	/** A call that records that it went, and is never answered. */
	private static Mono<String> unanswered(ResilientCalls calls, String name, List<String> sent) {
		return Mono.defer(() -> Mono.<String>never().doOnSubscribe((subscription) -> sent.add(name)))
			.transformDeferred(calls.call(ApiOperation.LIST_NAMESPACES));
	}

	@Test
	void callsUnderTheBudgetLeaveAtOnceAndTheNextWaitsForTheOldestToLeaveTheWindow() {
		List<String> sent = new CopyOnWriteArrayList<>();
		ResilientCalls calls = calls(2);

		call(calls, "a", sent).subscribe();
		call(calls, "b", sent).subscribe();
		call(calls, "c", sent).subscribe();

		assertThat(sent).as("two a minute: both leave at once").containsExactly("a", "b");
		this.time.advanceTimeBy(Duration.ofMillis(59_999));
		assertThat(sent).containsExactly("a", "b");
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(sent).containsExactly("a", "b", "c");
	}

	@Test
	void waitingCallsAreServedInTheOrderTheyCame() {
		List<String> sent = new CopyOnWriteArrayList<>();
		ResilientCalls calls = calls(1);

		for (String name : List.of("a", "b", "c", "d")) {
			call(calls, name, sent).subscribe();
			this.time.advanceTimeBy(Duration.ofSeconds(1));
		}
		this.time.advanceTimeBy(Duration.ofMinutes(3));

		assertThat(sent).containsExactly("a", "b", "c", "d");
	}

	@Test
	void cancelledWaitingCallSendsNothingAndHoldsNoSlot() {
		List<String> sent = new CopyOnWriteArrayList<>();
		LocalBudgetStore store = new LocalBudgetStore();
		ResilientCalls calls = calls(1, store, Duration.ofMinutes(5));
		call(calls, "a", sent).subscribe();
		Disposable b = call(calls, "b", sent).subscribe();
		call(calls, "c", sent).subscribe();

		this.time.advanceTimeBy(Duration.ofSeconds(10));
		b.dispose();
		this.time.advanceTimeBy(Duration.ofSeconds(50));

		assertThat(sent).as("c goes when a's slot frees, in b's place").containsExactly("a", "c");
		assertThat(store.bookNow("default", "probe", 1, Duration.ofMinutes(1))).as("only c holds the window's slot")
			.isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void callThatFindsNoSlotWithinTheWaitAllowedFailsUnsent() {
		List<String> sent = new CopyOnWriteArrayList<>();
		ResilientCalls calls = calls(2, new LocalBudgetStore(), Duration.ofSeconds(30));
		call(calls, "a", sent).subscribe();
		call(calls, "b", sent).subscribe();

		StepVerifier.withVirtualTime(() -> call(calls, "c", sent))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(29))
			.thenAwait(Duration.ofSeconds(1))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOfSatisfying(FunctionsRateLimitException.class, (error) -> {
					assertThat(error.kind()).isEqualTo(FailureKind.CLIENT_RATE_LIMITED);
					assertThat(error.sent()).isFalse();
					assertThat(error.retryAfter()).as("until a's slot frees, a minute after it went")
						.isEqualTo(Duration.ofSeconds(30));
				});
				assertThat(ex)
					.hasMessageStartingWith("listNamespaces not sent: the client's budget of requests per minute")
					.hasMessageContaining("DigitalOcean was not called")
					.hasMessageNotContaining("failed: 429");
			})
			.verify();
		assertThat(sent).containsExactly("a", "b");
	}

	@Test
	void spentHourlyBudgetHoldsNewCallsUntilTheResetInsteadOfSendingThem() {
		this.latest.record(new RateLimit(5000, 0, NOW.plusSeconds(30)));
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");
		ResilientCalls calls = calls(250);

		StepVerifier.withVirtualTime(() -> server.send().transformDeferred(calls.call(ApiOperation.LIST_NAMESPACES)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(29))
			.then(() -> assertThat(server.sent()).isZero())
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("ok")
			.verifyComplete();
		assertThat(server.sent()).isEqualTo(1);
	}

	@Test
	void freedHourlySlotLetsOneWaitingCallGoAndTheOthersWaitForItsAnswer() {
		this.latest.record(new RateLimit(5000, 0, NOW.plusSeconds(30)));
		List<String> sent = new CopyOnWriteArrayList<>();
		ResilientCalls calls = calls(250);
		List.of("a", "b", "c").forEach((name) -> unanswered(calls, name, sent).subscribe());

		this.time.advanceTimeBy(Duration.ofSeconds(30));
		assertThat(sent).as("one slot freed: one call").containsExactly("a");
		this.time.advanceTimeBy(Duration.ofSeconds(30));
		assertThat(sent).as("no answer told of another slot").containsExactly("a");

		this.latest.record(new RateLimit(5000, 0, NOW.plusSeconds(70)));
		this.time.advanceTimeBy(Duration.ofSeconds(9));
		assertThat(sent).as("the answer said the next slot frees at 70 s").containsExactly("a");
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(sent).containsExactly("a", "b");

		this.latest.record(new RateLimit(5000, 40, NOW.plusSeconds(100)));
		assertThat(sent).as("budget left: the rest go").containsExactly("a", "b", "c");
	}

	@Test
	void spentHourlyBudgetThatFreesTooLateFailsTheCallUnsent() {
		Instant reset = NOW.plus(Duration.ofMinutes(20));
		ResilientCalls calls = calls(250, new LocalBudgetStore(), Duration.ofMinutes(1));
		this.latest.record(new RateLimit(5000, 0, reset));
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");

		StepVerifier.create(server.send().transformDeferred(calls.call(ApiOperation.LIST_NAMESPACES)))
			.verifyErrorSatisfies((ex) -> {
				FunctionsRateLimitException error = (FunctionsRateLimitException) ex;
				assertThat(error.errorId()).isEqualTo("client_rate_limit");
				assertThat(error.kind()).isEqualTo(FailureKind.CLIENT_RATE_LIMITED);
				assertThat(error.resetAt()).isEqualTo(reset);
				assertThat(error.retryAfter()).isEqualTo(Duration.ofMinutes(20));
				assertThat(error.sent()).isFalse();
				assertThat(error).hasMessageStartingWith("listNamespaces not sent: the hourly request budget is spent");
			});
		assertThat(server.sent()).isZero();
	}

	@Test
	void callWaitingForTheBudgetEndsAtItsDeadlineUnsent() {
		this.latest.record(new RateLimit(5000, 0, NOW.plusSeconds(30)));
		ResilientCalls calls = new ResilientCalls(FunctionsResilience.builder()
			.clock(Clock.offset(SchedulerClocks.scheduler(), Duration.between(Instant.EPOCH, NOW)))
			.noRetry()
			.noCircuitBreaker()
			.callTimeout(Duration.ofSeconds(5))
			.pacing(250)
			.maxRateLimitWait(Duration.ofMinutes(1))
			.build(), this.latest);
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");

		StepVerifier.withVirtualTime(() -> server.send().transformDeferred(calls.call(ApiOperation.LIST_NAMESPACES)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4_999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(FunctionsConnectionException.class)
				.hasMessage("listNamespaces did not complete within the call timeout of PT5S; the server cannot have "
						+ "acted on it: nothing was sent"))
			.verify();
		assertThat(server.sent()).isZero();
	}

	@Test
	void remainingBudgetOrAPastResetHoldsNothing() {
		ScriptedAttempts<String> server = new ScriptedAttempts<String>().thenAnswer("ok");
		this.latest.record(new RateLimit(5000, 1, NOW.plusSeconds(30)));
		StepVerifier.create(server.send().transformDeferred(calls(250).call(ApiOperation.LIST_NAMESPACES)))
			.expectNext("ok")
			.verifyComplete();
		this.latest.record(new RateLimit(5000, 0, NOW.minusSeconds(1)));
		StepVerifier.create(server.send().transformDeferred(calls(250).call(ApiOperation.LIST_NAMESPACES)))
			.expectNext("ok")
			.verifyComplete();
		assertThat(server.sent()).isEqualTo(2);
	}

	@Test
	void windowsEdgesInTheStoreWithAMovedClock() {
		MutableClock clock = new MutableClock(NOW);
		LocalBudgetStore store = new LocalBudgetStore(clock);
		Duration window = Duration.ofSeconds(60);

		assertThat(store.bookNow("s", "1", 2, window)).isZero();
		clock.advance(Duration.ofSeconds(20));
		assertThat(store.bookNow("s", "2", 2, window)).isZero();
		assertThat(store.bookNow("s", "3", 2, window)).as("full: until the first leaves")
			.isEqualTo(Duration.ofSeconds(40));
		clock.advance(Duration.ofMillis(39_999));
		assertThat(store.bookNow("s", "3", 2, window)).isEqualTo(Duration.ofMillis(1));
		clock.advance(Duration.ofMillis(1));
		assertThat(store.bookNow("s", "3", 2, window)).as("a minute after the first, its slot is free").isZero();
		assertThat(store.bookNow("other", "1", 2, window)).as("another scope has its own window").isZero();
		store.release("s", "3").block();
		assertThat(store.bookNow("s", "4", 2, window)).as("a released slot is free again").isZero();
	}

	@Test
	void touchedBookingCountsFromTheTouchBehindNewerOnes() {
		MutableClock clock = new MutableClock(NOW);
		LocalBudgetStore store = new LocalBudgetStore(clock);
		Duration window = Duration.ofSeconds(60);
		store.bookNow("s", "1", 2, window);
		clock.advance(Duration.ofSeconds(20));
		store.bookNow("s", "2", 2, window);
		clock.advance(Duration.ofSeconds(10));

		store.touchNow("s", "1");
		store.touchNow("s", "gone");

		assertThat(store.bookNow("s", "3", 2, window)).as("the oldest is now 2, leaving at 80 s")
			.isEqualTo(Duration.ofSeconds(50));
		clock.advance(Duration.ofSeconds(50));
		assertThat(store.bookNow("s", "3", 2, window)).as("2 has left; 1 counts until 90 s").isZero();
		assertThat(store.bookNow("s", "4", 2, window)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void slotCountsFromTheAnswerAsTheServerCountedTheRequestBeforeIt() {
		List<String> sent = new CopyOnWriteArrayList<>();
		ResilientCalls calls = calls(1);
		Mono.defer(() -> Mono.delay(Duration.ofSeconds(5))
			.doOnSubscribe((subscription) -> sent.add("slow"))
			.thenReturn("slow")).transformDeferred(calls.call(ApiOperation.LIST_NAMESPACES)).subscribe();
		call(calls, "next", sent).subscribe();

		this.time.advanceTimeBy(Duration.ofMillis(64_999));
		assertThat(sent).as("a minute from the answer, not from the sending").containsExactly("slow");
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(sent).containsExactly("slow", "next");
	}

}
