package io.github.dofunctions.client.resilience.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FallbackBudgetStore;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.LocalBudgetStore;
import io.github.dofunctions.test.MutableClock;
import io.github.dofunctions.test.RedisServerExtension;
import io.github.dofunctions.test.StubbedFunctionsApi;
import io.github.dofunctions.test.VerboseLogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget's bookings in a real Redis server: the same rule as in the application, kept
 * by Redis's clock, under a key that names the token by a hash only; and the local share
 * that takes over while Redis is down.
 */
class RedisBudgetStoreTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	@RegisterExtension
	final VerboseLogCapture log = new VerboseLogCapture();

	private final RedisBudgetStore store = new RedisBudgetStore(redis.template(), RedisBudgetStore.DEFAULT_KEY_PREFIX);

	@Test
	void booksUpToTheLimitThenSaysWhenTheOldestLeavesTheWindow() {
		Duration window = Duration.ofMinutes(1);

		assertThat(this.store.book("token:t", "a", 2, window).block()).isZero();
		assertThat(this.store.book("token:t", "b", 2, window).block()).isZero();
		Duration wait = this.store.book("token:t", "c", 2, window).block();

		assertThat(wait).isBetween(Duration.ofSeconds(55), window);
		assertThat(this.store.book("token:other", "a", 2, window).block()).as("another scope").isZero();
		this.store.release("token:t", "b").block();
		assertThat(this.store.book("token:t", "c", 2, window).block()).as("a released slot is free").isZero();
		assertThat(redis.template()
			.opsForZSet()
			.range("do-functions:budget:token:t", Range.unbounded())
			.collectList()
			.block()).containsExactlyInAnyOrder("a", "c");
		assertThat(redis.template().getExpire("do-functions:budget:token:t").block()).as("a scope left alone expires")
			.isBetween(Duration.ofSeconds(55), window);
	}

	@Test
	void touchedBookingCountsFromItsTouchAndAGoneOneStaysGone() {
		Duration window = Duration.ofMinutes(1);
		String key = "do-functions:budget:s";
		assertThat(this.store.book("s", "a", 1, window).block()).isZero();
		double bookedAt = redis.template().opsForZSet().score(key, "a").block();
		// As if booked ten seconds ago, its request answered only now.
		redis.template().opsForZSet().add(key, "a", bookedAt - 10_000).block();
		Duration waitBefore = this.store.book("s", "b", 1, window).block();

		this.store.touch("s", "a", window).block();
		this.store.touch("s", "gone", window).block();

		assertThat(waitBefore).isLessThanOrEqualTo(Duration.ofSeconds(50));
		assertThat(redis.template().opsForZSet().score(key, "a").block()).isGreaterThanOrEqualTo(bookedAt);
		assertThat(this.store.book("s", "b", 1, window).block()).as("a minute from the touch")
			.isGreaterThan(Duration.ofSeconds(55));
		assertThat(redis.template().opsForZSet().score(key, "gone").block()).as("a touch adds nothing").isNull();
	}

	@Test
	void theTokenNamesItsBudgetOnlyByAHash() {
		api.server().stubFor(get("/v2/functions/namespaces/fn-1").willReturn(json(200, payload("namespace.json"))));
		FunctionsTemplate template = api.templateBuilder()
			.resilience(FunctionsResilience.builder()
				.noRetry()
				.noCircuitBreaker()
				.pacing(250)
				.budgetStore(this.store)
				.build())
			.build();

		template.getNamespace("fn-1").block();

		List<String> keys = redis.template().keys("*").collectList().block();
		assertThat(keys).singleElement()
			.asString()
			.matches("do-functions:budget:token:[0-9a-f]{32}")
			.doesNotContain(StubbedFunctionsApi.TOKEN);
		assertThat(redis.template().opsForZSet().size(keys.get(0)).block()).isOne();
	}

	@Test
	void whileRedisIsDownBookingsGoToALocalShareAndComeBackWhenItAnswers() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
		FallbackBudgetStore fallback = fallback(clock);
		Duration window = Duration.ofMinutes(1);
		assertThat(fallback.book("s", "a", 4, window).block()).isZero();
		assertThat(fallback.unreachableSince()).isNull();

		redis.stop();
		try {
			assertThat(fallback.book("s", "b", 4, window).block()).as("local, half of 4, a counted").isZero();
			assertThat(fallback.book("s", "c", 4, window).block())
				.as("the local share is full: ask again when Redis is to be tried, not a minute later")
				.isEqualTo(Duration.ofSeconds(5));
			assertThat(fallback.unreachableSince()).isEqualTo(clock.instant());
			assertThat(this.log.text()).containsOnlyOnce("The shared rate-limit budget (RedisBudgetStore");
		}
		finally {
			redis.start();
		}
		clock.advance(Duration.ofSeconds(5));

		assertThat(fallback.book("s2", "e", 4, window).block()).as("Redis again").isZero();
		assertThat(fallback.unreachableSince()).isNull();
		assertThat(redis.template().opsForZSet().size("do-functions:budget:s2").block()).isOne();
		assertThat(this.log.text()).contains("answers again");
	}

	@Test
	void aSharedStoreThatDoesNotAnswerIsLoggedAsSuch() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
		BudgetStore silent = new BudgetStore() {

			@Override
			public Mono<Duration> book(String scope, String booking, int limit, Duration window) {
				return Mono.never();
			}

			@Override
			public Mono<Void> touch(String scope, String booking, Duration window) {
				return Mono.never();
			}

			@Override
			public Mono<Void> release(String scope, String booking) {
				return Mono.never();
			}

		};
		FallbackBudgetStore fallback = new FallbackBudgetStore(silent, new LocalBudgetStore(clock), 0.5,
				Duration.ofMillis(50), Duration.ofSeconds(5), clock);

		assertThat(fallback.book("s", "a", 4, Duration.ofMinutes(1)).block()).as("booked locally").isZero();

		assertThat(this.log.text()).contains("does not answer", "TimeoutException: no answer within 50 ms")
			.doesNotContain("no fallback has been configured");
	}

	@Test
	void anInstanceThatUsedItsMinuteInRedisSendsNothingMoreWhenRedisGoesAway() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
		FallbackBudgetStore fallback = fallback(clock);
		Duration window = Duration.ofMinutes(1);
		for (int i = 0; i < 10; i++) {
			assertThat(fallback.book("s", "redis-" + i, 10, window).block()).isZero();
		}

		redis.stop();
		try {
			for (int i = 0; i < 5; i++) {
				clock.advance(Duration.ofSeconds(5));
				assertThat(fallback.book("s", "local-" + i, 10, window).block())
					.as("the ten in Redis fill this instance's local share of five too")
					.isPositive();
			}
			clock.advance(Duration.ofSeconds(36));
			assertThat(fallback.book("s", "later", 10, window).block())
				.as("a minute after the first booking, still without Redis: the share frees")
				.isZero();
		}
		finally {
			redis.start();
		}
	}

	@Test
	void bookingsMadeWithoutRedisStillCountWhenItComesBack() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
		FallbackBudgetStore fallback = fallback(clock);
		Duration window = Duration.ofMinutes(1);
		String key = "do-functions:budget:s";
		redis.stop();
		try {
			for (int i = 0; i < 5; i++) {
				assertThat(fallback.book("s", "local-" + i, 10, window).block()).as("local share").isZero();
			}
		}
		finally {
			redis.start();
		}
		clock.advance(Duration.ofSeconds(5));

		assertThat(fallback.book("s", "back-1", 10, window).block())
			.as("Redis is empty, but this instance sent its share of the minute without it")
			.isPositive();
		assertThat(fallback.unreachableSince()).isNull();
		assertThat(redis.template().opsForZSet().size(key).block()).as("the refused booking given back").isZero();
		clock.advance(Duration.ofSeconds(55));
		assertThat(fallback.book("s", "back-2", 10, window).block()).as("a window after the last local one").isZero();
		assertThat(redis.template().opsForZSet().size(key).block()).isOne();
	}

	/**
	 * Redis, else half of each budget in this instance, Redis tried again 5 s after it
	 * failed.
	 */
	private FallbackBudgetStore fallback(MutableClock clock) {
		return new FallbackBudgetStore(this.store, new LocalBudgetStore(clock), 0.5, Duration.ofSeconds(1),
				Duration.ofSeconds(5), clock);
	}

}
