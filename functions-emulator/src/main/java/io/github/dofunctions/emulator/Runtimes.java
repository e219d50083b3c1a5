package io.github.dofunctions.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runtimes (OpenWhisk's action kinds) the emulated platform offers: DigitalOcean's
 * list as its "Supported Runtimes" page gives it today (Go 1.17, 1.20, 1.24, 1.25;
 * Node.js 14, 18, 22, 24; PHP 8.0, 8.2, 8.3, 8.4, 8.5; Python 3.9, 3.11, 3.12, 3.13).
 * That page names no default and no deprecated version: the emulator takes the oldest of
 * each language for deprecated and the version {@code <language>:default} long resolved
 * to on DigitalOcean for the default, an assumption to correct when DigitalOcean says
 * otherwise.
 */
final class Runtimes {

	/** Every runtime, in the order the API host lists them. */
	static final List<Runtime> ALL = List.of(new Runtime("go", "go:1.17", false, true),
			new Runtime("go", "go:1.20", true, false), new Runtime("go", "go:1.24", false, false),
			new Runtime("go", "go:1.25", false, false), new Runtime("nodejs", "nodejs:14", false, true),
			new Runtime("nodejs", "nodejs:18", true, false), new Runtime("nodejs", "nodejs:22", false, false),
			new Runtime("nodejs", "nodejs:24", false, false), new Runtime("php", "php:8.0", false, true),
			new Runtime("php", "php:8.2", true, false), new Runtime("php", "php:8.3", false, false),
			new Runtime("php", "php:8.4", false, false), new Runtime("php", "php:8.5", false, false),
			new Runtime("python", "python:3.9", false, true), new Runtime("python", "python:3.11", true, false),
			new Runtime("python", "python:3.12", false, false), new Runtime("python", "python:3.13", false, false));

	private Runtimes() {
	}

	/**
	 * Resolve a kind as OpenWhisk's {@code Exec} reader does: trimmed, lower-cased, and
	 * {@code <language>:default} mapped to the language's default runtime
	 * ({@code ExecManifest.resolveDefaultRuntime}).
	 * @param kind the kind sent
	 * @return the kind stored, or {@code null} if the platform has no such runtime
	 */
	static @Nullable String resolve(String kind) {
		String wanted = kind.trim().toLowerCase(Locale.ROOT);
		for (Runtime runtime : ALL) {
			if (runtime.kind().equals(wanted)
					|| (wanted.equals(runtime.language() + ":default") && runtime.isDefault())) {
				return runtime.kind();
			}
		}
		return null;
	}

	/**
	 * OpenWhisk's message for an unknown kind ({@code Messages.invalidRuntimeError}),
	 * naming the kinds the platform offers.
	 * @param kind the kind sent
	 * @return the message
	 */
	static String invalidKind(String kind) {
		StringBuilder valid = new StringBuilder();
		for (Runtime runtime : ALL) {
			valid.append((valid.length() > 0) ? ", " : "").append('\'').append(runtime.kind()).append('\'');
		}
		return "The specified runtime '" + kind.trim().toLowerCase(Locale.ROOT)
				+ "' is not supported by this platform. Valid values are: " + valid + ".";
	}

	/**
	 * The document {@code GET /api/v1} answers on the API host, which doctl reads for
	 * {@code doctl serverless status --languages} ({@code do/serverless.go},
	 * {@code GetHostInfo}: the {@code runtimes} field): OpenWhisk's info document
	 * ({@code Controller.info}), each runtime as {@code ExecManifest.Runtimes.toJson}
	 * writes it, without the container image.
	 * @param json the mapper
	 * @return the document
	 */
	static ObjectNode info(JsonMapper json) {
		ObjectNode info = json.createObjectNode();
		info.put("description", "OpenWhisk");
		info.putArray("api_paths").add("/api/v1");
		ObjectNode limits = info.putObject("limits");
		limits.put("actions_per_minute", InvocationLimits.digitalOcean().perMinute());
		limits.put("concurrent_actions", InvocationLimits.digitalOcean().concurrent());
		limits.put("min_action_duration", ActionLimits.MIN_TIMEOUT);
		limits.put("max_action_duration", ActionLimits.MAX_TIMEOUT);
		limits.put("min_action_memory", ActionLimits.MIN_MEMORY * 1024L * 1024L);
		limits.put("max_action_memory", ActionLimits.MAX_MEMORY * 1024L * 1024L);
		limits.put("min_action_logs", ActionLimits.MIN_LOGS * 1024L * 1024L);
		limits.put("max_action_logs", ActionLimits.MAX_LOGS * 1024L * 1024L);
		Map<String, ArrayNode> byLanguage = new LinkedHashMap<>();
		ObjectNode runtimes = info.putObject("runtimes");
		for (Runtime runtime : ALL) {
			ArrayNode kinds = byLanguage.computeIfAbsent(runtime.language(), runtimes::putArray);
			kinds.addObject()
				.put("kind", runtime.kind())
				.put("deprecated", runtime.deprecated())
				.put("default", runtime.isDefault())
				.put("attached", false)
				.put("requireMain", false);
		}
		return info;
	}

	/**
	 * One runtime.
	 *
	 * @param language its language, the key of the info document's {@code runtimes}
	 * @param kind its kind, such as {@code nodejs:18}
	 * @param isDefault whether {@code <language>:default} resolves to it
	 * @param deprecated whether it is listed as deprecated
	 */
	record Runtime(String language, String kind, boolean isDefault, boolean deprecated) {

	}

}
