package io.github.dofunctions.client.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Delays requests so that they stay within the rate limits instead of drawing
 * {@code 429}s: a client-side budget of requests per minute, and a hold on every request
 * while the latest answer said the hourly budget is spent, until it frees a slot.
 * <p>
 * The per-minute budget is a Resilience4j {@link RateLimiter} that hands out one request
 * at a time, evenly spaced: a fixed window would let a full minute's budget through at
 * the end of one window and another at the start of the next, which a sliding count at
 * the server refuses. Requests book their slot and wait for it with a Reactor delay, so a
 * cancelled call never sends its request later.
 */
final class RequestPacer {

	/** How much wider than the budget requests are spaced. */
	static final int SLACK_PERCENT = 2;

	private final @Nullable RateLimiter perMinute;

	private final RateLimitState rateLimit;

	private final Duration maxWait;

	private final Clock clock;

	private final FunctionsClientListener listener;

	RequestPacer(int requestsPerMinute, RateLimitState rateLimit, Duration maxWait, Clock clock,
			FunctionsClientListener listener) {
		this.perMinute = (requestsPerMinute > 0) ? evenlySpaced(requestsPerMinute, maxWait) : null;
		this.rateLimit = rateLimit;
		this.maxWait = maxWait;
		this.clock = clock;
		this.listener = listener;
	}

	private static RateLimiter evenlySpaced(int requestsPerMinute, Duration maxWait) {
		RateLimiterConfig config = RateLimiterConfig.custom()
			.limitForPeriod(1)
			.limitRefreshPeriod(spacing(requestsPerMinute))
			.timeoutDuration(maxWait)
			.build();
		return RateLimiter.of(FunctionsResilience.CIRCUIT_BREAKER_NAME + "-pacing", config);
	}

	/**
	 * Return the time between two requests. Evenly spaced at exactly the budget, a
	 * sliding minute could still count one request too many, and a request delayed by a
	 * millisecond on its way would push a later one into the same minute: spacing them
	 * {@value #SLACK_PERCENT} % wider leaves room for both.
	 */
	static Duration spacing(int requestsPerMinute) {
		long nanos = Duration.ofMinutes(1).toNanos() / requestsPerMinute;
		return Duration.ofNanos(nanos + nanos * SLACK_PERCENT / 100);
	}

	<T> Mono<T> pace(ApiOperation operation, Mono<T> request) {
		RateLimiter limiter = this.perMinute;
		if (limiter == null) {
			return request;
		}
		return Mono.defer(() -> {
			RateLimit latest = this.rateLimit.latest();
			Duration hold = hourlyBudgetHold(latest);
			if (hold.compareTo(this.maxWait) > 0) {
				return Mono.error(tooLong(operation, "the hourly request budget is spent until " + latest.reset(),
						hold, latest.reset()));
			}
			Mono<T> withinMinuteBudget = Mono.defer(() -> reserve(operation, limiter, request));
			if (hold.isZero()) {
				return withinMinuteBudget;
			}
			this.listener.onPacingWait(operation, hold);
			return Mono.delay(hold).then(withinMinuteBudget);
		});
	}

	/**
	 * Book the next free slot of the per-minute budget and send the request then. The
	 * wait is a plain Reactor delay, so cancelling the call cancels the request too.
	 */
	private <T> Mono<T> reserve(ApiOperation operation, RateLimiter limiter, Mono<T> request) {
		long waitNanos = limiter.reservePermission();
		if (waitNanos < 0) {
			return Mono.error(tooLong(operation, "the client-side budget of requests per minute is booked further ahead",
					this.maxWait, null));
		}
		if (waitNanos == 0) {
			return request;
		}
		Duration wait = Duration.ofNanos(waitNanos);
		this.listener.onPacingWait(operation, wait);
		return Mono.delay(wait).then(request);
	}

	private Duration hourlyBudgetHold(RateLimit latest) {
		Integer remaining = latest.remaining();
		Instant reset = latest.reset();
		Instant now = this.clock.instant();
		if (remaining == null || remaining > 0 || reset == null || !reset.isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, reset);
	}

	private FunctionsRateLimitException tooLong(ApiOperation operation, String reason, Duration wait,
			@Nullable Instant resetAt) {
		return new FunctionsRateLimitException(operation.operationName(), FunctionsRateLimitException.CLIENT_RATE_LIMIT,
				"not sent: " + reason + ", which is longer than the wait allowed (max-rate-limit-wait "
						+ this.maxWait + ")",
				null, wait, resetAt);
	}

}
