package io.github.dofunctions.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.dofunctions.client.error.FailureKind;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.error.FunctionsUnavailableException;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.observation.CallOutcome;
import io.github.dofunctions.client.observation.CallSummary;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.github.dofunctions.client.observation.RetryReason;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The resilience of the calls of one client, as one Reactor operator per call, applied to
 * the operation's request with {@code transformDeferred} as resilience4j-reactor applies
 * its own: Retry( CircuitBreaker( Concurrency limit( Pacing( timed HTTP call ) ) ) ),
 * within the call's deadline. Each subscription to the request is one attempt; the call's
 * state reaches the {@link ApiExchange} through the subscriber's context. The concurrency
 * limit applies only when the resilience sets one, and only to invocations.
 * <p>
 * A call that succeeds at once runs one timer: its attempt's, the response timeout or the
 * time left to the deadline if shorter. The deadline has no timer of its own: each wait
 * (for the budget, for a concurrency permit, before a retry) is bounded by the time left
 * ({@link CallDeadline}).
 * <p>
 * The retry policy is a Spring {@link RetryPolicy}: which failures to retry, how many
 * attempts, and the exponential backoff bound. It is applied with Reactor's
 * {@code retryWhen}, from the first failure on, so no thread ever blocks or sleeps.
 */
final class ResilientCalls {

	/**
	 * How long before the start of a call a resource found by a {@link CreateLookup} may
	 * have been created and still count as the call's work: room for the difference
	 * between this machine's clock and DigitalOcean's.
	 */
	static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(2);

	/** Stands for a cancelled call where an error is expected. */
	private static final Throwable CANCELLED = new CancellationException("cancelled");

	/** Name of the observation of each call. */
	static final String CALLS_OBSERVATION = "do.functions.client.calls";

	private static final Log logger = LogFactory.getLog(ResilientCalls.class);

	private final FunctionsResilience resilience;

	private final Duration responseTimeout;

	private final FunctionsClientListener listener;

	private final ObservationRegistry observations;

	private final @Nullable RequestBudget budget;

	private final @Nullable ConcurrencyLimit concurrency;

	private final RetryDelays delays;

	private final @Nullable RetryPolicy safeToRepeat;

	private final @Nullable RetryPolicy notSafeToRepeat;

	/**
	 * Create the calls of one client.
	 * @param resilience how to retry, pace and cut off calls
	 * @param rateLimit what the latest answer of the API said of its hourly budget
	 */
	ResilientCalls(FunctionsResilience resilience, RateLimitState rateLimit) {
		this(resilience, rateLimit, FunctionsTemplate.DEFAULT_RESPONSE_TIMEOUT);
	}

	/**
	 * Create the calls of one client whose attempts have the given response timeout.
	 * @param resilience how to retry, pace and cut off calls
	 * @param rateLimit what the latest answer of the API said of its hourly budget
	 * @param responseTimeout how long one attempt may take, until its whole answer has
	 * come
	 */
	ResilientCalls(FunctionsResilience resilience, RateLimitState rateLimit, Duration responseTimeout) {
		this(resilience, rateLimit, () -> "default", FunctionsClientListener.NONE, ObservationRegistry.NOOP,
				responseTimeout);
	}

