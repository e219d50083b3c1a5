package io.github.dofunctions.client.project;

/**
 * A doctl project that cannot be read: a malformed or refused {@code project.yml}, a
 * function without code, a path leaving the project, a build that failed or a tool it
 * needs missing. The message names the file (and for YAML the line and column) or the
 * function; it never holds an environment value or a web secret.
 */
public class ProjectException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what is wrong, and where
	 */
	public ProjectException(String message) {
		super(message);
	}

	/**
	 * Create an exception with its cause.
	 * @param message what is wrong, and where
	 * @param cause the failure underneath
	 */
	public ProjectException(String message, Throwable cause) {
		super(message, cause);
	}

}
