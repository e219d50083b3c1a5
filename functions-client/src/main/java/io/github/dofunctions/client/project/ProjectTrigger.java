package io.github.dofunctions.client.project;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A scheduled trigger of a doctl project's function ({@code sourceType: scheduler}).
 *
 * @param name the trigger's name, unique in the namespace
 * @param function the function it invokes, {@code package/name} or {@code name}
 * @param cron when it fires: five fields, UTC ({@code sourceDetails.cron})
 * @param body the parameters it invokes the function with
 * ({@code sourceDetails.withBody}), or {@code null}
 * @param enabled whether it fires ({@code enabled}, true unless said otherwise)
 */
public record ProjectTrigger(String name, String function, String cron, @Nullable Map<String, Object> body,
		boolean enabled) {

}
