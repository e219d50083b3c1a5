package io.github.dofunctions.client.project;

import java.nio.file.Path;
import java.util.List;

/**
 * A doctl project as read from its folder: its packages, with the project's own
 * parameters and environment folded into each, as doctl applies them.
 *
 * @param folder the project's folder, holding {@code project.yml} and {@code packages/}
 * @param packages its packages, {@code default} among them for the functions outside any
 * package
 */
public record Project(Path folder, List<ProjectPackage> packages) {

	/**
	 * Create a project.
	 * @param folder the project's folder
	 * @param packages its packages
	 */
	public Project {
		packages = List.copyOf(packages);
	}

}
