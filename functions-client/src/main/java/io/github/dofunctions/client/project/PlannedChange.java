package io.github.dofunctions.client.project;

import java.util.List;

/**
 * One line of a {@link ProjectPlan}: what happens, or happened, to a package, function or
 * trigger, and what differs. Never holds an environment value: the environment is named
 * by its keys only.
 *
 * @param kind what the change is to
 * @param name the package's, function's ({@code package/name}) or trigger's name
 * @param action what is done
 * @param differences what differs from what is deployed, one phrase each, such as
 * {@code runtime nodejs:14 -> nodejs:18}; empty when unchanged
 */
public record PlannedChange(Kind kind, String name, Action action, List<String> differences) {

	/**
	 * Create a change.
	 * @param kind what the change is to
	 * @param name the name of what changes
	 * @param action what is done
	 * @param differences what differs
	 */
	public PlannedChange {
		differences = List.copyOf(differences);
	}

	/**
	 * What a change is to.
	 */
	public enum Kind {

		/** A package. */
		PACKAGE,

		/** A function. */
		FUNCTION,

		/** A scheduled trigger. */
		TRIGGER

	}

	/**
	 * What a change does.
	 */
	public enum Action {

		/** Created: not deployed yet. */
		CREATE,

		/** Replaced with what the project says. */
		UPDATE,

		/**
		 * Deleted: deployed in the project's packages but no longer declared
		 * ({@code prune}).
		 */
		DELETE,

		/** Left as it is: deployed as the project says. */
		UNCHANGED

	}

}
