package io.github.dofunctions.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a call in a closed loop: a number of lanes, each starting the next call when the
 * last one ends, for a while. Latency is recorded from subscription to completion.
 */
final class LoadDriver {

	private LoadDriver() {
	}

	static Result run(Supplier<Mono<?>> call, int concurrency, Duration warmUp, Duration measured) {
		drive(call, concurrency, warmUp, new ConcurrentHistogram(3), new AtomicLong());
		Histogram latencies = new ConcurrentHistogram(3);
		AtomicLong failures = new AtomicLong();
		long started = System.nanoTime();
		long calls = drive(call, concurrency, measured, latencies, failures);
		double seconds = (System.nanoTime() - started) / 1e9;
		return new Result(calls / seconds, latencies.getValueAtPercentile(50) / 1000.0,
				latencies.getValueAtPercentile(99) / 1000.0, calls, failures.get());
	}

	private static long drive(Supplier<Mono<?>> call, int concurrency, Duration duration, Histogram latencies,
			AtomicLong failures) {
		long deadline = System.nanoTime() + duration.toNanos();
		AtomicLong calls = new AtomicLong();
		Flux.range(0, concurrency).flatMap((lane) -> Mono.defer(() -> {
			long start = System.nanoTime();
			return call.get().doOnSuccess((value) -> {
				latencies.recordValue((System.nanoTime() - start) / 1000);
				calls.incrementAndGet();
			}).onErrorResume((ex) -> {
				failures.incrementAndGet();
				return Mono.empty();
			});
		}).repeat(() -> System.nanoTime() < deadline).then(), concurrency).blockLast(duration.plusMinutes(1));
		return calls.get();
	}

	/**
	 * What a run measured.
	 *
	 * @param throughput calls completed per second
	 * @param p50Millis median latency
	 * @param p99Millis 99th percentile latency
	 * @param calls calls completed
	 * @param failures calls that failed
	 */
	record Result(double throughput, double p50Millis, double p99Millis, long calls, long failures) {

	}

}
