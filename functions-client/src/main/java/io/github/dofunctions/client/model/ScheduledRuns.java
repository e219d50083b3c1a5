package io.github.dofunctions.client.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * When a scheduled trigger last ran and will next run.
 *
 * @param lastRunAt time of the last run, {@code null} if it has never run
 * @param nextRunAt time of the next run, {@code null} if none is planned (for example
 * while the trigger is disabled)
 */
public record ScheduledRuns(@JsonProperty("last_run_at") @Nullable Instant lastRunAt,
		@JsonProperty("next_run_at") @Nullable Instant nextRunAt) {

}
