package io.github.dofunctions.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests over the concurrency limit wait, in order, and go as others end; a cancelled
 * request, waiting or running, gives its place back.
 */
class ConcurrencyLimitTests {

	private final ConcurrencyLimit limit = new ConcurrencyLimit(2);

	private final List<Sinks.One<String>> answers = new ArrayList<>();

	private final List<Integer> started = new ArrayList<>();

	private Mono<String> request(int number) {
		Sinks.One<String> answer = Sinks.one();
		this.answers.add(answer);
		return this.limit.run(Mono.defer(() -> {
			this.started.add(number);
			return answer.asMono();
		}), CallDeadline.NONE);
	}

	@Test
	void requestsOverTheLimitWaitAndGoInOrder() {
		List<String> results = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			request(i).subscribe(results::add, (ex) -> results.add("error: " + ex.getMessage()));
		}
		assertThat(this.started).containsExactly(0, 1);

		this.answers.get(1).tryEmitValue("one");

		assertThat(this.started).containsExactly(0, 1, 2);
		this.answers.get(0).tryEmitError(new IllegalStateException("failed"));
		assertThat(this.started).containsExactly(0, 1, 2, 3);
		this.answers.get(2).tryEmitValue("two");
		this.answers.get(3).tryEmitValue("three");
		assertThat(results).containsExactly("one", "error: failed", "two", "three");
		assertThat(this.limit.inFlight()).isZero();
	}

	@Test
	void keptPermitIsFreedOnlyWhenItsHolderFreesIt() {
		List<Runnable> kept = new ArrayList<>();
		this.limit.run(Mono.deferContextual((context) -> {
			kept.add(ConcurrencyLimit.keep(context));
			return Mono.just("demoted");
		}), CallDeadline.NONE).subscribe();
		request(1).subscribe();
		request(2).subscribe();

		assertThat(this.started).containsExactly(1);
		assertThat(this.limit.inFlight()).isEqualTo(2);

		kept.get(0).run();
		kept.get(0).run();

		assertThat(this.started).containsExactly(1, 2);
		this.answers.get(0).tryEmitValue("one");
		this.answers.get(1).tryEmitValue("two");
		assertThat(this.limit.inFlight()).isZero();
	}

	@Test
	void requestWaitingForAPermitEndsAtItsCallsDeadline() {
		IllegalStateException late = new IllegalStateException("deadline");
		request(0).subscribe();
		request(1).subscribe();

		StepVerifier.withVirtualTime(() -> this.limit.run(Mono.just("never sent"), inOneSecond(late)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(late))
			.verify();
		this.answers.get(0).tryEmitValue("zero");
		assertThat(this.limit.inFlight()).as("the timed-out request took no permit").isEqualTo(1);
	}

	/** A deadline one second from now, in the scheduler's (virtual) time. */
	private static CallDeadline inOneSecond(Throwable exceeded) {
		long at = CallDeadline.now() + 1_000;
		return new CallDeadline() {

			@Override
			public long millisLeft() {
				return at - CallDeadline.now();
			}

			@Override
			public Throwable exceeded() {
				return exceeded;
			}

		};
	}

	@Test
	void cancelledRequestsGiveTheirPlaceBack() {
		Disposable running = request(0).subscribe();
		request(1).subscribe();
		Disposable waiting = request(2).subscribe();
		request(3).subscribe();

		waiting.dispose();
		running.dispose();

		assertThat(this.started).containsExactly(0, 1, 3);
		assertThat(this.limit.inFlight()).isEqualTo(2);
	}

}
