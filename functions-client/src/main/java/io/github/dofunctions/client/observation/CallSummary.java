package io.github.dofunctions.client.observation;

import java.time.Duration;

import io.github.dofunctions.client.model.ApiOperation;
import org.jspecify.annotations.Nullable;

/**
 * A completed call: every attempt, wait and lookup together.
 *
 * @param operation the operation
 * @param outcome how it ended
 * @param attempts requests sent, lookups of a create included
 * @param duration time from subscription to the end
 * @param status HTTP status of the last answer, {@code 0} if none came
 * @param requestId DigitalOcean's identifier of the last request, if it gave one
 * @param error the error the call ended with, {@code null} on success
 */
public record CallSummary(ApiOperation operation, CallOutcome outcome, int attempts, Duration duration, int status,
		@Nullable String requestId, @Nullable Throwable error) {

}
