package io.github.dofunctions.sample;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.dofunctions.emulator.FunctionHandler;
import io.github.dofunctions.emulator.FunctionsEmulator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Java stand-ins for the jobs' functions, answering as the code in
 * {@code sample-app/functions/} does, so that the sample runs with only a JDK. The
 * emulator serves a function registered in Java before the deployed code, so a stand-in
 * is registered only where the function's runtime ({@code node}, {@code python3}) is not
 * on the {@code PATH}, read from Spring's environment so that a test can take the
 * runtimes away.
 */
@Component
@ConditionalOnBooleanProperty("do.functions.emulator.enabled")
class JobStandIns {

	JobStandIns(FunctionsEmulator emulator, Environment environment) {
		registerWhereRuntimeIsMissing(emulator, environment.getProperty("PATH"));
	}

	static void registerWhereRuntimeIsMissing(FunctionsEmulator emulator, @Nullable String path) {
		if (!onPath("node", path)) {
			emulator.registerFunction("reports/nightly", nightlyReport());
			emulator.registerFunction("mail/digest", (call) -> Map.of("sent", 0));
		}
		if (!onPath("python3", path)) {
			emulator.registerFunction("maintenance/cleanup", cleanup());
		}
	}

	static boolean onPath(String command, @Nullable String path) {
		if (path == null) {
			return false;
		}
		for (String folder : path.split(File.pathSeparator)) {
			if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, command))) {
				return true;
			}
		}
		return false;
	}

	private static FunctionHandler nightlyReport() {
		return (call) -> {
			Object format = call.parameters().getOrDefault("format", "pdf");
			call.log("rendering the nightly report as " + format);
			return Map.of("report", "nightly." + format, "pages", 12);
		};
	}

	private static FunctionHandler cleanup() {
		return (call) -> {
			Object olderThanDays = call.parameters().getOrDefault("olderThanDays", 30);
			if (!(olderThanDays instanceof Number days) || days.intValue() < 1) {
				return Map.of("error", "olderThanDays must be a positive number");
			}
			call.log("removing files older than " + days + " days");
			return Map.of("removed", 3);
		};
	}

}
