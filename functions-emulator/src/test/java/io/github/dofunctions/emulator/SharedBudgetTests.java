package io.github.dofunctions.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FallbackBudgetStore;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.LocalBudgetStore;
import io.github.dofunctions.client.resilience.redis.RedisBudgetStore;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import io.github.dofunctions.test.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances of an application sharing one token, and so one DigitalOcean budget,
 * against the emulator enforcing it at a scaled limit (10 requests in any second): each
 * books its requests in one budget kept in a real Redis server, and none draws a
 * {@code 429}; with Redis stopped, each goes on with its share of the budget.
 */
class SharedBudgetTests {

	static final int PER_WINDOW = 10;

	static final Duration WINDOW = Duration.ofSeconds(1);

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = FunctionsEmulatorExtension
		.configured((builder) -> builder.rateLimits(new RateLimits(PER_WINDOW, 100_000, WINDOW, Duration.ofHours(1))));

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private FunctionsTemplate instance(BudgetStore store) {
		return FunctionsTemplate.builder()
			.baseUrl(emulator.get().baseUrl())
			.token(emulator.get().token())
			.resilience(FunctionsResilience.builder()
				.noRetry()
				.noCircuitBreaker()
				.budget(PER_WINDOW, WINDOW)
				.budgetStore(store)
				.maxRateLimitWait(Duration.ofSeconds(30))
				.callTimeout(Duration.ofSeconds(60))
				.build())
			.build();
	}

	private static FallbackBudgetStore shared() {
		return new FallbackBudgetStore(new RedisBudgetStore(redis.template(), RedisBudgetStore.DEFAULT_KEY_PREFIX),
				new LocalBudgetStore(), 1.0 / 3, Duration.ofSeconds(1), Duration.ofMinutes(5), Clock.systemUTC());
	}

	private static long callsOfAll(List<FunctionsTemplate> instances, int each) {
		return Flux.fromIterable(instances)
			.flatMap((instance) -> Flux.range(0, each).flatMap((n) -> instance.listNamespaces().collectList()))
			.count()
			.block();
	}

	private static long refusals() {
		return emulator.get().journal().requests().stream().filter((request) -> request.status() == 429).count();
	}

	@Test
	void threeInstancesSharingATokenThroughRedisDrawNoRateLimitAnswer() {
		List<FunctionsTemplate> instances = IntStream.range(0, 3).mapToObj((n) -> instance(shared())).toList();
		instances.get(0).createNamespace(new CreateNamespaceRequest("nyc1", "shared")).block();

		long calls = callsOfAll(instances, 15);

		assertThat(calls).isEqualTo(45);
		assertThat(refusals()).as("429 answers").isZero();
		assertThat(emulator.get().journal().count(Operation.LIST_NAMESPACES)).isEqualTo(45);
	}

	@Test
	void withoutRedisEachInstanceGoesOnWithItsShare() {
		List<FallbackBudgetStore> stores = List.of(shared(), shared(), shared());
		List<FunctionsTemplate> instances = stores.stream().map(this::instance).toList();
		instances.get(0).createNamespace(new CreateNamespaceRequest("nyc1", "shared")).block();
		redis.stop();
		try {
			long calls = callsOfAll(instances, 9);

			assertThat(calls).isEqualTo(27);
			assertThat(stores).allSatisfy((store) -> assertThat(store.unreachableSince()).isNotNull());
			assertThat(refusals()).as("429 answers, with a third of the budget each").isZero();
		}
		finally {
			redis.start();
		}
	}

	@Test
	void withoutASharedBudgetTheSameInstancesDrawRateLimitAnswers() {
		List<FunctionsTemplate> instances = IntStream.range(0, 3)
			.mapToObj((n) -> instance(new LocalBudgetStore()))
			.toList();
		instances.get(0).createNamespace(new CreateNamespaceRequest("nyc1", "alone")).block();

		Flux.fromIterable(instances)
			.flatMap((instance) -> Flux.range(0, 15)
				.flatMap((n) -> instance.listNamespaces().collectList().onErrorResume((ex) -> Mono.empty())))
			.blockLast();

		assertThat(refusals()).as("each instance spends the whole budget").isPositive();
	}

}
