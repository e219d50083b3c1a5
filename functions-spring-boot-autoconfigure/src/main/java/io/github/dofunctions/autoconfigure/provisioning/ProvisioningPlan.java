package io.github.dofunctions.autoconfigure.provisioning;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.dofunctions.client.model.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FunctionsAdmin} would do, or did, to bring DigitalOcean in line with the
 * declarations: one {@link Change} for each declared namespace and trigger, and for each
 * trigger of a declared namespace that nothing declares, with the reasons. It also lists
 * the problems that keep it from writing anything (a namespace to create with no region,
 * more triggers than the limit). Immutable; {@link #toString()} is one line per change,
 * readable in a log. It also keeps what it saw of the declared namespaces and their
 * triggers ({@link #namespaceId(String)}, {@link #trigger(String, String)}). Never holds
 * a body's values or a namespace's key.
 */
public final class ProvisioningPlan {

	private final List<Change> changes;

	private final List<String> problems;

	private final Map<String, String> namespaceIds;

	private final Map<String, Map<String, Trigger>> triggers;

	ProvisioningPlan(List<Change> changes, List<String> problems) {
		this(changes, problems, new SeenResources());
	}

	ProvisioningPlan(List<Change> changes, List<String> problems, SeenResources seen) {
		this.changes = List.copyOf(changes);
		this.problems = List.copyOf(problems);
		this.namespaceIds = seen.namespaceIds();
		this.triggers = seen.triggers();
	}

	/**
	 * Return every change, unchanged resources included, namespace by namespace, in
	 * declaration order.
	 * @return an unmodifiable list
	 */
	public List<Change> changes() {
		return this.changes;
	}

	/**
	 * Return the changes that are not {@link Action#UNCHANGED}: what differs from the
	 * declarations.
	 * @return an unmodifiable list, empty when DigitalOcean matches the declarations
	 */
	public List<Change> differences() {
		return this.changes.stream().filter((change) -> change.action() != Action.UNCHANGED).toList();
	}

	/**
	 * Return the problems that keep provisioning from writing anything, each naming where
	 * the declaration was made (a property path or a bean).
	 * @return an unmodifiable list, empty if there is none
	 */
	public List<String> problems() {
		return this.problems;
	}

	/**
	 * Return the identifier of a declared namespace, as DigitalOcean showed it when the
	 * plan was made, or provisioning created it.
	 * @param namespace label of the namespace
	 * @return its identifier ({@code fn-...}), or {@code null} if it was missing, or is
	 * not declared
	 */
	public @Nullable String namespaceId(String namespace) {
		return this.namespaceIds.get(namespace);
	}

	/**
	 * Return a trigger of a declared namespace as DigitalOcean showed it when the plan
	 * was made, or as provisioning's write of it answered: its function, schedule,
	 * enabled state and {@linkplain Trigger#scheduledRuns() last and next run}. Its body
	 * is left out.
	 * @param namespace label of the namespace
	 * @param trigger name of the trigger
	 * @return the trigger, or {@code null} if it was missing (or deleted by provisioning)
	 */
	public @Nullable Trigger trigger(String namespace, String trigger) {
		return SeenResources.find(this.triggers, namespace, trigger);
	}

	@Override
	public String toString() {
		String changes = this.changes.stream().map(Change::toString).collect(Collectors.joining("\n  ", "  ", ""));
		return (this.problems.isEmpty()) ? changes
				: changes + this.problems.stream().collect(Collectors.joining("\n  problem: ", "\n  problem: ", ""));
	}

	/**
	 * What is done to one resource.
	 */
	public enum Action {

		/**
		 * Missing: it is created.
		 */
		CREATE,

		/**
		 * A trigger whose schedule, body or enabled state differs: it is updated in
		 * place.
		 */
		UPDATE,

		/**
		 * A trigger that invokes another function, which DigitalOcean cannot change: it
		 * is deleted and created again.
		 */
		RECREATE,

		/**
		 * A trigger nothing declares, with {@code prune} on: it is deleted.
		 */
		DELETE,

		/**
		 * As declared, or left alone (an undeclared trigger without {@code prune}).
		 */
		UNCHANGED,

		/**
		 * A difference provisioning cannot change (a namespace in another region than the
		 * declared one): it fails provisioning.
		 */
		CONFLICT;

		String done() {
			return switch (this) {
				case CREATE -> "created";
				case UPDATE -> "updated";
				case RECREATE -> "recreated";
				case DELETE -> "deleted";
				case UNCHANGED -> "unchanged";
				case CONFLICT -> "conflict";
			};
		}

	}

	/**
	 * One resource, and what is done to it.
	 *
	 * @param namespace label of the namespace
	 * @param trigger name of the trigger, or {@code null} for the namespace itself
	 * @param action what is done
	 * @param reasons why, one short sentence each; never empty
	 */
	public record Change(String namespace, @Nullable String trigger, Action action, List<String> reasons) {

		/**
		 * Create a change.
		 * @param namespace label of the namespace
		 * @param trigger name of the trigger, or {@code null}
		 * @param action what is done
		 * @param reasons why (copied)
		 */
		public Change {
			reasons = List.copyOf(reasons);
		}

		/**
		 * Name the resource, as in
		 * {@code trigger 'nightly-report' of namespace 'reports'}.
		 * @return the resource's description
		 */
		public String resource() {
			return (this.trigger != null) ? "trigger '" + this.trigger + "' of namespace '" + this.namespace + "'"
					: "namespace '" + this.namespace + "'";
		}

		@Override
		public String toString() {
			return this.action.name().toLowerCase(java.util.Locale.ROOT) + " " + resource() + ": "
					+ String.join("; ", this.reasons);
		}

		/**
		 * Describe the change as done, for the log.
		 */
		String describeDone() {
			return this.action.done() + " " + resource() + ": " + String.join("; ", this.reasons);
		}

	}

}
