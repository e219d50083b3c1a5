package io.github.dofunctions.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when the DigitalOcean Functions client is enabled but has no token.
 */
public class MissingFunctionsTokenException extends RuntimeException {

	/** The placeholder the token property held, unresolved, or {@code null}. */
	private final @Nullable String unresolvedPlaceholder;

	/**
	 * Create the exception.
	 */
	public MissingFunctionsTokenException() {
		this(null);
	}

	/**
	 * Create the exception for a token property that still holds a placeholder.
	 * @param unresolvedPlaceholder the {@code ${...}} placeholder that nothing resolved,
	 * or {@code null}
	 */
	public MissingFunctionsTokenException(@Nullable String unresolvedPlaceholder) {
		super("No DigitalOcean API token is configured for the Functions client" + ((unresolvedPlaceholder != null)
				? ": do.functions.token is " + unresolvedPlaceholder + ", a placeholder that nothing resolved" : ""));
		this.unresolvedPlaceholder = unresolvedPlaceholder;
	}

	/**
	 * Return the placeholder the token property held, unresolved.
	 * @return the placeholder, such as {@code ${DIGITALOCEAN_TOKEN}}, or {@code null} if
	 * the property was unset or blank
	 */
	public @Nullable String getUnresolvedPlaceholder() {
		return this.unresolvedPlaceholder;
	}

}
