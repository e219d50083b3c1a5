package io.github.dofunctions.sample;

import java.util.List;

/**
 * What provisioning found and did.
 *
 * @param namespaceId identifier of the namespace
 * @param namespaceLabel its label
 * @param namespaceCreated whether provisioning created it
 * @param functionChanges how many of the jobs' packages and functions were deployed (on
 * the emulator only)
 * @param triggers what became of each declared trigger
 */
public record ProvisioningReport(String namespaceId, String namespaceLabel, boolean namespaceCreated,
		int functionChanges, List<TriggerOutcome> triggers) {

	/**
	 * Return how many declared triggers ended with the given outcome.
	 * @param outcome the outcome
	 * @return the count
	 */
	public long count(TriggerOutcome.Action outcome) {
		return this.triggers.stream().filter((trigger) -> trigger.action() == outcome).count();
	}

	/**
	 * Return whether provisioning changed anything at DigitalOcean.
	 * @return {@code false} if everything was already as declared
	 */
	public boolean changedAnything() {
		return this.namespaceCreated || this.functionChanges > 0
				|| count(TriggerOutcome.Action.UNCHANGED) < this.triggers.size();
	}

	String summary() {
		return "namespace '" + this.namespaceLabel + "' (" + this.namespaceId + ") "
				+ (this.namespaceCreated ? "created" : "found") + "; functions: " + this.functionChanges
				+ " deployed; triggers: " + count(TriggerOutcome.Action.CREATED) + " created, "
				+ count(TriggerOutcome.Action.UPDATED) + " updated, " + count(TriggerOutcome.Action.RECREATED)
				+ " recreated, " + count(TriggerOutcome.Action.UNCHANGED) + " unchanged";
	}

	/**
	 * What became of one declared trigger.
	 *
	 * @param name trigger name
	 * @param action what provisioning did
	 */
	public record TriggerOutcome(String name, Action action) {

		/**
		 * What provisioning did to a trigger.
		 */
		public enum Action {

			/** It was missing and was created. */
			CREATED,

			/** Its schedule or parameters had drifted and were put back. */
			UPDATED,

			/** It fired another function, so it was deleted and created again. */
			RECREATED,

			/** It was as declared. */
			UNCHANGED

		}

	}

}
