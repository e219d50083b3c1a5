package io.github.dofunctions.client.project;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The rule that nothing read from a project leaves its folder, links included: doctl
 * reads only {@code project.yml}, {@code packages/} and {@code lib/}
 * (docs.digitalocean.com/products/functions/reference/build-process, "Project Files Used
 * for Builds").
 */
final class ProjectPaths {

	private ProjectPaths() {
	}

	/**
	 * Return the real path of a path, checking that it is inside the project.
	 * @throws ProjectException if it, or the link it is, leads out of the project
	 */
	static Path requireInside(Path root, Path path, String what) {
		Path real;
		try {
			real = path.toRealPath();
		}
		catch (IOException ex) {
			throw new ProjectException(what + " (" + path + ") cannot be read: " + ex.getClass().getSimpleName(), ex);
		}
		if (!real.startsWith(root)) {
			throw new ProjectException(what + " (" + path + ") leaves the project folder " + root);
		}
		return real;
	}

}
