package io.github.dofunctions.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FallbackBudgetStore;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.LocalBudgetStore;
import io.github.dofunctions.client.resilience.redis.RedisBudgetStore;
import io.github.dofunctions.emulator.Fault;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
import io.github.dofunctions.emulator.RateLimits;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Scenario 2: calls under DigitalOcean's rate limits, which the emulator enforces: a
 * limit per sliding "minute" answered {@code 429} with {@code retry-after}, and a budget
 * per sliding "hour" answered {@code 429} without it. The same calls go through the
 * starter (its budget set to the emulator's limit) and through a godo-style client
 * (exponential backoff that honours {@code retry-after}, no budget), in three cases:
 * <ol>
 * <li>an idle account at DigitalOcean's real limit: a burst of calls far below it;</li>
 * <li>one instance with more calls than the window allows;</li>
 * <li>three instances sharing one token, the starter's through a budget in Redis.</li>
 * </ol>
 */
final class RateLimitScenario {

	private final Sizes sizes;

	RateLimitScenario(Sizes sizes) {
		this.sizes = sizes;
	}

	Table run() {
		Table table = new Table("2. Under rate limits: the starter against a godo-style client", "case", "starter s",
				"godo-style s", "starter / godo-style time", "starter 429s / requests", "godo-style 429s / requests",
				"starter rate after the first window / allowed", "starter calls failed");
		idle(table);
		busy(table);
		shared(table);
		return table.note("godo-style: WebClient retrying 429 and 5xx answers up to four times, after retry-after when "
				+ "given, else after 1, 2, 4, 8 s, as DigitalOcean's Go client does; no budget of its own. The rate "
				+ "after the first window counts the calls beyond the first window's budget (which goes at once) "
				+ "per second of the run, against the limit per second.");
	}

	/**
	 * Case (a): a burst of calls on an idle account, both clients fresh each round; the
	 * median of the measured rounds, after warm-up rounds that let the JIT compile both.
	 * Measured with the emulator answering after a network round trip (the target), and
	 * answering at once, where only the clients' CPU time is left to compare.
	 */
	private void idle(Table table) {
		idle(table, this.sizes.idleLatency(), true);
		idle(table, Duration.ZERO, false);
	}

	private void idle(Table table, Duration latency, boolean target) {
		RateLimits limits = this.sizes.idleLimits();
		FunctionsEmulator emulator = FunctionsEmulator.builder().rateLimits(limits).build().start();
		try {
			List<Run> starter = new ArrayList<>();
			List<Run> godo = new ArrayList<>();
			int calls = this.sizes.idleCalls();
			for (int round = 0; round < this.sizes.idleWarmUps() + this.sizes.idleRounds(); round++) {
				Run starterRun = runShared(emulator, 1, () -> starter(emulator, limits, null), calls, calls, latency);
				Run godoRun = runShared(emulator, 1, () -> godoStyle(emulator), calls, calls, latency);
				if (round >= this.sizes.idleWarmUps()) {
					starter.add(starterRun);
					godo.add(godoRun);
				}
			}
			Run starterMedian = median(starter);
			Run godoMedian = median(godo);
			String name = "(a) " + calls + " concurrent calls on an idle account, " + describe(limits)
					+ (latency.isZero() ? ", answered at once (CPU time only)"
							: ", answered after " + latency.toMillis() + " ms")
					+ ", median of " + this.sizes.idleRounds() + " rounds";
			row(table, name, starterMedian, godoMedian, null);
			if (target) {
				double ratio = starterMedian.seconds() / godoMedian.seconds();
				table.target(name + ": starter time at most 1.2x the godo-style client's",
						Table.decimal(ratio, 2) + "x, " + starterMedian.failed() + " failed",
						ratio <= 1.2 && starterMedian.failed() == 0);
			}
		}
		finally {
			emulator.stop();
		}
	}

	/**
	 * Case (b): more calls than the window allows, from one instance.
	 */
	private void busy(Table table) {
		RateLimits limits = this.sizes.busyLimits();
		FunctionsEmulator emulator = FunctionsEmulator.builder().rateLimits(limits).build().start();
		try {
			Run starter = runAlone(emulator, () -> starter(emulator, limits, null), this.sizes.busyCalls(),
					this.sizes.busyConcurrency());
			Run godo = runAlone(emulator, () -> godoStyle(emulator), this.sizes.busyCalls(),
					this.sizes.busyConcurrency());
			String name = "(b) " + this.sizes.busyCalls() + " calls at concurrency " + this.sizes.busyConcurrency()
					+ ", " + describe(limits);
			row(table, name, starter, godo, limits);
			double ratio = starter.seconds() / godo.seconds();
			table.target(name + ": starter time at most 1.0x the godo-style client's, at most 1% answered 429",
					Table.decimal(ratio, 2) + "x, " + starter.refusedShare() + " answered 429, " + starter.failed()
							+ " failed",
					ratio <= 1.0 && starter.refusedPercent() <= 1 && starter.failed() == 0);
		}
		finally {
			emulator.stop();
		}
	}

	/**
	 * Case (c): three instances sharing one token; the starter's book their requests in
	 * one budget kept in a real Redis server, each with its own connection.
	 */
	private void shared(Table table) {
		RateLimits limits = this.sizes.busyLimits();
		int instances = 3;
		int port = unusedPort();
		RedisServer redis = redisServer(port);
		List<LettuceConnectionFactory> connections = new ArrayList<>();
		FunctionsEmulator emulator = FunctionsEmulator.builder().rateLimits(limits).build().start();
		try {
			Run starter = runShared(emulator, instances, () -> {
				LettuceConnectionFactory connection = new LettuceConnectionFactory(
						new RedisStandaloneConfiguration("127.0.0.1", port));
				connection.afterPropertiesSet();
				connection.start();
				connections.add(connection);
				BudgetStore store = new FallbackBudgetStore(
						new RedisBudgetStore(new ReactiveStringRedisTemplate(connection),
								RedisBudgetStore.DEFAULT_KEY_PREFIX),
						new LocalBudgetStore(), 1.0 / instances, Duration.ofSeconds(1), Duration.ofSeconds(5),
						Clock.systemUTC());
				return starter(emulator, limits, store);
			});
			Run godo = runShared(emulator, instances, () -> godoStyle(emulator));
			String name = "(c) " + instances + " instances sharing a token, " + this.sizes.sharedCallsEach()
					+ " calls each at concurrency " + this.sizes.busyConcurrency() + ", " + describe(limits)
					+ ", the starter's budget in Redis";
			row(table, name, starter, godo, limits);
			double rate = starter.rateAfterFirstWindow(limits);
			table.target(name + ": at most 1% answered 429, at least 95% of the allowed rate",
					starter.refusedShare() + " answered 429, " + Table.decimal(rate, 1) + "% of the allowed rate, "
							+ starter.failed() + " failed",
					starter.refusedPercent() <= 1 && rate >= 95 && starter.failed() == 0);
		}
		finally {
			emulator.stop();
			connections.forEach(LettuceConnectionFactory::destroy);
			stop(redis);
		}
	}

	private Run runAlone(FunctionsEmulator emulator, Supplier<Function<String, Mono<?>>> client, int calls,
			int concurrency) {
		return runShared(emulator, 1, client, calls, concurrency, Duration.ZERO);
	}

	private Run runShared(FunctionsEmulator emulator, int instances, Supplier<Function<String, Mono<?>>> client) {
		return runShared(emulator, instances, client, this.sizes.sharedCallsEach(), this.sizes.busyConcurrency(),
				Duration.ZERO);
	}

	/**
	 * Start from an emulator with no request counted, and run the calls of every instance
	 * at once, each instance with its own concurrency.
	 */
	private static Run runShared(FunctionsEmulator emulator, int instances, Supplier<Function<String, Mono<?>>> client,
			int callsEach, int concurrency, Duration latency) {
		emulator.reset();
		String namespace = emulator.state().addNamespace("nyc1", "benchmark").id();
		if (!latency.isZero()) {
			emulator.faults().on(Operation.GET_NAMESPACE).next(instances * callsEach).inject(Fault.delay(latency));
		}
		List<Function<String, Mono<?>>> clients = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			clients.add(client.get());
		}
		AtomicLong failed = new AtomicLong();
		long started = System.nanoTime();
		long succeeded = Flux.fromIterable(clients)
			.flatMap((call) -> Flux.range(0, callsEach)
				.flatMap((i) -> call.apply(namespace).thenReturn(1).onErrorResume((ex) -> {
					failed.incrementAndGet();
					return Mono.empty();
				}), concurrency))
			.count()
			.block(Duration.ofMinutes(30));
		double seconds = (System.nanoTime() - started) / 1e9;
		long requests = emulator.journal().requests().size();
		long refused = emulator.journal().requests().stream().filter((request) -> request.status() == 429).count();
		return new Run(seconds, succeeded, failed.get(), requests, refused);
	}

	private static void row(Table table, String name, Run starter, Run godo, RateLimits limits) {
		String rate = (limits != null) ? Table.decimal(starter.rateAfterFirstWindow(limits), 1) + "%" : "";
		table.row(name, Table.decimal(starter.seconds(), 3), Table.decimal(godo.seconds(), 3),
				Table.decimal(starter.seconds() / godo.seconds(), 2) + "x", starter.refusedShare(), godo.refusedShare(),
				rate, starter.failed());
	}

	private static String describe(RateLimits limits) {
		return limits.perMinute() + " per " + limits.minute().toSeconds() + " s";
	}

	private static Run median(List<Run> runs) {
		List<Run> sorted = new ArrayList<>(runs);
		sorted.sort(java.util.Comparator.comparingDouble(Run::seconds));
		return sorted.get(sorted.size() / 2);
	}

	/**
	 * The starter as an application has it, its budget set to the limit the emulator
	 * enforces, waiting as long as the run needs.
	 */
	private static Function<String, Mono<?>> starter(FunctionsEmulator emulator, RateLimits limits, BudgetStore store) {
		FunctionsResilience.Builder resilience = FunctionsResilience.builder()
			.budget(limits.perMinute(), limits.minute())
			.maxRateLimitWait(Duration.ofMinutes(10))
			.callTimeout(Duration.ofMinutes(20));
		if (store != null) {
			resilience.budgetStore(store);
		}
		FunctionsTemplate template = FunctionsTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.token(emulator.token())
			.resilience(resilience.build())
			.build();
		return template::getNamespace;
	}

	/**
	 * Retry as DigitalOcean's Go client does: up to four retries, waiting for
	 * {@code retry-after} when given, else an exponential backoff from 1 s to 30 s.
	 */
	private static Function<String, Mono<?>> godoStyle(FunctionsEmulator emulator) {
		WebClient client = WebClient.builder()
			.baseUrl(emulator.baseUrl())
			.defaultHeader("Authorization", "Bearer " + emulator.token())
			.build();
		return (namespace) -> get(client, namespace).retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			if (signal.totalRetries() >= 4 || !(failure instanceof WebClientResponseException response)
					|| !(response.getStatusCode().value() == 429 || response.getStatusCode().is5xxServerError())) {
				return Mono.error(failure);
			}
			String retryAfter = response.getHeaders().getFirst("retry-after");
			Duration wait = (retryAfter != null) ? Duration.ofSeconds(Long.parseLong(retryAfter))
					: Duration.ofSeconds(Math.min(30, 1L << signal.totalRetries()));
			return Mono.delay(wait);
		})));
	}

	private static Mono<Namespace> get(WebClient client, String namespace) {
		return client.get()
			.uri("/v2/functions/namespaces/{namespace_id}", namespace)
			.retrieve()
			.bodyToMono(OverheadScenario.NamespaceBody.class)
			.map(OverheadScenario.NamespaceBody::namespace);
	}

	private static RedisServer redisServer(int port) {
		try {
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void stop(RedisServer redis) {
		try {
			redis.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int unusedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How big each case is.
	 *
	 * @param idleCalls the calls of case (a), all at once
	 * @param idleWarmUps the rounds of case (a) not kept
	 * @param idleRounds the rounds of case (a) whose median is kept
	 * @param idleLimits the limits of case (a)
	 * @param idleLatency how late the emulator answers in case (a): a network round trip
	 * @param busyCalls the calls of case (b)
	 * @param busyConcurrency the calls in flight of one instance in cases (b) and (c)
	 * @param busyLimits the limits of cases (b) and (c)
	 * @param sharedCallsEach the calls of each of the three instances of case (c)
	 */
	record Sizes(int idleCalls, int idleWarmUps, int idleRounds, RateLimits idleLimits, Duration idleLatency,
			int busyCalls, int busyConcurrency, RateLimits busyLimits, int sharedCallsEach) {

		/**
		 * The sizes of the full run: (a) 30 calls at DigitalOcean's real limits, answered
		 * after 50 ms, (b) 1,000 calls at concurrency 50 and (c) 3 x 500, under a sliding
		 * 250 per 6 s.
		 */
		static Sizes full() {
			return new Sizes(30, 30, 15, RateLimits.digitalOcean(), Duration.ofMillis(50), 1000, 50,
					new RateLimits(250, 100_000, Duration.ofSeconds(6), Duration.ofHours(1)), 500);
		}

	}

	/**
	 * What one run of calls did.
	 *
	 * @param seconds from the first call to the last answer
	 * @param succeeded calls that succeeded
	 * @param failed calls that failed
	 * @param requests requests the emulator received
	 * @param refused requests it answered {@code 429}
	 */
	record Run(double seconds, long succeeded, long failed, long requests, long refused) {

		double refusedPercent() {
			return 100.0 * this.refused / this.requests;
		}

		String refusedShare() {
			return this.refused + " / " + this.requests + " (" + Table.decimal(refusedPercent(), 1) + "%)";
		}

		/**
		 * Return the calls beyond the first window's budget, which go at once, per second
		 * of the run, as a percentage of the limit per second.
		 */
		double rateAfterFirstWindow(RateLimits limits) {
			double allowedPerSecond = limits.perMinute() / (limits.minute().toMillis() / 1000.0);
			return 100 * ((this.succeeded - limits.perMinute()) / this.seconds) / allowedPerSecond;
		}

	}

}
