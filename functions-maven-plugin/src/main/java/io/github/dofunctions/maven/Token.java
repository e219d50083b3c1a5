package io.github.dofunctions.maven;

import java.util.Map;
import java.util.Properties;

import org.apache.maven.plugin.MojoExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Where the plugin takes the API token from: the {@value #PROPERTY} property (given with
 * {@code -D}, or in the POM's or an active settings profile's properties), else the
 * {@value #ENVIRONMENT_VARIABLE} environment variable. It is never a parameter, which
 * {@code mvn -X} would print, and never logged.
 */
final class Token {

	static final String PROPERTY = "functions.token";

	static final String ENVIRONMENT_VARIABLE = "DIGITALOCEAN_TOKEN";

	private Token() {
	}

	/**
	 * Return the token.
	 * @param userProperties the session's user properties ({@code -D})
	 * @param projectProperties the project's properties
	 * @param environment the environment
	 * @return the token
	 * @throws MojoExecutionException if there is none, or only a blank one
	 */
	static String resolve(Properties userProperties, Properties projectProperties, Map<String, String> environment)
			throws MojoExecutionException {
		for (String candidate : new String[] { userProperties.getProperty(PROPERTY),
				projectProperties.getProperty(PROPERTY), environment.get(ENVIRONMENT_VARIABLE) }) {
			if (hasText(candidate)) {
				return candidate.strip();
			}
		}
		throw new MojoExecutionException(
				"No DigitalOcean API token: set the environment variable " + ENVIRONMENT_VARIABLE
						+ " (as CI secrets usually are), or the property " + PROPERTY + " (-D" + PROPERTY + "=...)");
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
