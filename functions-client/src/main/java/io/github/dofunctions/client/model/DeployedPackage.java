package io.github.dofunctions.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A package as its namespace's API host holds it (an Apache OpenWhisk package). Holds no
 * secret: the environment by its names only.
 *
 * @param name the package's name
 * @param version OpenWhisk's version, raised on every deploy
 * @param parameters the parameters its functions receive (not the environment)
 * @param environmentNames the names of its environment variables
 * @param annotations its annotations
 * @param functions the names of its functions ({@code name}, without the package), as the
 * API host lists them when the package is read, empty in listings
 * @param updated when it was last deployed, or {@code null} if not given
 */
public record DeployedPackage(String name, String version, Map<String, Object> parameters,
		List<String> environmentNames, Map<String, Object> annotations, List<String> functions,
		@Nullable Instant updated) {

}
