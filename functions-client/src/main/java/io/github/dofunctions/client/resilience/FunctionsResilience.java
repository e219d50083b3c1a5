package io.github.dofunctions.client.resilience;

import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

import io.github.dofunctions.client.error.FunctionsException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How the client retries, paces and cuts off its calls. Built with {@link #builder()};
 * {@link #defaults()} is what a {@code FunctionsTemplate} uses for the control-plane API
 * unless told otherwise, {@link #invocationDefaults(String)} what it uses for the calls
 * to one namespace's functions.
 */
public final class FunctionsResilience {

	/** Name of the circuit breaker of the DigitalOcean API. */
	public static final String CIRCUIT_BREAKER_NAME = "do-functions";

	/** Requests per minute DigitalOcean allows a token. */
	public static final int DEFAULT_REQUESTS_PER_MINUTE = 250;

	/**
	 * Start of the name of a namespace's invocation circuit breaker, followed by the
	 * namespace id.
	 */
	public static final String INVOCATION_CIRCUIT_BREAKER_PREFIX = "do-functions-invocations-";

	/** Invocations per minute DigitalOcean allows a namespace. */
	public static final int DEFAULT_INVOCATIONS_PER_MINUTE = 600;

	/** Invocations DigitalOcean runs at once in a namespace. */
	public static final int DEFAULT_INVOCATION_CONCURRENCY = 120;

	/**
	 * The recommended thresholds. Builders start from a copy, on which each threshold may
	 * be set once more (Resilience4j refuses a wait in open state set twice on one
	 * builder).
	 */
	private static final CircuitBreakerConfig RECOMMENDED_CIRCUIT_BREAKER = CircuitBreakerConfig.custom()
		.failureRateThreshold(50)
		.slidingWindowSize(20)
		.minimumNumberOfCalls(10)
		.waitDurationInOpenState(Duration.ofSeconds(30))
		.permittedNumberOfCallsInHalfOpenState(3)
		// Every call records into the window: no lock on that path.
		.slidingWindowSynchronizationStrategy(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
		.build();

	private final @Nullable RetrySettings retry;

	private final @Nullable CircuitBreaker circuitBreaker;

	private final int requestsPerMinute;

	private final Duration budgetWindow;

	private final BudgetStore budgetStore;

	private final int concurrencyLimit;

	private final Duration maxRateLimitWait;

	private final @Nullable Duration callTimeout;

	private final Clock clock;

	private final RandomGenerator random;

	private FunctionsResilience(Builder builder, @Nullable CircuitBreaker circuitBreaker) {
		this.retry = builder.retry;
		this.circuitBreaker = circuitBreaker;
		this.requestsPerMinute = builder.requestsPerMinute;
		this.budgetWindow = builder.budgetWindow;
		this.budgetStore = (builder.budgetStore != null) ? builder.budgetStore : new LocalBudgetStore();
		this.concurrencyLimit = builder.concurrencyLimit;
		this.maxRateLimitWait = builder.maxRateLimitWait;
		this.callTimeout = builder.callTimeout;
		this.clock = builder.clock;
		this.random = builder.random;
	}

	/**
	 * Return the recommended resilience: {@link RetrySettings#defaults() default
	 * retries}, a circuit breaker with {@link #circuitBreakerConfig() the recommended
	 * configuration}, pacing to 250 requests a minute, waits for the rate limit of at
	 * most a minute, and calls bounded to two minutes.
	 * @return the default resilience
	 */
	public static FunctionsResilience defaults() {
		return builder().build();
	}

	/**
	 * Return the recommended resilience of the calls to one namespace's functions and
	 * activations: {@link RetrySettings#defaults() default retries} (which an invocation
	 * gets only when marked idempotent), its own circuit breaker named
	 * {@value #INVOCATION_CIRCUIT_BREAKER_PREFIX} and the namespace id, pacing to 600
	 * requests a minute and at most 120 requests in flight, as DigitalOcean allows a
	 * namespace, and calls bounded to five minutes, the default deadline of an
	 * invocation.
	 * @param namespaceId the namespace
	 * @return the default invocation resilience
	 */
	public static FunctionsResilience invocationDefaults(String namespaceId) {
		return invocationBuilder(namespaceId).build();
	}

	/**
	 * Start building an invocation resilience from {@link #invocationDefaults(String)}.
	 * @param namespaceId the namespace
	 * @return a new builder
	 */
	public static Builder invocationBuilder(String namespaceId) {
		Assert.hasText(namespaceId, "namespaceId must not be null or blank");
		return builder().pacing(DEFAULT_INVOCATIONS_PER_MINUTE)
			.concurrencyLimit(DEFAULT_INVOCATION_CONCURRENCY)
			// As long as a caller waits for a result by default: a demoted call is
			// polled.
			.callTimeout(Duration.ofMinutes(5))
			.circuitBreaker(
					CircuitBreaker.of(INVOCATION_CIRCUIT_BREAKER_PREFIX + namespaceId, circuitBreakerConfig().build()));
	}

	/**
	 * Return a resilience that does nothing: one attempt, no breaker, no pacing, no
	 * deadline.
	 * @return a resilience that adds nothing to a call
	 */
	public static FunctionsResilience none() {
		return builder().noRetry().noCircuitBreaker().noPacing().noConcurrencyLimit().callTimeout(null).build();
	}

	/**
	 * Start building a resilience from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the recommended circuit breaker configuration, which counts only outages
	 * against the API: server errors, timeouts and failed connections, never a
	 * {@code 4xx} or a {@code 429}. It opens when half of the last 20 calls failed (once
	 * 10 were made), stays open 30 seconds, then lets 3 trial calls through; change any
	 * of these on the returned builder. The Spring Boot properties
	 * {@code do.functions.circuit-breaker.*} have the same defaults.
	 * @return a configuration builder with the failure classification and thresholds set
	 */
	public static CircuitBreakerConfig.Builder circuitBreakerConfig() {
		return circuitBreakerConfig(RECOMMENDED_CIRCUIT_BREAKER);
	}

	/**
	 * Return a configuration like the given one, but with this client's failure
	 * classification, for a breaker whose thresholds the application configured.
	 * @param base the configuration whose thresholds to keep
	 * @return a configuration builder with the failure classification set
	 */
	public static CircuitBreakerConfig.Builder circuitBreakerConfig(CircuitBreakerConfig base) {
		return CircuitBreakerConfig.from(base).recordException(FunctionsResilience::isOutage);
	}

	/**
	 * Return how failed calls are retried.
	 * @return the retry settings, or {@code null} if calls are never retried
	 */
	public @Nullable RetrySettings retry() {
		return this.retry;
	}

	/**
	 * Return the circuit breaker calls go through.
	 * @return the circuit breaker, or {@code null} if calls go through none
	 */
	public @Nullable CircuitBreaker circuitBreaker() {
		return this.circuitBreaker;
	}

	/**
	 * Return the client-side budget of requests a window (a minute, unless
	 * {@link Builder#budget(int, Duration) set otherwise}).
	 * @return the budget, or {@code 0} if requests are not paced
	 */
	public int requestsPerMinute() {
		return this.requestsPerMinute;
	}

	/**
	 * Return the sliding window the budget counts requests in.
	 * @return the window, a minute by default
	 */
	public Duration budgetWindow() {
		return this.budgetWindow;
	}

	/**
	 * Return where the budget's bookings are kept.
	 * @return the store
	 */
	public BudgetStore budgetStore() {
		return this.budgetStore;
	}

	/**
	 * Return how many requests may be in flight at once.
	 * @return the limit, or {@code 0} for no limit
	 */
	public int concurrencyLimit() {
		return this.concurrencyLimit;
	}

	/**
	 * Return the longest a call waits for the rate limit before it fails.
	 * @return the longest wait
	 */
	public Duration maxRateLimitWait() {
		return this.maxRateLimitWait;
	}

	/**
	 * Return the deadline of a whole call, attempts and waits included.
	 * @return the deadline, or {@code null} for none
	 */
	public @Nullable Duration callTimeout() {
		return this.callTimeout;
	}

	/**
	 * Return the clock the calls read {@code retry-after} dates and budget windows with.
	 * @return the clock, the system UTC clock unless the builder set one
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * Return the source of the backoff's jitter.
	 * @return the random generator the builder's {@code jitter} set, or the default one
	 */
	public RandomGenerator random() {
		return this.random;
	}

	/**
	 * Whether a failure speaks of the API's health, and counts against the circuit
	 * breaker: server errors, timeouts and connection failures. A {@code 4xx} or a
	 * {@code 429} is an answer from a working API, and a full connection pool is this
	 * application's own state.
	 */
	private static boolean isOutage(Throwable ex) {
		if (!(ex instanceof FunctionsException failure)) {
			return false;
		}
		return switch (failure.kind()) {
			case SERVER_ERROR, TIMEOUT, CONNECTION_FAILED -> true;
			case REFUSED, RATE_LIMITED, CLIENT_RATE_LIMITED, INVALID_RESPONSE, BREAKER_OPEN, FUNCTION_FAILED,
					ORPHANED_ACCESS_KEY, CONNECTION_POOL_EXHAUSTED ->
				false;
		};
	}

	/**
	 * Builds a {@link FunctionsResilience}, starting from the defaults.
	 */
	public static final class Builder {

		private @Nullable RetrySettings retry = RetrySettings.defaults();

		private @Nullable CircuitBreaker circuitBreaker;

		private boolean defaultCircuitBreaker = true;

		private int requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;

		private Duration budgetWindow = Duration.ofMinutes(1);

		private @Nullable BudgetStore budgetStore;

		private int concurrencyLimit;

		private Duration maxRateLimitWait = Duration.ofMinutes(1);

		private @Nullable Duration callTimeout = Duration.ofMinutes(2);

		private Clock clock = Clock.systemUTC();

		// java.util.Random: safe from every thread a call retries on, and found
		// without a service lookup, which on Java 17 uses the context class loader
		// (RandomGenerator.getDefault() fails inside a Maven plugin's class realm).
		private RandomGenerator random = new Random();

		private Builder() {
		}

		/**
		 * Retry failed calls as the settings say.
		 * @param retry the retry settings
		 * @return this builder
		 */
		public Builder retry(RetrySettings retry) {
			Assert.notNull(retry, "retry must not be null");
			this.retry = retry;
			return this;
		}

		/**
		 * Never retry: each call makes one attempt.
		 * @return this builder
		 */
		public Builder noRetry() {
			this.retry = null;
			return this;
		}

		/**
		 * Send calls through the given circuit breaker. Its configuration should classify
		 * failures as {@link #circuitBreakerConfig()} does.
		 * @param circuitBreaker the circuit breaker
		 * @return this builder
		 */
		public Builder circuitBreaker(CircuitBreaker circuitBreaker) {
			Assert.notNull(circuitBreaker, "circuitBreaker must not be null");
			this.circuitBreaker = circuitBreaker;
			this.defaultCircuitBreaker = false;
			return this;
		}

		/**
		 * Send calls through no circuit breaker.
		 * @return this builder
		 */
		public Builder noCircuitBreaker() {
			this.circuitBreaker = null;
			this.defaultCircuitBreaker = false;
			return this;
		}

		/**
		 * Hold calls to at most the given number of requests in any sliding minute, as
		 * DigitalOcean counts them: a call under the budget leaves at once, the others
		 * wait for a slot, in order. With several instances on one token, share the
		 * budget through a shared {@link #budgetStore(BudgetStore) store}.
		 * @param requestsPerMinute the budget, 250 by default
		 * @return this builder
		 */
		public Builder pacing(int requestsPerMinute) {
			return budget(requestsPerMinute, Duration.ofMinutes(1));
		}

		/**
		 * Hold calls to at most the given number of requests in any sliding window, such
		 * as a minute shortened for a test or a benchmark.
		 * @param requests the most requests in any window
		 * @param window the length of the window
		 * @return this builder
		 */
		public Builder budget(int requests, Duration window) {
			Assert.isTrue(requests > 0, "requestsPerMinute must be positive");
			Assert.isTrue(window != null && !window.isNegative() && !window.isZero(), "window must be positive");
			this.requestsPerMinute = requests;
			this.budgetWindow = window;
			return this;
		}

		/**
		 * Keep the bookings of the budget in the given store, for example one shared by
		 * every instance that uses the token.
		 * @param budgetStore the store, a {@link LocalBudgetStore} by default
		 * @return this builder
		 */
		public Builder budgetStore(BudgetStore budgetStore) {
			Assert.notNull(budgetStore, "budgetStore must not be null");
			this.budgetStore = budgetStore;
			return this;
		}

		/**
		 * Send calls as they come, with no client-side budget and no hold when the hourly
		 * budget is spent.
		 * @return this builder
		 */
		public Builder noPacing() {
			this.requestsPerMinute = 0;
			return this;
		}

		/**
		 * Let at most the given number of invocations run at once; the others wait, in
		 * order, for one to end. A blocking invocation the platform demoted (answered
		 * {@code 202}) counts until its activation has ended, as the platform counts it.
		 * Other calls are never held by it.
		 * @param concurrencyLimit the limit; none by default, 120 for invocations
		 * @return this builder
		 */
		public Builder concurrencyLimit(int concurrencyLimit) {
			Assert.isTrue(concurrencyLimit > 0, "concurrencyLimit must be positive");
			this.concurrencyLimit = concurrencyLimit;
			return this;
		}

		/**
		 * Send requests however many are in flight.
		 * @return this builder
		 */
		public Builder noConcurrencyLimit() {
			this.concurrencyLimit = 0;
			return this;
		}

		/**
		 * Set the longest a call waits for the rate limit, whether told to by a
		 * {@code 429} or by pacing. A longer wait fails the call at once with a
		 * {@link io.github.dofunctions.client.error.FunctionsRateLimitException}.
		 * @param maxRateLimitWait the cap, one minute by default
		 * @return this builder
		 */
		public Builder maxRateLimitWait(Duration maxRateLimitWait) {
			Assert.isTrue(maxRateLimitWait != null && !maxRateLimitWait.isNegative(),
					"maxRateLimitWait must not be negative");
			this.maxRateLimitWait = maxRateLimitWait;
			return this;
		}

		/**
		 * Set the deadline of a whole call: every attempt, wait and lookup together.
		 * @param callTimeout the deadline, two minutes by default, or {@code null} for
		 * none
		 * @return this builder
		 */
		public Builder callTimeout(@Nullable Duration callTimeout) {
			Assert.isTrue(callTimeout == null || (!callTimeout.isNegative() && !callTimeout.isZero()),
					"callTimeout must be positive");
			this.callTimeout = callTimeout;
			return this;
		}

		/**
		 * Set the clock that rate-limit reset times are compared with.
		 * @param clock the clock, the system UTC clock by default
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "clock must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Set the source of the random part of each wait.
		 * @param random the random generator
		 * @return this builder
		 */
		public Builder jitter(RandomGenerator random) {
			Assert.notNull(random, "random must not be null");
			this.random = random;
			return this;
		}

		/**
		 * Build the resilience.
		 * @return the resilience
		 */
		public FunctionsResilience build() {
			CircuitBreaker breaker = this.defaultCircuitBreaker
					? CircuitBreaker.of(CIRCUIT_BREAKER_NAME, circuitBreakerConfig().build()) : this.circuitBreaker;
			return new FunctionsResilience(this, breaker);
		}

	}

}
