package io.github.dofunctions.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.dofunctions.client.model.Activation;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the functions API host: activation records (times in epoch milliseconds,
 * the outcome in a nested {@code response}), activation ids and logs.
 */
final class ActivationRecords {

	private ActivationRecords() {
	}

	/**
	 * An activation record, as invocations, {@code GET activations/{id}} and listings
	 * answer it.
	 */
	record ActivationRecord(@JsonProperty("activationId") @Nullable String activationId,
			@JsonProperty("namespace") @Nullable String namespace, @JsonProperty("name") @Nullable String name,
			@JsonProperty("start") @Nullable Long start, @JsonProperty("end") @Nullable Long end,
			@JsonProperty("duration") @Nullable Long duration,
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
			ActivationResponse outcome = (this.response != null) ? this.response
					: new ActivationResponse(null, null, null);
			return new Activation(this.activationId, this.namespace, this.name, instant(this.start),
					instant(this.end), (this.duration != null) ? Duration.ofMillis(this.duration) : null,
					outcome.status(), Boolean.TRUE.equals(outcome.success()), outcome.result(), this.logs);
		}

		private static @Nullable Instant instant(@Nullable Long epochMillis) {
			return (epochMillis != null) ? Instant.ofEpochMilli(epochMillis) : null;
		}

	}

	/**
	 * How an activation ended, and what it returned: also the answer of
	 * {@code GET activations/{id}/result}.
	 */
	record ActivationResponse(@JsonProperty("status") @Nullable String status,
			@JsonProperty("success") @Nullable Boolean success,
			@JsonProperty("result") @Nullable Map<String, Object> result) {

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
