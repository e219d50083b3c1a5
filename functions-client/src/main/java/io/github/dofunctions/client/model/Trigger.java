package io.github.dofunctions.client.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A trigger that invokes a function of a namespace, today always on a schedule.
 *
 * @param namespace identifier of the namespace the trigger belongs to
 * @param name name of the trigger, unique in its namespace
 * @param function name of the function it invokes, including its package if any
 * @param type kind of trigger; {@code SCHEDULED} is the only one the API offers
 * @param isEnabled whether the trigger fires
 * @param createdAt when the trigger was created
 * @param updatedAt when the trigger was last changed
 * @param scheduledDetails schedule and parameters of a scheduled trigger
 * @param scheduledRuns last and next run of a scheduled trigger
 */
public record Trigger(@JsonProperty("namespace") @Nullable String namespace, @JsonProperty("name") String name,
		@JsonProperty("function") @Nullable String function, @JsonProperty("type") @Nullable String type,
		@JsonProperty("is_enabled") @Nullable Boolean isEnabled,
		@JsonProperty("created_at") @Nullable Instant createdAt,
		@JsonProperty("updated_at") @Nullable Instant updatedAt,
		@JsonProperty("scheduled_details") @Nullable ScheduledDetails scheduledDetails,
		@JsonProperty("scheduled_runs") @Nullable ScheduledRuns scheduledRuns) {

	/**
	 * The only trigger type the API offers: a trigger that fires on a cron schedule.
	 */
	public static final String SCHEDULED = "SCHEDULED";

}
