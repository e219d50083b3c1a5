package io.github.dofunctions.sample;

import java.time.Instant;
import java.util.Map;

import io.github.dofunctions.client.model.ScheduledDetails;
import io.github.dofunctions.client.model.ScheduledRuns;
import io.github.dofunctions.client.model.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * A scheduled job as the service shows it.
 *
 * @param name trigger name
 * @param function function it fires
 * @param cron five-field cron expression, in UTC
 * @param body parameters sent on each run
 * @param enabled whether it fires
 * @param lastRunAt last run, if any
 * @param nextRunAt next run, if any
 */
public record TriggerView(String name, @Nullable String function, @Nullable String cron,
		@Nullable Map<String, @Nullable Object> body, boolean enabled, @Nullable Instant lastRunAt,
		@Nullable Instant nextRunAt) {

	static TriggerView of(Trigger trigger) {
		ScheduledDetails details = trigger.scheduledDetails();
		ScheduledRuns runs = trigger.scheduledRuns();
		return new TriggerView(trigger.name(), trigger.function(), (details != null) ? details.cron() : null,
				(details != null) ? details.body() : null, Boolean.TRUE.equals(trigger.isEnabled()),
				(runs != null) ? runs.lastRunAt() : null, (runs != null) ? runs.nextRunAt() : null);
	}

}
