package io.github.dofunctions.autoconfigure.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.client.model.ScheduledDetails;
import io.github.dofunctions.client.model.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FunctionsAdmin} saw of the declared namespaces at DigitalOcean while it
 * planned or provisioned: each namespace's id and its triggers, as read or as a write
 * answered. Trigger bodies are dropped when they are kept: their values may be
 * credentials. Collected under {@link FunctionsAdmin}'s lock, read through an immutable
 * {@link ProvisioningPlan}.
 */
final class SeenResources {

	private final Map<String, String> namespaceIds = new LinkedHashMap<>();

	private final Map<String, Map<String, Trigger>> triggers = new LinkedHashMap<>();

	synchronized void namespace(String label, String namespaceId, List<Trigger> triggers) {
		this.namespaceIds.put(label, namespaceId);
		triggers.forEach((trigger) -> trigger(label, trigger));
	}

	synchronized void trigger(String label, Trigger trigger) {
		ScheduledDetails details = trigger.scheduledDetails();
		Trigger bodiless = new Trigger(trigger.namespace(), trigger.name(), trigger.function(), trigger.type(),
				trigger.isEnabled(), trigger.createdAt(), trigger.updatedAt(),
				(details != null) ? new ScheduledDetails(details.cron(), null) : null, trigger.scheduledRuns());
		this.triggers.computeIfAbsent(label, (key) -> new LinkedHashMap<>()).put(trigger.name(), bodiless);
	}

	synchronized void removeTrigger(String label, String name) {
		Map<String, Trigger> ofNamespace = this.triggers.get(label);
		if (ofNamespace != null) {
			ofNamespace.remove(name);
		}
	}

	synchronized Map<String, String> namespaceIds() {
		return Map.copyOf(this.namespaceIds);
	}

	synchronized Map<String, Map<String, Trigger>> triggers() {
		Map<String, Map<String, Trigger>> copy = new LinkedHashMap<>();
		this.triggers.forEach((label, byName) -> copy.put(label, Map.copyOf(byName)));
		return Map.copyOf(copy);
	}

	static @Nullable Trigger find(Map<String, Map<String, Trigger>> triggers, String label, String name) {
		Map<String, Trigger> ofNamespace = triggers.get(label);
		return (ofNamespace != null) ? ofNamespace.get(name) : null;
	}

}
