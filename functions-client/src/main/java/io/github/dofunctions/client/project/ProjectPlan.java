package io.github.dofunctions.client.project;

import java.util.ArrayList;
import java.util.List;

/**
 * What applying a project would do, per package, function and trigger: read it as data
 * ({@link #changes()}) or print it ({@link #toTable()}). Made by
 * {@link ProjectDeployer#plan}, which sends no write; applied by
 * {@link ProjectDeployer#apply(ProjectPlan)}. Holds no environment value.
 */
public final class ProjectPlan {

	private final String namespaceId;

	private final List<PlannedChange> changes;

	private final List<ProjectSteps.Step> steps;

	ProjectPlan(String namespaceId, List<ProjectSteps.Step> steps) {
		this.namespaceId = namespaceId;
		this.steps = List.copyOf(steps);
		this.changes = this.steps.stream().map(ProjectSteps.Step::change).toList();
	}

	/**
	 * Return the namespace the plan was made for.
	 * @return the namespace id
	 */
	public String namespaceId() {
		return this.namespaceId;
	}

	/**
	 * Return every change, unchanged items included, in the order they are applied:
	 * packages, functions, triggers, then deletions.
	 * @return the changes
	 */
	public List<PlannedChange> changes() {
		return this.changes;
	}

	/**
	 * Return whether applying the plan would write anything.
	 * @return whether a change is not {@link PlannedChange.Action#UNCHANGED}
	 */
	public boolean hasChanges() {
		return this.changes.stream().anyMatch((change) -> change.action() != PlannedChange.Action.UNCHANGED);
	}

	List<ProjectSteps.Step> steps() {
		return this.steps;
	}

	/**
	 * Return the plan as a text table: kind, name, action and what differs, one line per
	 * change.
	 * @return the table, ending with a line that counts the changes
	 */
	public String toTable() {
		return table(this.changes) + summary(this.changes);
	}

	static String table(List<PlannedChange> changes) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "KIND", "NAME", "ACTION", "CHANGES" });
		for (PlannedChange change : changes) {
			rows.add(new String[] { change.kind().name().toLowerCase(java.util.Locale.ROOT), change.name(),
					change.action().name().toLowerCase(java.util.Locale.ROOT),
					String.join("; ", change.differences()) });
		}
		int[] widths = new int[3];
		for (String[] row : rows) {
			for (int i = 0; i < 3; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder table = new StringBuilder();
		for (String[] row : rows) {
			for (int i = 0; i < 3; i++) {
				table.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
			}
			table.append(row[3]).append(System.lineSeparator());
		}
		return table.toString();
	}

	private static String summary(List<PlannedChange> changes) {
		long create = count(changes, PlannedChange.Action.CREATE);
		long update = count(changes, PlannedChange.Action.UPDATE);
		long delete = count(changes, PlannedChange.Action.DELETE);
		long unchanged = count(changes, PlannedChange.Action.UNCHANGED);
		return create + " to create, " + update + " to update, " + delete + " to delete, " + unchanged + " unchanged"
				+ System.lineSeparator();
	}

	private static long count(List<PlannedChange> changes, PlannedChange.Action action) {
		return changes.stream().filter((change) -> change.action() == action).count();
	}

	@Override
	public String toString() {
		return "ProjectPlan[namespaceId=" + this.namespaceId + ", changes=" + this.changes + "]";
	}

}
