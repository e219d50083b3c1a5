package io.github.dofunctions.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.RateLimits;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Scenario 2: useful work under DigitalOcean's rate limits. The emulator enforces them,
 * scaled: a burst limit per sliding "minute" answered {@code 429} with
 * {@code retry-after}, and a budget per sliding "hour" answered {@code 429} without it.
 * The same calls go through the starter, through a godo-style client (exponential backoff
 * that honours {@code retry-after}, no pacing), and through WebClient with no retry.
 */
final class RateLimitScenario {

	private final int calls;

	private final int concurrency;

	private final RateLimits limits;

	RateLimitScenario(int calls, int concurrency, RateLimits limits) {
		this.calls = calls;
		this.concurrency = concurrency;
		this.limits = limits;
	}

	/**
	 * Return the DigitalOcean limits scaled so that a "minute" lasts five seconds: 250
	 * requests per 5 s, 5,000 per 300 s.
	 */
	static RateLimits scaledDigitalOcean() {
		return new RateLimits(250, 5000, Duration.ofSeconds(5), Duration.ofSeconds(300));
	}

	Table run() {
		double allowedPerSecond = this.limits.perMinute() / (this.limits.minute().toMillis() / 1000.0);
		Table table = new Table("2. " + this.calls + " calls at concurrency " + this.concurrency + " under rate limits ("
				+ this.limits.perMinute() + " per " + this.limits.minute().toSeconds() + " s, "
				+ this.limits.perHour() + " per " + this.limits.hour().toSeconds() + " s: "
				+ Table.decimal(allowedPerSecond, 0) + " calls/s allowed)", "client", "time to finish s",
				"achieved rate / allowed", "429s received", "429s / requests", "calls failed");
		FunctionsEmulator emulator = FunctionsEmulator.builder().rateLimits(this.limits).build().start();
		try {
			measure(table, emulator, allowedPerSecond, "starter (pacing, retries)", this::starter);
			measure(table, emulator, allowedPerSecond, "godo-style (backoff, honours retry-after)", this::godoStyle);
			measure(table, emulator, allowedPerSecond, "WebClient, no retry", this::noRetry);
		}
		finally {
			emulator.stop();
		}
		return table.note("Target: the starter achieves at least 95% of the allowed rate, with at most 1% of its "
				+ "requests answered 429 and no failed call.");
	}

	private void measure(Table table, FunctionsEmulator emulator, double allowedPerSecond, String client,
			Function<FunctionsEmulator, Function<String, Mono<?>>> clientFactory) {
		emulator.reset();
		String namespace = emulator.state().addNamespace("nyc1", "benchmark").id();
		Function<String, Mono<?>> call = clientFactory.apply(emulator);
		AtomicLong failed = new AtomicLong();
		long started = System.nanoTime();
		long succeeded = Flux.range(0, this.calls)
			.flatMap((i) -> call.apply(namespace).thenReturn(1).onErrorResume((ex) -> {
				failed.incrementAndGet();
				return Mono.empty();
			}), this.concurrency)
			.count()
			.block(Duration.ofMinutes(30));
		double seconds = (System.nanoTime() - started) / 1e9;
		long requests = emulator.journal().requests().size();
		long refused = emulator.journal().requests().stream().filter((request) -> request.status() == 429).count();
		table.row(client, Table.decimal(seconds, 1), Table.decimal(succeeded / seconds / allowedPerSecond * 100, 1) + "%",
				refused, Table.decimal(100.0 * refused / requests, 1) + "%", failed.get());
	}

	private Function<String, Mono<?>> starter(FunctionsEmulator emulator) {
		long perMinute = Math.round(this.limits.perMinute() * 60_000.0 / this.limits.minute().toMillis());
		FunctionsTemplate template = FunctionsTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.token(emulator.token())
			.resilience(FunctionsResilience.builder()
				// The budget the emulator enforces, per real minute.
				.pacing((int) perMinute)
				.maxRateLimitWait(Duration.ofMinutes(10))
				.callTimeout(Duration.ofMinutes(20))
				.build())
			.build();
		return (namespace) -> template.getNamespace(namespace);
	}

	/**
	 * Retry as DigitalOcean's Go client does: up to four retries, waiting for
	 * {@code retry-after} when given, else an exponential backoff from 1 s to 30 s.
	 */
	private Function<String, Mono<?>> godoStyle(FunctionsEmulator emulator) {
		WebClient client = rawClient(emulator);
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

	private Function<String, Mono<?>> noRetry(FunctionsEmulator emulator) {
		WebClient client = rawClient(emulator);
		return (namespace) -> get(client, namespace);
	}

	private static WebClient rawClient(FunctionsEmulator emulator) {
		return WebClient.builder()
			.baseUrl(emulator.baseUrl())
			.defaultHeader("Authorization", "Bearer " + emulator.token())
			.build();
	}

	private static Mono<Namespace> get(WebClient client, String namespace) {
		return client.get()
			.uri("/v2/functions/namespaces/{namespace_id}", namespace)
			.retrieve()
			.bodyToMono(OverheadScenario.NamespaceBody.class)
			.map(OverheadScenario.NamespaceBody::namespace);
	}

}
