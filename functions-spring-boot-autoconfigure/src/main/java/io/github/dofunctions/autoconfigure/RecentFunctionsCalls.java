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
 * reported from what calls saw, never by calling the API. A call only stores its summary;
 * the details are put together when health is asked for.
 */
public class RecentFunctionsCalls implements FunctionsClientListener {

	private final Clock clock;

	private final AtomicReference<@Nullable Dated> lastSuccess = new AtomicReference<>();

	private final AtomicReference<@Nullable Dated> lastError = new AtomicReference<>();

	/**
	 * Create an empty record.
	 * @param clock the clock that dates calls
	 */
	public RecentFunctionsCalls(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onCallCompleted(CallSummary summary) {
		// A function's failure, or an outage of an API host, says nothing of the
		// control-plane API this health reports on.
		if (summary.outcome() == CallOutcome.CANCELLED || summary.operation().isInvocation()) {
			return;
		}
		Dated call = new Dated(this.clock.instant(), summary);
		(summary.outcome() == CallOutcome.SUCCESS ? this.lastSuccess : this.lastError).set(call);
	}

	/**
	 * Return the latest successful call.
	 * @return its time and operation, or {@code null} if none succeeded yet
	 */
	public @Nullable Map<String, Object> lastSuccess() {
		Dated call = this.lastSuccess.get();
		return (call != null) ? call.details(false) : null;
	}

	/**
	 * Return the latest failed call.
	 * @return its time, operation, outcome, status, error id, request id and message, or
	 * {@code null} if none failed yet
	 */
	public @Nullable Map<String, Object> lastError() {
		Dated call = this.lastError.get();
		return (call != null) ? call.details(true) : null;
	}

	private record Dated(Instant time, CallSummary summary) {

		Map<String, Object> details(boolean failure) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("time", this.time.toString());
			details.put("operation", this.summary.operation().operationName());
			if (!failure) {
				return details;
			}
			details.put("outcome", this.summary.outcome().name());
			if (this.summary.status() > 0) {
				details.put("status", this.summary.status());
			}
			if (this.summary.error() instanceof FunctionsApiException api && api.errorId() != null) {
				details.put("errorId", api.errorId());
			}
			if (this.summary.requestId() != null) {
				details.put("requestId", this.summary.requestId());
			}
			if (this.summary.error() != null) {
				// The client's messages carry DigitalOcean's message, never a credential.
				details.put("message", String.valueOf(this.summary.error().getMessage()));
			}
			return details;
		}

	}

}
