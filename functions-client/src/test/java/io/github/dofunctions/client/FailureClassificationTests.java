package io.github.dofunctions.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.github.dofunctions.client.error.FailureKind;
import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.error.FunctionInvocationTimeoutException;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsConnectionPoolException;
import io.github.dofunctions.client.error.FunctionsException;
import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsOrphanedAccessKeyException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.error.FunctionsUnavailableException;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.observation.CallOutcome;
import io.github.dofunctions.client.observation.RetryReason;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure the client raises, sorted once by its kind: whether it is retried, may
 * have been acted on, counts against the circuit breaker, and how metrics name it.
 */
class FailureClassificationTests {

	static Stream<Arguments> failures() {
		return Stream.of(
				// failure, kind, transient, may have acted, outage, outcome
				Arguments.of(new FunctionsNotFoundException("getNamespace", "not_found", "gone", "r1"),
						FailureKind.REFUSED, false, false, false, CallOutcome.CLIENT_ERROR),
				Arguments.of(new FunctionsApiException("getNamespace", 418, "teapot", "no", "r1"), FailureKind.REFUSED,
						false, false, false, CallOutcome.CLIENT_ERROR),
				Arguments.of(
						new FunctionsRateLimitException("getNamespace", "too_many_requests", "slow down", "r1",
								Duration.ofSeconds(3), null),
						FailureKind.RATE_LIMITED, true, false, false, CallOutcome.RATE_LIMITED),
				Arguments.of(FunctionsRateLimitException.notSent("getNamespace", "held", null, null),
						FailureKind.CLIENT_RATE_LIMITED, false, false, false, CallOutcome.RATE_LIMITED),
				Arguments.of(new FunctionsServerException("getNamespace", 503, "unavailable", "down", "r1"),
						FailureKind.SERVER_ERROR, true, true, true, CallOutcome.SERVER_ERROR),
				Arguments.of(new FunctionsServerException("getNamespace", 501, "not_implemented", "no", "r1"),
						FailureKind.SERVER_ERROR, false, true, true, CallOutcome.SERVER_ERROR),
				Arguments.of(new FunctionsInvalidResponseException("getNamespace", 200, "body is empty", "r1", null),
						FailureKind.INVALID_RESPONSE, false, false, false, CallOutcome.INVALID_RESPONSE),
				Arguments.of(new FunctionsTimeoutException("getNamespace", "no answer", new TimeoutException()),
						FailureKind.TIMEOUT, true, true, true, CallOutcome.TIMEOUT),
				Arguments.of(new FunctionInvocationTimeoutException("invoke", "hello", "a1", Duration.ofSeconds(1)),
						FailureKind.TIMEOUT, true, true, true, CallOutcome.TIMEOUT),
				Arguments.of(new FunctionsConnectionException("getNamespace", "refused", false, new ConnectException()),
						FailureKind.CONNECTION_FAILED, true, false, true, CallOutcome.CONNECTION_ERROR),
				Arguments.of(new FunctionsConnectionException("getNamespace", "reset", true, new ConnectException()),
						FailureKind.CONNECTION_FAILED, true, true, true, CallOutcome.CONNECTION_ERROR),
				Arguments.of(new FunctionsConnectionPoolException("getNamespace", "pool full", new TimeoutException()),
						FailureKind.CONNECTION_POOL_EXHAUSTED, true, false, false, CallOutcome.CONNECTION_ERROR),
				Arguments.of(new FunctionsUnavailableException("getNamespace", "do-functions", null),
						FailureKind.BREAKER_OPEN, false, false, false, CallOutcome.UNAVAILABLE),
				Arguments.of(
						new FunctionInvocationException("invoke", "hello",
								new Activation("a1", null, "hello", null, null, null, Activation.APPLICATION_ERROR,
										false, null, List.of())),
						FailureKind.FUNCTION_FAILED, false, false, false, CallOutcome.UNKNOWN),
				Arguments.of(
						new FunctionsOrphanedAccessKeyException("createAccessKey",
								new AccessKey("dof_v1_1", "ci", null, null, null, null), new ConnectException()),
						FailureKind.ORPHANED_ACCESS_KEY, false, false, false, CallOutcome.UNKNOWN));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("failures")
	void eachFailureIsSortedByItsKind(FunctionsException failure, FailureKind kind, boolean transientFailure,
			boolean mayHaveActed, boolean outage, CallOutcome outcome) {
		assertThat(failure.kind()).isEqualTo(kind);
		assertThat(FailureClassifier.isTransient(failure)).as("transient").isEqualTo(transientFailure);
		assertThat(FailureClassifier.mayHaveActed(failure)).as("may have acted").isEqualTo(mayHaveActed);
		assertThat(FunctionsResilience.circuitBreakerConfig().build().getRecordExceptionPredicate().test(failure))
			.as("outage")
			.isEqualTo(outage);
		assertThat(CallOutcome.of(failure)).isEqualTo(outcome);
	}

	@Test
	void everyKindIsCovered() {
		Set<FailureKind> covered = EnumSet.noneOf(FailureKind.class);
		failures().forEach((arguments) -> covered.add((FailureKind) arguments.get()[1]));

		assertThat(covered).containsExactlyInAnyOrder(FailureKind.values());
	}

	@Test
	void retriesAreNamedByWhatFailed() {
		assertThat(RetryReason
			.of(new FunctionsRateLimitException("getNamespace", "too_many_requests", "slow", null, null, null)))
			.isEqualTo(RetryReason.RATE_LIMIT);
		assertThat(RetryReason.of(new FunctionsServerException("getNamespace", 502, null, null, null)))
			.isEqualTo(RetryReason.SERVER_ERROR);
		assertThat(RetryReason.of(new FunctionsTimeoutException("getNamespace", "no answer", new TimeoutException())))
			.isEqualTo(RetryReason.TIMEOUT);
		assertThat(RetryReason.of(new IllegalStateException("not the client's"))).isEqualTo(RetryReason.CONNECTION);
		assertThat(CallOutcome.of(new IllegalStateException("not the client's"))).isEqualTo(CallOutcome.UNKNOWN);
		assertThat(CallOutcome.of(null)).isEqualTo(CallOutcome.SUCCESS);
	}

}
