package io.github.dofunctions.client.project;

/**
 * The steps of a plan: each change and what makes it.
 */
final class ProjectSteps {

	private ProjectSteps() {
	}

	/**
	 * A change and the write that makes it; nothing to run for an unchanged item.
	 */
	record Step(PlannedChange change, Runnable write) {

		static Step unchanged(PlannedChange change) {
			return new Step(change, () -> {
			});
		}

	}

}
