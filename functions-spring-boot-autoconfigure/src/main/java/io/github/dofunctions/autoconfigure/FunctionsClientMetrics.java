package io.github.dofunctions.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.github.dofunctions.client.observation.RetryReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The client's meters, beside the {@code do.functions.client.calls} observation and
 * WebClient's {@code http.client.requests}: retries by reason, {@code 429}s received,
 * time spent waiting for pacing, and the hourly budget the latest answer reported. Every
 * tag is an operation name or a reason: never an id.
 */
public class FunctionsClientMetrics implements FunctionsClientListener {

	/** Counter of retries, tagged {@code operation} and {@code reason}. */
	public static final String RETRIES = "do.functions.client.retries";

	/** Counter of {@code 429} answers, tagged {@code operation}. */
	public static final String RATE_LIMITED = "do.functions.client.rate-limited";

	/** Timer of waits for a pacing slot, tagged {@code operation}. */
	public static final String PACING_WAIT = "do.functions.client.pacing.wait";

	/** Gauge of the requests allowed per hour. */
	public static final String RATE_LIMIT_LIMIT = "do.functions.client.rate-limit.limit";

	/** Gauge of the requests left in the hour. */
	public static final String RATE_LIMIT_REMAINING = "do.functions.client.rate-limit.remaining";

	/** Gauge of the seconds until the oldest counted request frees a slot. */
	public static final String RATE_LIMIT_RESET = "do.functions.client.rate-limit.reset";

	private final MeterRegistry registry;

	/**
	 * Create the meters.
	 * @param registry the registry to publish them to
	 * @param rateLimit what the latest answer said of the hourly budget, read when a
	 * gauge is
	 */
	public FunctionsClientMetrics(MeterRegistry registry, Supplier<RateLimit> rateLimit) {
		this.registry = registry;
		gauge(RATE_LIMIT_LIMIT, "Requests allowed per hour, as the latest answer said", rateLimit, RateLimit::limit);
		gauge(RATE_LIMIT_REMAINING, "Requests left in the hour, as the latest answer said", rateLimit,
				RateLimit::remaining);
		Gauge.builder(RATE_LIMIT_RESET, () -> secondsUntilReset(rateLimit.get()))
			.description("Seconds until the oldest counted request frees a slot")
			.baseUnit("seconds")
			.register(registry);
	}

	private void gauge(String name, String description, Supplier<RateLimit> rateLimit,
			Function<RateLimit, Integer> value) {
		Gauge.builder(name, () -> {
			Integer current = value.apply(rateLimit.get());
			return (current != null) ? current : Double.NaN;
		}).description(description).register(this.registry);
	}

	private static double secondsUntilReset(RateLimit rateLimit) {
		Instant reset = rateLimit.reset();
		if (reset == null) {
			return Double.NaN;
		}
		return Math.max(0, Duration.between(Instant.now(), reset).toMillis() / 1000.0);
	}

	@Override
	public void onRetry(ApiOperation operation, RetryReason reason, Duration wait) {
		Counter.builder(RETRIES)
			.description("Attempts of calls that are tried again")
			.tag("operation", operation.operationName())
			.tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
			.register(this.registry)
			.increment();
	}

	@Override
	public void onRateLimited(ApiOperation operation) {
		Counter.builder(RATE_LIMITED)
			.description("Answers 429 Too Many Requests")
			.tag("operation", operation.operationName())
			.register(this.registry)
			.increment();
	}

	@Override
	public void onPacingWait(ApiOperation operation, Duration wait) {
		Timer.builder(PACING_WAIT)
			.description("Time requests wait for their slot in the rate limit")
			.tag("operation", operation.operationName())
			.register(this.registry)
			.record(wait);
	}

}
