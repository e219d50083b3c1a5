package io.github.dofunctions.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.dofunctions.client.model.Activation;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the functions API host, as Apache OpenWhisk writes it: activation records
 * (times in epoch milliseconds, the outcome in a nested {@code response}), activation
 * summaries (the outcome as a top-level {@code statusCode}), activation ids and logs.
 */
final class ActivationRecords {

	private ActivationRecords() {
	}

	/**
	 * An activation record, as invocations and {@code GET activations/{id}} answer it, or
	 * an activation summary, as listings do: OpenWhisk lists summaries with a top-level
	 * {@code statusCode} and no {@code response} unless asked for {@code docs=true}
	 * ({@code WhiskActivation.summaryAsJson} in OpenWhisk; doctl reads the status from
	 * {@code statusCode} the same way).
	 */
	record ActivationRecord(@JsonProperty("activationId") @Nullable String activationId,
			@JsonProperty("namespace") @Nullable String namespace, @JsonProperty("name") @Nullable String name,
			@JsonProperty("start") @Nullable Long start, @JsonProperty("end") @Nullable Long end,
			@JsonProperty("duration") @Nullable Long duration, @JsonProperty("statusCode") @Nullable Integer statusCode,
			@JsonProperty("response") @Nullable ActivationResponse response,
			@JsonProperty("logs") @Nullable List<String> logs) {

		/**
		 * Whether the record tells how the activation ended; a running activation's
		 * record, where the platform serves one, does not.
		 */
		boolean hasEnded() {
			return this.activationId != null && this.response != null && this.response.status() != null;
		}

		Activation toActivation() {
			String status;
			boolean success;
			if (this.response != null) {
				status = this.response.status();
				success = Boolean.TRUE.equals(this.response.success());
			}
			else {
				status = statusOf(this.statusCode);
				success = Activation.SUCCESS.equals(status);
			}
			return new Activation(this.activationId, this.namespace, this.name, instant(this.start), instant(this.end),
					(this.duration != null) ? Duration.ofMillis(this.duration) : null, status, success,
					(this.response != null) ? this.response.result() : null, this.logs);
		}

		/**
		 * The status an OpenWhisk status code stands for
		 * ({@code ActivationResponse.messageForCode}): 0 success, 1 application error, 2
		 * action developer error, 3 whisk internal error.
		 */
		private static @Nullable String statusOf(@Nullable Integer statusCode) {
			if (statusCode == null) {
				return null;
			}
			return switch (statusCode) {
				case 0 -> Activation.SUCCESS;
				case 1 -> Activation.APPLICATION_ERROR;
				case 2 -> Activation.DEVELOPER_ERROR;
				case 3 -> Activation.INTERNAL_ERROR;
				default -> null;
			};
		}

		private static @Nullable Instant instant(@Nullable Long epochMillis) {
			return (epochMillis != null) ? Instant.ofEpochMilli(epochMillis) : null;
		}

	}

	/**
	 * How an activation ended, and what it returned: also the answer of {@code GET
	 * activations/{id}/result}. The result may be any JSON value (OpenWhisk accepts
	 * arrays since 2022, apache/openwhisk#5290).
	 */
	record ActivationResponse(@JsonProperty("status") @Nullable String status,
			@JsonProperty("success") @Nullable Boolean success, @JsonProperty("result") @Nullable Object result) {

	}

	/**
	 * The answer of a call that was accepted but not waited for.
	 */
	record ActivationId(@JsonProperty("activationId") @Nullable String activationId) {

	}

	/**
	 * The answer of {@code GET activations/{id}/logs}.
	 */
	record ActivationLogs(@JsonProperty("logs") @Nullable List<String> logs) {

	}

}
