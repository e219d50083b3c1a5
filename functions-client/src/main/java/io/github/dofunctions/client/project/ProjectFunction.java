package io.github.dofunctions.client.project;

import java.util.List;

import io.github.dofunctions.client.model.FunctionDefinition;

/**
 * A function of a doctl project, ready to deploy, and its triggers.
 *
 * @param definition the function, named {@code package/name} (or {@code name} in the
 * default package), its code read (and built) from the project
 * @param webDeclared whether {@code project.yml} says {@code web:} for it; doctl makes a
 * function without it a web function, which a plan says
 * @param triggers its scheduled triggers
 */
public record ProjectFunction(FunctionDefinition definition, boolean webDeclared, List<ProjectTrigger> triggers) {

	/**
	 * Create a function of a project.
	 * @param definition the function
	 * @param webDeclared whether {@code project.yml} says {@code web:} for it
	 * @param triggers its triggers
	 */
	public ProjectFunction {
		triggers = List.copyOf(triggers);
	}

}
