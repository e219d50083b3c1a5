package io.github.dofunctions.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A function as its namespace's API host holds it (an Apache OpenWhisk action). Holds no
 * secret: the environment by its names only, the web secret by whether there is one.
 *
 * @param name the function's name, {@code name} or {@code package/name}
 * @param version OpenWhisk's version, raised on every deploy, such as {@code 0.0.2}
 * @param runtime the kind it runs on, such as {@code nodejs:18}
 * @param main the entry point, or {@code null} for the runtime's default
 * @param binary whether the code is a zip
 * @param parameters the parameters every run receives (not the environment)
 * @param environmentNames the names of its environment variables
 * @param limits the limits of its runs, as the platform gives them
 * @param web whether it answers at its web URL
 * @param webSecured whether a web caller must send a secret in
 * {@code X-Require-Whisk-Auth}
 * @param annotations its annotations, the web secret's left out
 * @param updated when it was last deployed, or {@code null} if not given
 */
public record DeployedFunction(String name, String version, String runtime, @Nullable String main, boolean binary,
		Map<String, Object> parameters, List<String> environmentNames, FunctionLimits limits, WebExport web,
		boolean webSecured, Map<String, Object> annotations, @Nullable Instant updated) {

	/**
	 * Return the package of the function.
	 * @return the package, or {@code null} for a function outside any package
	 */
	public @Nullable String packageName() {
		int slash = this.name.indexOf('/');
		return (slash >= 0) ? this.name.substring(0, slash) : null;
	}

}
