package io.github.dofunctions.emulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A trigger held by the emulator, as a snapshot.
 *
 * @param namespace identifier of its namespace
 * @param name name, unique in the namespace
 * @param function function it invokes
 * @param enabled whether it fires
 * @param cron five-field cron expression
 * @param body JSON parameters sent on each run, or {@code null}
 * @param createdAt creation time
 * @param updatedAt last change
 * @param nextRunAt next run, {@code null} while disabled or when the cron never matches
 * again
 * @param lastRunAt the time the last run was due, {@code null} until it first fires
 */
public record EmulatedTrigger(String namespace, String name, String function, boolean enabled, String cron,
		@Nullable String body, Instant createdAt, Instant updatedAt, @Nullable Instant nextRunAt,
		@Nullable Instant lastRunAt) {

}
