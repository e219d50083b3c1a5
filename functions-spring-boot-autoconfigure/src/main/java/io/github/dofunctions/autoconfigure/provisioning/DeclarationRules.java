package io.github.dofunctions.autoconfigure.provisioning;

import io.github.dofunctions.client.model.ClientRules;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a declaration's fields, each one function that returns why a value breaks
 * it, or {@code null}: the builders throw with the reason after the field's name, the
 * properties report it against the property. They are the client's own rules, so that a
 * declaration is refused before start-up for what the client would refuse when it sends
 * it.
 */
final class DeclarationRules {

	private DeclarationRules() {
	}

	static void check(String name, @Nullable String reason) {
		if (reason != null) {
			throw new IllegalArgumentException(name + " " + reason);
		}
	}

	static @Nullable String label(@Nullable String label) {
		return ClientRules.label(label);
	}

	static @Nullable String region(@Nullable String region) {
		return (region != null && region.isBlank()) ? "must not be blank (leave it unset to accept any region)" : null;
	}

	static @Nullable String functions(@Nullable String location) {
		return (location != null && location.isBlank()) ? "must not be blank (leave it unset to deploy no functions)"
				: null;
	}

	static @Nullable String triggerName(@Nullable String name) {
		return ClientRules.triggerName(name);
	}

	static @Nullable String function(@Nullable String function) {
		return ClientRules.functionName(function);
	}

	/**
	 * The client's check of a schedule, as {@code createTrigger} runs it: five fields, in
	 * standard Unix syntax, that fire at least once more.
	 */
	static @Nullable String cron(@Nullable String cron) {
		if (cron == null || cron.isBlank()) {
			return "must not be null or blank";
		}
		try {
			UpdateTriggerRequest.reschedule(cron, null);
			return null;
		}
		catch (IllegalArgumentException ex) {
			String reason = String.valueOf(ex.getMessage());
			return reason.startsWith("cron ") ? reason.substring("cron ".length()) : reason;
		}
	}

	static @Nullable String triggerLimit(int limit) {
		return (limit < 1) ? "must be at least 1" : null;
	}

	static @Nullable String triggerCount(int count, int limit) {
		return (count > limit) ? "declares " + count + " triggers, more than the " + limit
				+ " DigitalOcean allows in a namespace (do.functions.provisioning.trigger-limit)" : null;
	}

}