	/**
	 * Create the calls of one client, reporting what they do, with a budget whose scope
	 * is named.
	 * @param resilience how to retry, pace and cut off calls
	 * @param rateLimit what the latest answer of the API said of its hourly budget
	 * @param budgetScope what the budget counts in its store, asked at each booking: a
	 * hash of the token for the control plane, the namespace for its functions; never a
	 * secret
	 * @param listener told of retries, rate limits, pacing waits and completed calls
	 * @param observations where each call is observed as {@value #CALLS_OBSERVATION}
	 * @param responseTimeout how long one attempt may take, until its whole answer has
	 * come: the connector's own read timeout, where it has one, may time less (the JDK
	 * client times only the headers before JDK 26, JDK-8208693)
	 */
	ResilientCalls(FunctionsResilience resilience, RateLimitState rateLimit, Supplier<String> budgetScope,
			FunctionsClientListener listener, ObservationRegistry observations, Duration responseTimeout) {
		this.resilience = resilience;
		this.responseTimeout = responseTimeout;
		this.listener = listener;
		this.observations = observations;
		this.budget = (resilience.requestsPerMinute() > 0) ? new RequestBudget(resilience.budgetStore(), budgetScope,
				resilience.requestsPerMinute(), resilience.budgetWindow(), rateLimit, resilience.maxRateLimitWait(),
				resilience.clock(), listener) : null;
		this.concurrency = (resilience.concurrencyLimit() > 0) ? new ConcurrencyLimit(resilience.concurrencyLimit())
				: null;
		this.delays = new RetryDelays(resilience.clock(), resilience.random());
		RetrySettings retry = resilience.retry();
		this.safeToRepeat = (retry != null) ? policy(retry, FailureClassifier::isTransient) : null;
		this.notSafeToRepeat = (retry != null)
				? policy(retry, (ex) -> FailureClassifier.isTransient(ex) && !FailureClassifier.mayHaveActed(ex))
				: null;
	}

	private static RetryPolicy policy(RetrySettings retry, Predicate<Throwable> retryable) {
		return RetryPolicy.builder()
			.maxRetries(retry.maxAttempts() - 1)
			.delay(retry.initialBackoff())
			.multiplier(retry.multiplier())
			.maxDelay(retry.maxBackoff())
			.predicate(retryable)
			.build();
	}

	/**
	 * Return the resilience of a call that has no create to protect (any GET, PUT or
	 * DELETE), as one operator: {@code request.transformDeferred(calls.call(operation))}.
	 * Each subscription to the request sends one attempt. A DELETE that answers
	 * {@code 404} after an earlier attempt of the same call may have acted completes
	 * empty.
	 * @param <T> the result
	 * @param operation the operation
	 * @return the operator that adds retries, circuit breaker, pacing and deadline
	 */
	<T> Function<Mono<T>, Mono<T>> call(ApiOperation operation) {
		return call(operation, operation.isIdempotent());
	}

	/**
	 * Return the resilience of a call that may be sent again after a failure that the
	 * server may have acted on only if the caller says so, such as an invocation of a
	 * function marked idempotent.
	 * @param <T> the result
	 * @param operation the operation
	 * @param repeatable whether the request may be sent again after a server error, a
	 * timeout or a broken connection
	 * @return the operator that adds retries, circuit breaker, pacing and deadline
	 */
	<T> Function<Mono<T>, Mono<T>> call(ApiOperation operation, boolean repeatable) {
		return (request) -> run(operation, request, null, repeatable);
	}

	/**
	 * Return the resilience of a create (a POST). When an attempt ends without a clear
	 * answer (no answer, or a {@code 5xx}), the next attempt first looks for what the
	 * lost one may have created, and only creates if it finds nothing: nothing is ever
	 * created twice.
	 * @param <T> the created resource
	 * @param operation the operation
	 * @param lookup finds what an earlier attempt created
	 * @return the operator that adds retries, circuit breaker, pacing and deadline
	 */
	<T> Function<Mono<T>, Mono<T>> create(ApiOperation operation, CreateLookup<T> lookup) {
		return (request) -> run(operation, request, lookup, true);
	}

