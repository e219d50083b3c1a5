package io.github.dofunctions.client.project;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link ProjectDeployer#apply(ProjectPlan)} did: the changes made, in order, and,
 * when one failed, the failure and the changes left, which a second plan and apply
 * finish. What was done stays done.
 */
public final class ApplyReport {

	private final List<PlannedChange> done;

	private final List<PlannedChange> left;

	private final @Nullable RuntimeException failure;

	ApplyReport(List<PlannedChange> done, List<PlannedChange> left, @Nullable RuntimeException failure) {
		this.done = List.copyOf(done);
		this.left = List.copyOf(left);
		this.failure = failure;
	}

	/**
	 * Return the changes made, unchanged items not included.
	 * @return the changes, in the order they were made
	 */
	public List<PlannedChange> done() {
		return this.done;
	}

	/**
	 * Return the changes not made because one failed: the failed one first.
	 * @return the changes left, empty when every change was made
	 */
	public List<PlannedChange> left() {
		return this.left;
	}

	/**
	 * Return why the apply stopped.
	 * @return the failure of the first change that failed, or {@code null}
	 */
	public @Nullable RuntimeException failure() {
		return this.failure;
	}

	/**
	 * Return whether every change was made.
	 * @return whether nothing failed
	 */
	public boolean succeeded() {
		return this.failure == null;
	}

	/**
	 * Return the report as text: the changes made, then, after a failure, its message and
	 * the changes left.
	 * @return the report
	 */
	public String toTable() {
		StringBuilder text = new StringBuilder();
		text.append("Done:").append(System.lineSeparator()).append(ProjectPlan.table(this.done));
		if (this.failure != null) {
			text.append("Failed: ").append(this.failure.getMessage()).append(System.lineSeparator());
			text.append("Left:").append(System.lineSeparator()).append(ProjectPlan.table(this.left));
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return "ApplyReport[done=" + this.done.size() + ", left=" + this.left.size() + ", failure="
				+ ((this.failure != null) ? this.failure.getClass().getSimpleName() : null) + "]";
	}

}
