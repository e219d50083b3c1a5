package io.github.dofunctions.client.project;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local builds of function folders, as doctl's deployer runs them
 * (nimbella/nimbella-deployer, {@code src/finder-builder.ts}, {@code findSpecialFile},
 * {@code scriptBuilder}, {@code npmBuilder}, {@code build}): {@code build.sh} first, run
 * as {@code ./build.sh} by {@code bash}; else {@code package.json}, with
 * {@code npm install --production}, or {@code npm install} then {@code npm run build}
 * when it has a {@code build} script. Nothing else is built: a {@code requirements.txt}
 * alone is deployed as it is, as doctl deploys it locally. A build runs in the function's
 * folder, with the process environment given, its output and errors written line by line.
 */
final class FunctionBuilds {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FunctionBuilds() {
	}

	/**
	 * Return what builds a folder: {@code build.sh}, {@code package.json} or
	 * {@code null}.
	 * @throws ProjectException for {@code .build} or a lone {@code build.cmd}, which
	 * doctl runs differently or not on Linux and macOS
	 */
	static @Nullable String buildOf(Path folder, String function) {
		boolean script = Files.isRegularFile(folder.resolve("build.sh"));
		if (Files.exists(folder.resolve(".build"))) {
			throw new ProjectException("function '" + function + "': '.build' (a build shared between functions) "
					+ "is not supported by this reader; use build.sh");
		}
		if (!script && Files.isRegularFile(folder.resolve("build.cmd"))) {
			throw new ProjectException("function '" + function + "': 'build.cmd' won't run on this platform and no "
					+ "'build.sh' is provided (doctl's message)");
		}
		return script ? "build.sh" : Files.isRegularFile(folder.resolve("package.json")) ? "package.json" : null;
	}

	static void build(Path folder, String function, String build, Map<String, String> environment,
			Consumer<String> output) {
		if ("build.sh".equals(build)) {
			run(folder, function, List.of("bash", "-c", "./build.sh"), "./build.sh", environment, output);
		}
		else if (hasBuildScript(folder)) {
			run(folder, function, List.of("npm", "install"), "npm install", environment, output);
			run(folder, function, List.of("npm", "run", "build"), "npm run build", environment, output);
		}
		else {
			run(folder, function, List.of("npm", "install", "--production"), "npm install", environment, output);
		}
	}

	private static boolean hasBuildScript(Path folder) {
		try {
			JsonNode scripts = JSON.readTree(folder.resolve("package.json").toFile()).path("scripts");
			return scripts.path("build").isString() && !scripts.path("build").stringValue().isEmpty();
		}
		catch (RuntimeException ex) {
			// As the deployer: npm reports a broken package.json better.
			return false;
		}
	}

	private static void run(Path folder, String function, List<String> command, String tag,
			Map<String, String> environment, Consumer<String> output) {
		String tool = command.get(0);
		Path executable = find(tool, environment.get("PATH"));
		if (executable == null) {
			throw new ProjectException("function '" + function + "' is built with '" + String.join(" ", command)
					+ "', and '" + tool + "' is not on the PATH");
		}
		List<String> resolved = new ArrayList<>(command);
		resolved.set(0, executable.toString());
		ProcessBuilder builder = new ProcessBuilder(resolved).directory(folder.toFile()).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().putAll(environment);
		output.accept("Started running " + String.join(" ", command) + " in " + folder);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				lines.lines().forEach(output);
			}
			int code = process.waitFor();
			if (code != 0) {
				throw new ProjectException("function '" + function + "': '" + tag + "' exited with code " + code);
			}
		}
		catch (IOException ex) {
			throw new ProjectException("function '" + function + "': '" + tag + "' could not run: " + ex.getMessage(),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProjectException("function '" + function + "': interrupted while '" + tag + "' ran", ex);
		}
		output.accept("Finished running " + String.join(" ", command) + " in " + folder);
	}

	private static @Nullable Path find(String tool, @Nullable String path) {
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (!directory.isEmpty()) {
				Path candidate = Path.of(directory, tool);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

}
