package io.github.dofunctions.autoconfigure.provisioning;

/**
 * What {@link FunctionsAdmin} does with the declared namespaces and triggers when the
 * application starts.
 */
public enum ProvisioningMode {

	/**
	 * Create what is missing and bring back what drifted: a schedule, a body, a function,
	 * and the enabled state where a declaration sets it. Deletes only with {@code prune}.
	 */
	CREATE,

	/**
	 * Write nothing: compare, and fail start-up with every difference listed.
	 */
	VALIDATE,

	/**
	 * Do nothing at start-up; {@link FunctionsAdmin#plan()} and
	 * {@link FunctionsAdmin#provision()} still work when called.
	 */
	NONE

}
