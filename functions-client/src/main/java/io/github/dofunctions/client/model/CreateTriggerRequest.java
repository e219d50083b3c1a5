package io.github.dofunctions.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What {@code createTrigger} sends.
 *
 * @param name name of the trigger, unique in its namespace
 * @param function name of the function to invoke, including its package if any
 * @param type kind of trigger; must be {@link Trigger#SCHEDULED}
 * @param isEnabled whether the trigger fires once created
 * @param scheduledDetails schedule and parameters
 */
public record CreateTriggerRequest(@JsonProperty("name") String name, @JsonProperty("function") String function,
		@JsonProperty("type") String type, @JsonProperty("is_enabled") boolean isEnabled,
		@JsonProperty("scheduled_details") ScheduledDetails scheduledDetails) {

	/**
	 * Create a request, checking its arguments.
	 * @param name trigger name, not blank
	 * @param function function name, not blank
	 * @param type {@link Trigger#SCHEDULED}
	 * @param isEnabled whether the trigger fires once created
	 * @param scheduledDetails schedule with a valid five-field cron expression
	 * @throws IllegalArgumentException if an argument is missing or invalid
	 */
	public CreateTriggerRequest {
		ClientRules.check("name " + ((name != null) ? Arguments.quote(name) : "null"), ClientRules.triggerName(name));
		ClientRules.check("function " + ((function != null) ? Arguments.quote(function) : "null"),
				ClientRules.functionName(function));
		Assert.isTrue(Trigger.SCHEDULED.equals(type),
				() -> "type '" + type + "' is not supported: the only trigger type is " + Trigger.SCHEDULED);
		Arguments.requireValidSchedule(scheduledDetails, "scheduledDetails");
	}

	/**
	 * Create an enabled scheduled trigger.
	 * @param name trigger name, not blank
	 * @param function function to invoke, not blank
	 * @param cron five-field cron expression, in UTC
	 * @param body parameters sent to the function on each run, or {@code null}
	 * @return the request
	 * @throws IllegalArgumentException if an argument is missing or invalid
	 */
	public static CreateTriggerRequest scheduled(String name, String function, String cron,
			@Nullable Map<String, @Nullable Object> body) {
		return new CreateTriggerRequest(name, function, Trigger.SCHEDULED, true, new ScheduledDetails(cron, body));
	}

	/**
	 * Create an enabled scheduled trigger that sends no parameters.
	 * @param name trigger name, not blank
	 * @param function function to invoke, not blank
	 * @param cron five-field cron expression, in UTC
	 * @return the request
	 * @throws IllegalArgumentException if an argument is missing or invalid
	 */
	public static CreateTriggerRequest scheduled(String name, String function, String cron) {
		return scheduled(name, function, cron, null);
	}

	/**
	 * Return a copy of this request with the trigger created disabled or enabled.
	 * @param enabled whether the trigger fires once created
	 * @return the new request
	 */
	public CreateTriggerRequest withEnabled(boolean enabled) {
		return new CreateTriggerRequest(this.name, this.function, this.type, enabled, this.scheduledDetails);
	}

}
