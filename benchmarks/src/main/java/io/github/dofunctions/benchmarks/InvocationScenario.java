package io.github.dofunctions.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.InvocationLimits;
import io.github.dofunctions.emulator.Operation;
import io.github.dofunctions.emulator.RateLimits;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Scenario 5: invocations under a namespace's limits, which the emulator enforces as
 * DigitalOcean's API hosts (Apache OpenWhisk) do: invocations per calendar minute and
 * activations in flight, each over the limit answered {@code 429}. Its function runs for
 * a fixed time. The same invocations go through the starter's invoker (its budget and
 * concurrency limit at the namespace's limits, its defaults) and through a client that
 * sends them all and retries {@code 429}s after an exponential backoff.
 */
final class InvocationScenario {

	/** Retries of a {@code 429} by the retrying client. */
	static final int RETRIES = 5;

	private final Sizes sizes;

	InvocationScenario(Sizes sizes) {
		this.sizes = sizes;
	}

	Table run() {
		InvocationLimits limits = this.sizes.limits();
		Table table = new Table("5. Invocations under a namespace's limits: the starter against a retrying client",
				"client", "seconds", "429s / requests", "invocations failed");
		FunctionsEmulator emulator = FunctionsEmulator.builder()
			.rateLimits(RateLimits.unlimited())
			.invocationLimits(limits)
			.build()
			.start();
		try {
			Duration runTime = this.sizes.runTime();
			emulator.registerFunction("work", (call) -> {
				Thread.sleep(runTime.toMillis());
				return Map.of("done", true);
			});
			Run starter = run(emulator, (namespaceId) -> starter(emulator, namespaceId));
			Run retrying = run(emulator, (namespaceId) -> retrying(emulator, namespaceId));
			String name = this.sizes.invocations() + " invocations at concurrency " + this.sizes.concurrency() + ", "
					+ limits.perMinute() + " a minute and " + limits.concurrent() + " at once per namespace, "
					+ "each running " + runTime.toMillis() + " ms";
			table.row("starter", Table.decimal(starter.seconds(), 1), starter.refusedShare(), starter.failed());
			table.row("retrying client", Table.decimal(retrying.seconds(), 1), retrying.refusedShare(),
					retrying.failed());
			double ratio = starter.seconds() / retrying.seconds();
			table.target(name + ": the starter draws no 429, fails nothing and is no later than the retrying client",
					starter.refused() + " answered 429, " + starter.failed() + " failed, " + Table.decimal(ratio, 2)
							+ "x the retrying client's time",
					starter.refused() == 0 && starter.failed() == 0 && ratio <= 1.0);
			return table.note(name + ". Retrying client: WebClient posting blocking invocations with the namespace's "
					+ "access key, retrying a 429 up to " + RETRIES + " times after 1, 2, 4, 8 and 16 s (the "
					+ "exponential backoff users put around openwhisk-client-js, which has none of its own); no "
					+ "budget and no concurrency limit. The emulator counts refused requests in the minute too, as "
					+ "OpenWhisk does.");
		}
		finally {
			emulator.stop();
		}
	}

	/**
	 * Run every invocation from a new namespace, with no request counted yet.
	 */
	private Run run(FunctionsEmulator emulator, Function<String, Function<Integer, Mono<?>>> client) {
		emulator.reset();
		String namespaceId = emulator.state().addNamespace("nyc1", "benchmark").id();
		Function<Integer, Mono<?>> invoke = client.apply(namespaceId);
		AtomicLong failed = new AtomicLong();
		long started = System.nanoTime();
		Flux.range(0, this.sizes.invocations()).flatMap((i) -> invoke.apply(i).onErrorResume((ex) -> {
			failed.incrementAndGet();
			return Mono.empty();
		}), this.sizes.concurrency()).blockLast(Duration.ofMinutes(30));
		double seconds = (System.nanoTime() - started) / 1e9;
		long requests = emulator.journal().count(Operation.INVOKE_FUNCTION);
		long refused = emulator.journal()
			.requests(Operation.INVOKE_FUNCTION)
			.stream()
			.filter((request) -> request.status() == 429)
			.count();
		return new Run(seconds, failed.get(), requests, refused);
	}

	/**
	 * The starter as an application has it: the namespace's invoker with the client's
	 * defaults, which are the namespace's limits, scaled to the emulator's when they
	 * differ.
	 */
	private Function<Integer, Mono<?>> starter(FunctionsEmulator emulator, String namespaceId) {
		InvocationLimits limits = this.sizes.limits();
		FunctionsTemplate template = FunctionsTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.token(emulator.token())
			.invocation(InvocationSettings.builder()
				.resilience((namespace) -> FunctionsResilience.invocationBuilder(namespace)
					.pacing(limits.perMinute())
					.concurrencyLimit(limits.concurrent())
					.maxRateLimitWait(Duration.ofMinutes(5))
					.callTimeout(Duration.ofMinutes(20))
					.build())
				.deadline(Duration.ofMinutes(20))
				.build())
			.build();
		return (i) -> template.invoker(namespaceId).invoke("work", Map.of("i", i));
	}

	/**
	 * Post blocking invocations with an access key made up front through the control
	 * plane, retrying a {@code 429} after 1, 2, 4, 8 and 16 s.
	 */
	private static Function<Integer, Mono<?>> retrying(FunctionsEmulator emulator, String namespaceId) {
		AccessKey key = FunctionsTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.token(emulator.token())
			.build()
			.createAccessKey(namespaceId, CreateAccessKeyRequest.named("benchmark"))
			.block();
		WebClient client = WebClient.builder()
			.baseUrl(emulator.baseUrl())
			.defaultHeaders((headers) -> headers.setBasicAuth(key.id(), key.secret()))
			.build();
		return (i) -> client.post()
			.uri("/api/v1/namespaces/_/actions/work?blocking=true&result=true")
			.bodyValue(Map.of("i", i))
			.retrieve()
			.bodyToMono(String.class)
			.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
				Throwable failure = signal.failure();
				if (signal.totalRetries() >= RETRIES || !(failure instanceof WebClientResponseException response)
						|| response.getStatusCode().value() != 429) {
					return Mono.error(failure);
				}
				return Mono.delay(Duration.ofSeconds(1L << signal.totalRetries()));
			})));
	}

	/**
	 * How big the run is.
	 *
	 * @param invocations the invocations
	 * @param concurrency invocations the load sends at once
	 * @param limits the namespace's limits the emulator enforces
	 * @param runTime how long the function runs
	 */
	record Sizes(int invocations, int concurrency, InvocationLimits limits, Duration runTime) {

		/**
		 * The full run: 2,000 invocations at concurrency 200 under DigitalOcean's limits,
		 * each function running 50 ms.
		 */
		static Sizes full() {
			return new Sizes(2000, 200, InvocationLimits.digitalOcean(), Duration.ofMillis(50));
		}

	}

	/**
	 * What one client's run did.
	 *
	 * @param seconds from the first invocation to the last answer
	 * @param failed invocations that failed
	 * @param requests invocation requests the emulator received
	 * @param refused those it answered {@code 429}
	 */
	record Run(double seconds, long failed, long requests, long refused) {

		String refusedShare() {
			return this.refused + " / " + this.requests + " ("
					+ Table.decimal((this.requests > 0) ? 100.0 * this.refused / this.requests : 0, 1) + "%)";
		}

	}

}
