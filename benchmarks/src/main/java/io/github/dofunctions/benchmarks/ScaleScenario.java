package io.github.dofunctions.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Scenario 3: many calls in flight at once against a server that answers after 200 ms. A
 * non-blocking client holds them with the same few threads, whatever their number.
 */
final class ScaleScenario {

	private final int[] inFlight;

	ScaleScenario(int... inFlight) {
		this.inFlight = inFlight;
	}

	Table run() {
		Table table = new Table("3. Calls in flight at once, server answering after 200 ms", "calls in flight",
				"time to finish s", "peak live threads", "peak heap MiB", "failed");
		try (FixedBodyServer server = new FixedBodyServer(Duration.ofMillis(200))) {
			for (int calls : this.inFlight) {
				measure(table, server, calls);
			}
		}
		return table.note("Target: no growth of threads with the number of calls in flight. The client holds "
				+ "at most 1,000 connections (the file descriptors of one machine running both ends); the other "
				+ "calls wait for one in the connection pool, not on a thread.");
	}

	private void measure(Table table, FixedBodyServer server, int calls) {
		ConnectionProvider connections = ConnectionProvider.builder("benchmark-scale")
			.maxConnections(1000)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofMinutes(5))
			.build();
		FunctionsTemplate template = FunctionsTemplate.builder()
			.baseUrl(server.baseUrl())
			.token("t")
			.webClientBuilder(
					WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections))))
			.resilience(FunctionsResilience.builder().budget(1_000_000, Duration.ofSeconds(1)).build())
			.build();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		AtomicInteger peakThreads = new AtomicInteger();
		AtomicLong peakHeap = new AtomicLong();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> {
			peakThreads.accumulateAndGet(threads.getThreadCount(), Math::max);
			peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
		}, 0, 10, TimeUnit.MILLISECONDS);
		AtomicLong failed = new AtomicLong();
		long started = System.nanoTime();
		try {
			Flux.range(0, calls)
				.flatMap((i) -> template.getNamespace(FixedBodyServer.NAMESPACE_ID).onErrorResume((ex) -> {
					failed.incrementAndGet();
					return Mono.empty();
				}), calls)
				.blockLast(Duration.ofMinutes(10));
		}
		finally {
			sampler.shutdownNow();
			connections.disposeLater().block();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		// The sampler is a thread of the benchmark, not of the client.
		table.row(calls, Table.decimal(seconds, 2), peakThreads.get() - 1,
				Table.decimal(peakHeap.get() / (1024.0 * 1024.0), 0), failed.get());
	}

}
