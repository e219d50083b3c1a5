package io.github.dofunctions.autoconfigure;

/**
 * Thrown at start-up when the DigitalOcean Functions client is enabled but has no token.
 */
public class MissingFunctionsTokenException extends RuntimeException {

	/**
	 * Create the exception.
	 */
	public MissingFunctionsTokenException() {
		super("No DigitalOcean API token is configured for the Functions client");
	}

}
