package io.github.dofunctions.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.Trigger;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Scenario 1: what the starter costs per call. The same {@code getNamespace} and
 * {@code listTriggers} calls, decoded into the same records, through the starter with its
 * resilience on and off, and through hand-written WebClient code, against the same
 * fixed-body server, at concurrency 1 and 64.
 */
final class OverheadScenario {

	private final Duration warmUp;

	private final Duration measured;

	private final int rounds;

	OverheadScenario(Duration warmUp, Duration measured, int rounds) {
		this.warmUp = warmUp;
		this.measured = measured;
		this.rounds = rounds;
	}

	Table run() {
		Table table = new Table("1. Overhead per call (local fixed-body server)", "call", "client", "concurrency",
				"calls/s", "p50 ms", "p99 ms", "vs raw WebClient");
		ConnectionProvider connections = ConnectionProvider.builder("benchmark-overhead").maxConnections(128).build();
		try (FixedBodyServer server = new FixedBodyServer(Duration.ZERO)) {
			WebClient.Builder webClient = WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)));
			FunctionsTemplate resilient = FunctionsTemplate.builder()
				.baseUrl(server.baseUrl())
				.token("t")
				.webClientBuilder(webClient)
				// Every layer on; a budget far above what this machine can send in its
				// window, so that every call books a slot but none waits. A one-second
				// window keeps the bookings held to about one second's calls.
				.resilience(FunctionsResilience.builder().budget(1_000_000, Duration.ofSeconds(1)).build())
				.build();
			FunctionsTemplate plain = FunctionsTemplate.builder()
				.baseUrl(server.baseUrl())
				.token("t")
				.webClientBuilder(webClient)
				.resilience(FunctionsResilience.none())
				.build();
			WebClient raw = webClient.clone()
				.baseUrl(server.baseUrl())
				.defaultHeader("Authorization", "Bearer t")
				.build();
			String id = FixedBodyServer.NAMESPACE_ID;
			double namespaceRatio = measure(table, "getNamespace", () -> resilient.getNamespace(id),
					() -> plain.getNamespace(id),
					() -> raw.get()
						.uri("/v2/functions/namespaces/{namespace_id}", id)
						.retrieve()
						.bodyToMono(NamespaceBody.class)
						.map(NamespaceBody::namespace));
			double triggersRatio = measure(table, "listTriggers", () -> resilient.listTriggers(id).collectList(),
					() -> plain.listTriggers(id).collectList(),
					() -> raw.get()
						.uri("/v2/functions/namespaces/{namespace_id}/triggers", id)
						.retrieve()
						.bodyToMono(TriggerList.class)
						.map(TriggerList::triggers));
			table
				.target("(d) starter, resilience on, at or above 0.95x raw WebClient at concurrency 64, both calls",
						"getNamespace " + Table.decimal(namespaceRatio, 2) + "x, listTriggers "
								+ Table.decimal(triggersRatio, 2) + "x",
						namespaceRatio >= 0.95 && triggersRatio >= 0.95);
		}
		finally {
			connections.disposeLater().block();
		}
		return table.note("Target: the starter with resilience on reaches at least 0.95x raw WebClient throughput at "
				+ "concurrency 64.");
	}

	/**
	 * Measure the three clients in turn, in several short rounds, and keep each client's
	 * median round: on a small machine one round alone moves by several percent with
	 * garbage collection and the JIT.
	 * @return the starter's throughput with resilience on against raw WebClient's, at
	 * concurrency 64
	 */
	private double measure(Table table, String call, Supplier<Mono<?>> resilient, Supplier<Mono<?>> plain,
			Supplier<Mono<?>> raw) {
		double ratio = 0;
		for (int concurrency : new int[] { 1, 64 }) {
			Function<Supplier<Mono<?>>, LoadDriver.Result> run = (client) -> LoadDriver.run(client, concurrency,
					this.warmUp, this.measured);
			List<LoadDriver.Result> rawRounds = new ArrayList<>();
			List<LoadDriver.Result> plainRounds = new ArrayList<>();
			List<LoadDriver.Result> resilientRounds = new ArrayList<>();
			for (int round = 0; round < this.rounds; round++) {
				rawRounds.add(run.apply(raw));
				plainRounds.add(run.apply(plain));
				resilientRounds.add(run.apply(resilient));
			}
			LoadDriver.Result rawResult = median(rawRounds);
			row(table, call, "raw WebClient", concurrency, rawResult, rawResult);
			row(table, call, "starter, resilience off", concurrency, median(plainRounds), rawResult);
			LoadDriver.Result resilientResult = median(resilientRounds);
			row(table, call, "starter, resilience on", concurrency, resilientResult, rawResult);
			ratio = resilientResult.throughput() / rawResult.throughput();
		}
		// The last concurrency measured: 64.
		return ratio;
	}

	private static LoadDriver.Result median(List<LoadDriver.Result> rounds) {
		List<LoadDriver.Result> sorted = rounds.stream()
			.sorted(Comparator.comparingDouble(LoadDriver.Result::throughput))
			.toList();
		return sorted.get(sorted.size() / 2);
	}

	private static void row(Table table, String call, String client, int concurrency, LoadDriver.Result result,
			LoadDriver.Result raw) {
		if (result.failures() > 0) {
			// The throughput of failing calls says nothing of the client's cost.
			throw new IllegalStateException(client + " failed " + result.failures() + " " + call + " calls");
		}
		table.row(call, client, concurrency, Table.decimal(result.throughput(), 0),
				Table.decimal(result.p50Millis(), 2), Table.decimal(result.p99Millis(), 2),
				Table.decimal(result.throughput() / raw.throughput(), 2) + "x");
	}

	/** The namespace answer, as hand-written code would decode it. */
	record NamespaceBody(@JsonProperty("namespace") Namespace namespace) {

	}

	/** The trigger list answer, as hand-written code would decode it. */
	record TriggerList(@JsonProperty("triggers") List<Trigger> triggers) {

	}

}
