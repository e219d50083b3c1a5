package io.github.dofunctions.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What {@code updateTrigger} sends: the fields to change, each left out when
 * {@code null}.
 * <p>
 * {@code scheduledDetails} replaces the whole schedule: its cron expression and its body.
 *
 * @param isEnabled whether the trigger fires, or {@code null} to leave it as it is
 * @param scheduledDetails new schedule and parameters, or {@code null} to leave them as
 * they are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateTriggerRequest(@JsonProperty("is_enabled") @Nullable Boolean isEnabled,
		@JsonProperty("scheduled_details") @Nullable ScheduledDetails scheduledDetails) {

	/**
	 * Create a request, checking its arguments.
	 * @param isEnabled new enabled state, or {@code null}
	 * @param scheduledDetails new schedule, or {@code null}
	 * @throws IllegalArgumentException if both are {@code null} or the cron expression is
	 * invalid
	 */
	public UpdateTriggerRequest {
		Assert.isTrue(isEnabled != null || scheduledDetails != null,
				"an update must set isEnabled, scheduledDetails or both");
		if (scheduledDetails != null) {
			Arguments.requireValidSchedule(scheduledDetails, "scheduledDetails");
		}
	}

	/**
	 * Create a request that enables or disables (pauses) the trigger.
	 * @param enabled whether the trigger fires
	 * @return the request
	 */
	public static UpdateTriggerRequest enabled(boolean enabled) {
		return new UpdateTriggerRequest(enabled, null);
	}

	/**
	 * Create a request that replaces the schedule and its parameters.
	 * @param cron five-field cron expression, in UTC
	 * @param body parameters sent on each run, or {@code null} for none
	 * @return the request
	 * @throws IllegalArgumentException if the cron expression is invalid
	 */
	public static UpdateTriggerRequest reschedule(String cron, @Nullable Map<String, @Nullable Object> body) {
		return new UpdateTriggerRequest(null, new ScheduledDetails(cron, body));
	}

}
