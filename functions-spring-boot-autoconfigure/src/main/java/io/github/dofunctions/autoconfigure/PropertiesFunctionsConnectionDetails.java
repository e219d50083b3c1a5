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

	@Override
	public @Nullable String getToken() {
		String token = this.properties.getToken();
		return (token != null && !token.isBlank()) ? token : this.environment.getProperty(TOKEN_ENVIRONMENT_VARIABLE);
	}

	@Override
	public String toString() {
		return "PropertiesFunctionsConnectionDetails[baseUrl=" + getBaseUrl() + "]";
	}

}
