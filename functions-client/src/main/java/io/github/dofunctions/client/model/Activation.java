package io.github.dofunctions.client.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One run of a function: what it was given to do is not kept, what it answered and logged
 * is.
 * <p>
 * Written as JSON in the shape of the other models, snake_case names and times as the
 * application's mapper writes instants, with {@code duration} in milliseconds as
 * OpenWhisk's activation records give it.
 *
 * @param activationId identifier of the activation
 * @param namespace the namespace it ran in, as the functions API names it
 * @param name name of the function, without its package
 * @param start when it started, or {@code null} if the record does not say
 * @param end when it ended, or {@code null} if the record does not say
 * @param duration how long it ran, or {@code null} if the record does not say
 * @param status how it ended: {@value #SUCCESS}, {@value #APPLICATION_ERROR},
 * {@value #DEVELOPER_ERROR} or {@value #INTERNAL_ERROR}; {@code null} if the record does
 * not say
 * @param success whether it succeeded
 * @param result what the function returned, as the JSON value reads in Java: a
 * {@code Map} for an object (on failure, usually with an {@code error} field), a
 * {@code List}, {@code String}, {@code Number} or {@code Boolean}; {@code null} for JSON
 * {@code null} and in a listing, which carries no results
 * @param logs lines the function logged; empty in a listing, which carries no logs
 */
public record Activation(@JsonProperty("activation_id") String activationId,
		@JsonProperty("namespace") @Nullable String namespace, @JsonProperty("name") @Nullable String name,
		@JsonProperty("start") @Nullable Instant start, @JsonProperty("end") @Nullable Instant end,
		@JsonProperty("duration") @JsonFormat(shape = JsonFormat.Shape.NUMBER_INT, without = {
				JsonFormat.Feature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS,
				JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS }) @Nullable Duration duration,
		@JsonProperty("status") @Nullable String status, @JsonProperty("success") boolean success,
		@JsonProperty("result") @Nullable Object result, @JsonProperty("logs") List<String> logs){

	/** Status of an activation that succeeded. */
	public static final String SUCCESS = "success";

	/** Status of an activation whose function reported an error. */
	public static final String APPLICATION_ERROR = "application error";

	/**
	 * Status of an activation whose function crashed, timed out or answered no JSON
	 * object.
	 */
	public static final String DEVELOPER_ERROR = "action developer error";

	/** Status of an activation the platform failed to run. */
	public static final String INTERNAL_ERROR = "whisk internal error";

	/**
	 * Create an activation.
	 * @param activationId identifier of the activation
	 * @param namespace the namespace it ran in
	 * @param name name of the function
	 * @param start when it started
	 * @param end when it ended
	 * @param duration how long it ran
	 * @param status how it ended
	 * @param success whether it succeeded
	 * @param result what the function returned, {@code null} for none
	 * @param logs lines the function logged, {@code null} for none
	 */
	public Activation {
		logs = (logs != null) ? List.copyOf(logs) : List.of();
	}

	/**
	 * Return the {@code error} field of the result, as a failed function reports it.
	 * @return the error, or {@code null} if the result is not an object with an
	 * {@code error} field
	 */
	public @Nullable Object error() {
		return (this.result instanceof Map<?, ?> fields) ? fields.get("error") : null;
	}

}
