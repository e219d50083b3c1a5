package io.github.dofunctions.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.observation.CallOutcome;
import io.github.dofunctions.client.observation.CallSummary;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the latest successful and failed calls, for the health indicator: health is
 * reported from what calls saw, never by calling the API.
 */
public class RecentFunctionsCalls implements FunctionsClientListener {

	private final Clock clock;

	private final AtomicReference<@Nullable Map<String, Object>> lastSuccess = new AtomicReference<>();

	private final AtomicReference<@Nullable Map<String, Object>> lastError = new AtomicReference<>();

	/**
	 * Create an empty record.
	 * @param clock the clock that dates calls
	 */
	public RecentFunctionsCalls(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onCallCompleted(CallSummary summary) {
		if (summary.outcome() == CallOutcome.CANCELLED) {
			return;
		}
		Map<String, Object> call = new LinkedHashMap<>();
		call.put("time", Instant.now(this.clock).toString());
		call.put("operation", summary.operation().operationName());
		if (summary.outcome() == CallOutcome.SUCCESS) {
			this.lastSuccess.set(call);
			return;
		}
		call.put("outcome", summary.outcome().name());
		if (summary.status() > 0) {
			call.put("status", summary.status());
		}
		if (summary.error() instanceof FunctionsApiException api && api.errorId() != null) {
			call.put("errorId", api.errorId());
		}
		if (summary.requestId() != null) {
			call.put("requestId", summary.requestId());
		}
		if (summary.error() != null) {
			// The client's messages carry DigitalOcean's message, never a credential.
			call.put("message", String.valueOf(summary.error().getMessage()));
		}
		this.lastError.set(call);
	}

	/**
	 * Return the latest successful call.
	 * @return its time and operation, or {@code null} if none succeeded yet
	 */
	public @Nullable Map<String, Object> lastSuccess() {
		return this.lastSuccess.get();
	}

	/**
	 * Return the latest failed call.
	 * @return its time, operation, outcome, status, error id, request id and message, or
	 * {@code null} if none failed yet
	 */
	public @Nullable Map<String, Object> lastError() {
		return this.lastError.get();
	}

}
