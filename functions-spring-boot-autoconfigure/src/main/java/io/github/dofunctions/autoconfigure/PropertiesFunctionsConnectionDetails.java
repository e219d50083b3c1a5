package io.github.dofunctions.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * {@link FunctionsConnectionDetails} read from {@link FunctionsProperties}, with the
 * token falling back to the {@code DIGITALOCEAN_TOKEN} environment variable.
 */
class PropertiesFunctionsConnectionDetails implements FunctionsConnectionDetails {

	static final String TOKEN_ENVIRONMENT_VARIABLE = "DIGITALOCEAN_TOKEN";

	private final FunctionsProperties properties;

	private final Environment environment;

	PropertiesFunctionsConnectionDetails(FunctionsProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public String getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	/**
	 * Return the token property, else the environment variable, without surrounding white
	 * space (such as the line break a file ends with); a blank value, or one still
	 * holding a {@code ${...}} placeholder that nothing resolved (the Quick start's
	 * {@code ${DIGITALOCEAN_TOKEN}} with the variable unset), counts as none.
	 */
	@Override
	public @Nullable String getToken() {
		String token = trimmed(this.properties.getToken());
		return isUsable(token) ? token
				: usableOrNull(trimmed(this.environment.getProperty(TOKEN_ENVIRONMENT_VARIABLE)));
	}

	static boolean isUsable(@Nullable String token) {
		return token != null && !token.isBlank() && !token.contains("${");
	}

	private static @Nullable String usableOrNull(@Nullable String token) {
		return isUsable(token) ? token : null;
	}

	/**
	 * A token read from a file often ends with a line break: it is not part of the token.
	 */
	private static @Nullable String trimmed(@Nullable String token) {
		return (token != null) ? token.strip() : null;
	}

	@Override
	public String toString() {
		return "PropertiesFunctionsConnectionDetails[baseUrl=" + getBaseUrl() + "]";
	}

}