	/**
	 * The call's state travels in the subscriber's context, under
	 * {@code AnswerListener.class}, to the exchange that reads each answer: no attempt
	 * copies anything to carry it.
	 */
	private <T> Mono<T> run(ApiOperation operation, Mono<T> request, @Nullable CreateLookup<T> lookup,
			boolean repeatable) {
		return Mono.defer(() -> {
			CallState state = new CallState(operation, this.resilience.clock().instant(),
					this.resilience.callTimeout());
			Observation observation = Observation.createNotStarted(CALLS_OBSERVATION, this.observations)
				.contextualName("do-functions " + operation.operationName())
				.lowCardinalityKeyValue("operation", operation.operationName())
				.lowCardinalityKeyValue("method", operation.method().name())
				.start();
			Mono<T> oneAttempt = Mono.defer(() -> nextAttempt(operation, request, lookup, state))
				.transform((mono) -> throughCircuitBreaker(operation, mono))
				.onErrorResume(FunctionsNotFoundException.class,
						(ex) -> (HttpMethod.DELETE.equals(operation.method()) && state.lostAnswer != null)
								? Mono.empty() : Mono.error(ex))
				.doOnError((ex) -> {
					state.lastFailure = ex;
					if (FailureClassifier.mayHaveActed(ex)) {
						state.lostAnswer = ex;
					}
					if (ex instanceof FunctionsException failure && failure.kind() == FailureKind.RATE_LIMITED) {
						this.listener.onRateLimited(operation);
					}
				});
			RetryPolicy policy = repeatable ? this.safeToRepeat : this.notSafeToRepeat;
			Mono<T> retried = (policy != null) ? retried(operation, policy, oneAttempt, state) : oneAttempt;
			if (lookup != null) {
				retried = retried.onErrorMap((ex) -> lostAnswerFirst(ex, state));
			}
			return retried.doOnSuccess((value) -> complete(operation, state, observation, null))
				.doOnError((ex) -> complete(operation, state, observation, ex))
				.doOnCancel(() -> complete(operation, state, observation, CANCELLED))
				.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation)
					.put(AnswerListener.class, state));
		});
	}

	/**
	 * A create whose answer was lost and whose lookup was then never sent (the breaker
	 * open, the budget or the connection pool refusing it) may have created: say that,
	 * with the refusal of the lookup kept as suppressed, rather than "not sent", which
	 * describes only the lookup.
	 */
	private static Throwable lostAnswerFirst(Throwable failure, CallState state) {
		Throwable lostAnswer = state.lostAnswer;
		if (lostAnswer == null || lostAnswer == failure || !notSent(failure)) {
			return failure;
		}
		lostAnswer.addSuppressed(failure);
		return lostAnswer;
	}

	private static boolean notSent(Throwable failure) {
		if (!(failure instanceof FunctionsException refused)) {
			return false;
		}
		return switch (refused.kind()) {
			case BREAKER_OPEN, CLIENT_RATE_LIMITED, CONNECTION_POOL_EXHAUSTED -> true;
			case TIMEOUT, CONNECTION_FAILED -> !((FunctionsConnectionException) refused).requestSent();
			default -> false;
		};
	}

	/**
	 * Report a call once, however it ended: observation, listener, one DEBUG line.
	 */
	private void complete(ApiOperation operation, CallState state, Observation observation, @Nullable Throwable error) {
		if (!state.completed.compareAndSet(false, true)) {
			return;
		}
		Duration duration = Duration.ofNanos(System.nanoTime() - state.startedNanos);
		CallOutcome outcome = (error == CANCELLED) ? CallOutcome.CANCELLED : CallOutcome.of(error);
		Throwable failure = (error == CANCELLED) ? null : error;
		int status = (failure instanceof FunctionsApiException api) ? api.status()
				: (failure != null) ? 0 : state.lastStatus;
		String requestId = (failure instanceof FunctionsApiException api) ? api.requestId()
				: (failure != null) ? null : state.lastRequestId;
		observation.lowCardinalityKeyValue("outcome", outcome.name());
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
		CallSummary summary = new CallSummary(operation, outcome, state.attempts.get(), duration, status, requestId,
				failure);
		this.listener.onCallCompleted(summary);
		if (logger.isDebugEnabled()) {
			logger.debug(describe(summary));
		}
	}

	private static String describe(CallSummary summary) {
		ApiOperation operation = summary.operation();
		return operation.operationName() + " " + operation.method().name() + " " + operation.uriTemplate() + " -> "
				+ ((summary.status() > 0) ? summary.status() + " " : "") + summary.outcome() + " after "
				+ summary.attempts() + ((summary.attempts() == 1) ? " attempt" : " attempts") + " in "
				+ summary.duration().toMillis() + " ms"
				+ ((summary.requestId() != null) ? ", request_id " + summary.requestId() : "");
	}

	private <T> Mono<T> nextAttempt(ApiOperation operation, Mono<T> request, @Nullable CreateLookup<T> lookup,
			CallState state) {
		Mono<T> create = limited(operation, paced(operation, state.counted(timed(operation, request, state)), state),
				state);
		Throwable lostAnswer = state.lostAnswer;
		if (lookup == null || lostAnswer == null) {
			return create;
		}
		Instant earliest = state.startedAt.minus(CLOCK_SKEW_ALLOWANCE);
		Mono<T> find = Mono.defer(() -> lookup.find(earliest, lostAnswer));
		return limited(operation, paced(operation, state.counted(timed(operation, find, state)), state), state)
			.switchIfEmpty(create);
	}

	/**
	 * Time one attempt, from its start until the last byte of its answer, with one timer:
	 * the response timeout, or the time left to the call's deadline when that is shorter.
	 */
	private <T> Mono<T> timed(ApiOperation operation, Mono<T> request, CallState state) {
		return Mono.defer(() -> {
			long left = state.millisLeft();
			if (left <= 0) {
				return Mono.error(state.exceeded());
			}
			if (left < this.responseTimeout.toMillis()) {
				return request.timeout(Duration.ofMillis(left), Mono.error(state::exceeded));
			}
			return request.timeout(this.responseTimeout,
					Mono.error(() -> TransportErrors.translate(operation, new TimeoutException(
							"the answer was not complete after " + this.responseTimeout.toMillis() + " ms"))));
		});
	}

	/**
	 * Hold a request until the rate-limit budget lets it go. On an API host only
	 * invocations count: DigitalOcean documents "up to 600 invocations per minute" a
	 * namespace (docs.digitalocean.com/products/functions/details/limits) and OpenWhisk
	 * throttles the {@code ACTIVATE} right on actions alone (apache/openwhisk,
	 * {@code Entitlement.checkUserThrottle}), so reading activations, the polls of a
	 * demoted invocation among them, never waits for the budget. Every request to the
	 * control-plane API counts.
	 */
	private <T> Mono<T> paced(ApiOperation operation, Mono<T> request, CallDeadline deadline) {
		boolean counted = !operation.isInvocation() || runsAFunction(operation);
		return (this.budget != null && counted) ? this.budget.pace(operation, request, deadline) : request;
	}

	/**
	 * Hold an invocation until fewer than the concurrency limit are in flight. The permit
	 * is taken before pacing, so that requests leave in the order their slots were
	 * booked. Only invocations count, as the platform counts only activations: reading
	 * activations (the polls of a demoted invocation among them) never waits for one.
	 */
	private <T> Mono<T> limited(ApiOperation operation, Mono<T> request, CallDeadline deadline) {
		return (this.concurrency != null && runsAFunction(operation)) ? this.concurrency.run(request, deadline)
				: request;
	}

	/**
	 * Whether a call runs a function, which the platform counts: an invocation, by the
	 * API or at a web URL.
	 */
	private static boolean runsAFunction(ApiOperation operation) {
		return operation == ApiOperation.INVOKE_FUNCTION || operation == ApiOperation.INVOKE_WEB_FUNCTION;
	}

	private <T> Mono<T> throughCircuitBreaker(ApiOperation operation, Mono<T> attempt) {
		CircuitBreaker breaker = this.resilience.circuitBreaker();
		if (breaker == null) {
			return attempt;
		}
		return attempt.transformDeferred(CircuitBreakerOperator.of(breaker))
			.onErrorMap(CallNotPermittedException.class,
					(ex) -> new FunctionsUnavailableException(operation.operationName(), breaker.getName(), ex));
	}

	/**
	 * Retry a call after its first attempt failed, as the policy says. The retry
	 * machinery (its companion publisher and backoff state) is made only then: a call
	 * that succeeds at its first attempt pays for none of it.
	 */
	private <T> Mono<T> retried(ApiOperation operation, RetryPolicy policy, Mono<T> attempt, CallState state) {
		return attempt.onErrorResume((first) -> {
			BackOffExecution backOff = policy.getBackOff().start();
			return backOff(operation, policy, backOff, first, state)
				.then(attempt.retryWhen(Retry.from((signals) -> signals
					.concatMap((signal) -> backOff(operation, policy, backOff, signal.failure(), state)))));
		});
	}

	/**
	 * Apply the policy to one failure: it decides whether the failure is retried and
	 * bounds the backoff; a {@code 429} waits as the server says, or fails at once when
	 * that is too long.
	 * @return the wait before the next attempt, or the failure
	 */
	private Mono<Long> backOff(ApiOperation operation, RetryPolicy policy, BackOffExecution backOff, Throwable failure,
			CallState state) {
		long bound = backOff.nextBackOff();
		if (state.pastDeadline || !policy.shouldRetry(failure) || bound == BackOffExecution.STOP) {
			return Mono.error(failure);
		}
		Duration wait = this.delays.fullJitter(bound);
		if (failure instanceof FunctionsRateLimitException rateLimited) {
			Duration asked = this.delays.rateLimitWait(rateLimited);
			if (asked != null && asked.compareTo(this.resilience.maxRateLimitWait()) > 0) {
				return Mono.error(failure);
			}
			wait = (asked != null) ? this.delays.withSmallJitter(asked) : wait;
		}
		long left = state.millisLeft();
		if (wait.toMillis() >= left) {
			// The next attempt would come after the deadline: the call ends at it.
			return Mono.delay(Duration.ofMillis(Math.max(left, 0))).then(Mono.error(state::exceeded));
		}
		this.listener.onRetry(operation, RetryReason.of(failure), wait);
		return Mono.delay(wait);
	}

	/**
	 * The failure of a call whose deadline passed. It may have acted only if an attempt
	 * was in flight or one failed after it may have reached the server; otherwise say so,
	 * with the last attempt's failure as the cause, so that a refused connection retried
	 * until the deadline is not reported as a request the server may have run.
	 */
	private static FunctionsConnectionException timedOut(ApiOperation operation, Duration deadline, CallState state) {
		String name = operation.operationName();
		String timedOut = name + " did not complete within the call timeout of " + deadline;
		if (state.lostAnswer != null || state.inFlight.get() > 0) {
			return new FunctionsTimeoutException(name, timedOut + "; the server may have acted on it",
					new TimeoutException());
		}
		Throwable last = state.lastFailure;
		return new FunctionsConnectionException(name,
				timedOut + "; the server cannot have acted on it"
						+ ((last != null) ? " (last attempt: " + last.getMessage() + ")" : ": nothing was sent"),
				false, (last != null) ? last : new TimeoutException());
	}

	/**
	 * What one call has learned across its attempts, its answers included.
	 */
	private static final class CallState implements AnswerListener, CallDeadline {

		private final ApiOperation operation;

		private final Instant startedAt;

		private final @Nullable Duration callTimeout;

		/** When the deadline passes, in {@link CallDeadline#now()} milliseconds. */
		private final long deadlineAt;

		private volatile boolean pastDeadline;

		private final long startedNanos = System.nanoTime();

		private final AtomicInteger attempts = new AtomicInteger();

		private final AtomicBoolean completed = new AtomicBoolean();

		private volatile @Nullable Throwable lostAnswer;

		private volatile @Nullable Throwable lastFailure;

		private final AtomicInteger inFlight = new AtomicInteger();

		private volatile int lastStatus;

		private volatile @Nullable String lastRequestId;

		CallState(ApiOperation operation, Instant startedAt, @Nullable Duration callTimeout) {
			this.operation = operation;
			this.startedAt = startedAt;
			this.callTimeout = callTimeout;
			this.deadlineAt = (callTimeout != null) ? CallDeadline.now() + callTimeout.toMillis() : Long.MAX_VALUE;
		}

		@Override
		public long millisLeft() {
			return (this.deadlineAt == Long.MAX_VALUE) ? Long.MAX_VALUE : this.deadlineAt - CallDeadline.now();
		}

		@Override
		public Throwable exceeded() {
			this.pastDeadline = true;
			return timedOut(this.operation, Objects.requireNonNull(this.callTimeout), this);
		}

		<T> Mono<T> counted(Mono<T> request) {
			return Mono.defer(() -> {
				this.attempts.incrementAndGet();
				this.inFlight.incrementAndGet();
				// The deadline's failure of an attempt is made while it is in flight.
				return request.doOnTerminate(this.inFlight::decrementAndGet);
			});
		}

		@Override
		public void answered(int status, @Nullable String requestId) {
			this.lastStatus = status;
			this.lastRequestId = requestId;
		}

	}

}
