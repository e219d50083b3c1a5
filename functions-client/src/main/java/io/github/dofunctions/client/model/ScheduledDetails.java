package io.github.dofunctions.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * When a scheduled trigger fires and what it sends to its function.
 *
 * @param cron five-field cron expression, in UTC, for example {@code 0 9 * * 1-5}
 * @param body parameters passed to the function on each run; free-form JSON, may be
 * {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduledDetails(@JsonProperty("cron") String cron,
		@JsonProperty("body") @Nullable Map<String, @Nullable Object> body) {

	/**
	 * Create details that run on the given schedule and send no parameters.
	 * @param cron five-field cron expression
	 * @return the scheduled details
	 */
	public static ScheduledDetails of(String cron) {
		return new ScheduledDetails(cron, null);
	}

}
