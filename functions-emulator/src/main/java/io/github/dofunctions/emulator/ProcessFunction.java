package io.github.dofunctions.emulator;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a deployed function's code in a process of the machine's own runtime: {@code node}
 * for the {@code nodejs:*} kinds, {@code python3} for the {@code python:*} kinds, found
 * on the {@code PATH}. Each activation runs in a fresh process and a fresh temporary
 * folder, removed afterwards, through a small launcher shipped in the emulator's jar
 * ({@code runner/launcher.js}, {@code runner/launcher.py}) that loads the code, calls its
 * entry point with the parameters and the context, and writes the result to a file, so
 * that every line the function prints to its standard output or error is a log line of
 * the activation and nothing else.
 * <p>
 * The process gets the function's environment (its parameters with {@code init: true})
 * and OpenWhisk's {@code __OW_} variables, and from the emulator's own environment only
 * what the runtimes need to start ({@code PATH}, {@code HOME}, locale, temporary folder):
 * nothing else of the JVM's environment, which may hold the emulator's own secrets. The
 * environment's values are secrets: they appear in no message and no {@code toString()}.
 * <p>
 * Failures carry Apache OpenWhisk's words (its runtimes' and
 * {@code common/scala/.../http/Messages.scala}): a result that is not a JSON object or
 * array, a thrown error, a process that exits without a result, a result over 1 MB and a
 * run over the function's time limit, after which the process and its children are
 * killed.
 */
final class ProcessFunction implements FunctionHandler {

	/**
	 * DigitalOcean's limit on a result
	 * (docs.digitalocean.com/products/functions/details/limits).
	 */
	static final int MAX_RESULT_BYTES = 1024 * 1024;

	/**
	 * OpenWhisk's version of a new action (its {@code SemVer} starts at 0.0.1), for the
	 * context's {@code functionVersion}; the emulator keeps no versions.
	 */
	static final String FUNCTION_VERSION = "0.0.1";

	/** Of the emulator's environment, what a runtime needs to start and nothing more. */
	private static final Set<String> INHERITED = Set.of("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR",
			"TEMP", "TMP", "SYSTEMROOT", "PYENV_ROOT", "NVM_DIR");

	private static final Pattern ENTRY_POINT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

	/** An ES module's {@code import} or {@code export} at the start of a line. */
	private static final Pattern MODULE_SYNTAX = Pattern.compile("^\\s*(export\\s|import\\s*[\\w{*'\"])",
			Pattern.MULTILINE);

	/** How long the log readers may take to finish once the process has ended. */
	private static final Duration DRAIN = Duration.ofSeconds(2);

	private final String function;

	private final String kind;

	private final String main;

	private final boolean binary;

	private final String code;

	private final Map<String, String> environment;

	private final Duration timeout;

	private final String apiHost;

	private final JsonMapper json;

	/**
	 * Create the runner of a deployed function.
	 * @param function the function's name, "name" or "package/name"
	 * @param kind e.g. "nodejs:18", "python:3.11"
	 * @param main the entry point name, null for "main"
	 * @param binary whether code is a base64 zip (true) or source text (false)
	 * @param code the source text, or the base64 of a zip
	 * @param environment the function's environment variables (OpenWhisk parameters with
	 * init=true), values are secrets
	 * @param timeout the function's time limit
	 * @param apiHost the namespace's API host URL, for the context/__OW_API_HOST
	 * @param json the mapper of parameters and results
	 */
	ProcessFunction(String function, String kind, @Nullable String main, boolean binary, String code,
			Map<String, String> environment, Duration timeout, String apiHost, JsonMapper json) {
		this.function = function;
		this.kind = kind;
		this.main = (main != null && !main.isEmpty()) ? main : "main";
		if (!ENTRY_POINT.matcher(this.main).matches()) {
			throw new IllegalArgumentException(
					"The entry point of function '" + function + "' must be a name: '" + this.main + "'");
		}
		this.binary = binary;
		this.code = code;
		this.environment = Map.copyOf(environment);
		this.environment.forEach(ProcessFunction::checkVariable);
		this.timeout = timeout;
		this.apiHost = apiHost;
		this.json = json;
	}

	/**
	 * Return why this machine cannot run the kind, or {@code null} when it can: the
	 * {@code nodejs:*} kinds need {@code node} on the {@code PATH}, the {@code python:*}
	 * kinds {@code python3}.
	 * @param kind the function's kind, e.g. "php:8.2"
	 * @return the reason, naming the kind and what to do instead, or {@code null}
	 */
	static @Nullable String cannotRun(String kind) {
		String language = language(kind);
		String command = command(language);
		if (command == null) {
			return "The emulator cannot run the code of functions of kind '" + kind
					+ "': it runs only nodejs:* (with node) and python:* (with python3); register a Java handler with"
					+ " FunctionsEmulator.registerFunction(name, handler) instead";
		}
		if (executable(command) == null) {
			return "The emulator cannot run the code of functions of kind '" + kind + "': '" + command
					+ "' is not on the PATH; install it, or register a Java handler with"
					+ " FunctionsEmulator.registerFunction(name, handler) instead";
		}
		return null;
	}

	@Override
	public Object handle(FunctionCall call) throws Exception {
		String reason = cannotRun(this.kind);
		if (reason != null) {
			throw new ActionDeveloperError(reason);
		}
		Path folder = Files.createTempDirectory("do-function-");
		try {
			return run(call, folder);
		}
		finally {
			delete(folder);
		}
	}

	private Object run(FunctionCall call, Path folder) throws Exception {
		boolean node = "nodejs".equals(language(this.kind));
		Path action = Files.createDirectory(folder.resolve("action"));
		Path params = folder.resolve("params.json");
		Path result = folder.resolve("result.json");
		Path failure = folder.resolve("failure.json");
		Files.write(params, this.json.writeValueAsBytes(call.parameters()));
		List<String> command = node ? nodeCommand(folder, action) : pythonCommand(folder, action);
		command.addAll(List.of(params.toString(), result.toString(), failure.toString()));
		long deadline = System.currentTimeMillis() + this.timeout.toMillis();
		ProcessBuilder builder = new ProcessBuilder(command).directory(action.toFile());
		environment(builder.environment(), call, deadline);
		Process process = builder.start();
		boolean ended = false;
		try {
			process.getOutputStream().close();
			ProcessLogs logs = new ProcessLogs(call);
			Thread out = drain(logs, "stdout", process.getInputStream());
			Thread err = drain(logs, "stderr", process.getErrorStream());
			ended = process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (!ended) {
				kill(process);
			}
			killStragglers(call.activationId());
			finish(process, out, err);
		}
		finally {
			if (process.isAlive()) {
				// Interrupted: no process outlives its activation
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
			}
		}
		if (!ended) {
			// Messages.timedoutActivation
			throw new ActionDeveloperError(
					"The action exceeded its time limits of " + this.timeout.toMillis() + " milliseconds.");
		}
		if (Files.exists(failure)) {
			JsonNode message = this.json.readTree(Files.readAllBytes(failure)).get("message");
			throw new ActionDeveloperError((message != null) ? message.asString() : "The action failed.");
		}
		if (!Files.exists(result)) {
			// Messages.abnormalRun
			throw new ActionDeveloperError("The action did not produce a valid response and exited unexpectedly.");
		}
		return result(result);
	}

	private List<String> nodeCommand(Path folder, Path action) throws IOException {
		Path launcher = launcher(folder, "launcher.js");
		String form;
		Path target;
		if (this.binary) {
			ActionArchive.extract(this.code, action);
			form = "zip";
			target = action;
		}
		else {
			boolean module = MODULE_SYNTAX.matcher(this.code).find();
			form = module ? "module" : "script";
			target = action.resolve(module ? "index.mjs" : "index.js");
			Files.writeString(target, this.code);
		}
		return new ArrayList<>(List.of(required("node"), launcher.toString(), target.toString(), form, this.main));
	}

	private List<String> pythonCommand(Path folder, Path action) throws IOException {
		Path launcher = launcher(folder, "launcher.py");
		if (this.binary) {
			ActionArchive.extract(this.code, action);
		}
		else {
			// apache/openwhisk-runtime-python: source text is written to __main__.py
			Files.writeString(action.resolve("__main__.py"), this.code);
		}
		return new ArrayList<>(List.of(required("python3"), launcher.toString(), action.toString(), this.main));
	}

	private static Path launcher(Path folder, String name) throws IOException {
		Path launcher = folder.resolve(name);
		try (InputStream in = ProcessFunction.class.getResourceAsStream("runner/" + name)) {
			if (in == null) {
				throw new IllegalStateException("The emulator's jar lacks runner/" + name);
			}
			Files.copy(in, launcher);
		}
		return launcher;
	}

	/**
	 * Fill the process's environment: what the runtime needs of the emulator's, the
	 * function's own, then OpenWhisk's {@code __OW_} variables, which the function cannot
	 * override (apache/openwhisk-runtime-nodejs core/nodejsActionBase/src/service.js
	 * {@code doRun}; apache/openwhisk-runtime-python
	 * core/python3ActionLoop/lib/launcher.py).
	 */
	private void environment(Map<String, String> target, FunctionCall call, long deadline) {
		Map<String, String> inherited = Map.copyOf(target);
		target.clear();
		inherited.forEach((name, value) -> {
			if (INHERITED.contains(name)) {
				target.put(name, value);
			}
		});
		// bin/compile of apache/openwhisk-runtime-python exports PYTHONIOENCODING=UTF-8;
		// unbuffered, stdout and stderr lines keep their order in the log
		target.put("PYTHONIOENCODING", "UTF-8");
		target.put("PYTHONUNBUFFERED", "1");
		target.put("PYTHONDONTWRITEBYTECODE", "1");
		target.putAll(this.environment);
		target.put("__OW_ACTIVATION_ID", call.activationId());
		target.put("__OW_ACTION_NAME", "/" + call.namespaceId() + "/" + this.function);
		target.put("__OW_ACTION_VERSION", FUNCTION_VERSION);
		target.put("__OW_NAMESPACE", call.namespaceId());
		target.put("__OW_API_HOST", this.apiHost);
		target.put("__OW_DEADLINE", Long.toString(deadline));
		target.put("__OW_TRANSACTION_ID", call.activationId());
	}

	private Object result(Path file) throws IOException {
		long size = Files.size(file);
		if (size > MAX_RESULT_BYTES) {
			// Messages.truncatedResponse
			throw new ActionDeveloperError("The action produced a response that exceeded the allowed length: " + size
					+ " > " + MAX_RESULT_BYTES + " bytes.");
		}
		JsonNode answer;
		try {
			answer = this.json.readTree(Files.readAllBytes(file));
		}
		catch (JacksonException ex) {
			// Messages.invalidRunResponse
			throw new ActionDeveloperError(
					"The action did not produce a valid JSON response: " + ex.getOriginalMessage());
		}
		if (answer == null || !(answer.isObject() || answer.isArray())) {
			// apache/openwhisk-runtime-nodejs core/nodejsActionBase/src/service.js
			// runCode; the Python
			// runtime's
			// tests expect the same words
			throw new ActionDeveloperError("The action did not return a dictionary.");
		}
		return this.json.treeToValue(answer, Object.class);
	}

	private static Thread drain(ProcessLogs logs, String stream, InputStream in) {
		Thread thread = new Thread(() -> logs.drain(stream, in), "function-" + stream);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/**
	 * Kill the process and every process it started, children first, so that none is left
	 * running or holding the log pipes.
	 */
	private static void kill(Process process) throws InterruptedException {
		List<ProcessHandle> descendants = process.descendants().toList();
		process.destroyForcibly();
		descendants.forEach(ProcessHandle::destroyForcibly);
		process.waitFor();
	}

	/**
	 * Kill what the function started and left running, detached from it (a new session, a
	 * daemon): no longer its descendants, such processes are found by the activation id
	 * they inherited in their environment ({@code __OW_ACTIVATION_ID}), where the machine
	 * shows environments ({@code /proc}). They would hold the log pipes past the
	 * function's end, and outlive its activation, which no process does on the platform.
	 */
	private static void killStragglers(String activationId) {
		Path proc = Path.of("/proc");
		if (!Files.isDirectory(proc)) {
			return;
		}
		// Each variable ends with a NUL in /proc/<pid>/environ.
		String marker = "__OW_ACTIVATION_ID=" + activationId + "\0";
		long self = ProcessHandle.current().pid();
		ProcessHandle.allProcesses().filter((handle) -> handle.pid() != self).forEach((handle) -> {
			try {
				byte[] environment = Files.readAllBytes(proc.resolve(handle.pid() + "/environ"));
				if (new String(environment, StandardCharsets.ISO_8859_1).contains(marker)) {
					handle.destroyForcibly();
				}
			}
			catch (IOException | SecurityException ex) {
				// Gone, or another user's: not the function's.
			}
		});
	}

	/**
	 * Let the log readers finish; children the function left behind that still hold the
	 * pipes are killed, then the pipes closed.
	 */
	private static void finish(Process process, Thread out, Thread err) throws InterruptedException, IOException {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		long until = System.nanoTime() + DRAIN.toNanos();
		for (Thread reader : List.of(out, err)) {
			reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
		}
		if (out.isAlive() || err.isAlive()) {
			process.getInputStream().close();
			process.getErrorStream().close();
			out.join(DRAIN.toMillis());
			err.join(DRAIN.toMillis());
		}
	}

	private static void checkVariable(String name, String value) {
		if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(
					"The environment variable name '" + name.replace("\0", "\\0") + "' is not valid");
		}
		if (value.indexOf('\0') >= 0) {
			// The JDK's own message would quote the value, a secret
			throw new IllegalArgumentException("The value of environment variable '" + name + "' holds a NUL");
		}
	}

	/**
	 * Remove the run's folder, as far as possible: a folder left behind must not hide how
	 * the activation ended.
	 */
	private static void delete(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// Best effort, in the system's temporary folder
		}
	}

	private static String language(String kind) {
		int colon = kind.indexOf(':');
		return (colon >= 0) ? kind.substring(0, colon) : kind;
	}

	private static @Nullable String command(String language) {
		return switch (language) {
			case "nodejs" -> "node";
			case "python" -> "python3";
			default -> null;
		};
	}

	private static String required(String command) {
		String found = executable(command);
		if (found == null) {
			throw new IllegalStateException("'" + command + "' is not on the PATH");
		}
		return found;
	}

	/**
	 * Return the absolute path of a command found on the {@code PATH}, or {@code null}.
	 */
	private static @Nullable String executable(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String folder : path.split(Pattern.quote(File.pathSeparator))) {
			if (folder.isEmpty()) {
				continue;
			}
			for (String name : List.of(command, command + ".exe")) {
				Path candidate = Path.of(folder, name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate.toAbsolutePath().toString();
				}
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "ProcessFunction[function=" + this.function + ", kind=" + this.kind + ", main=" + this.main + ", binary="
				+ this.binary + ", environment=" + this.environment.keySet() + ", timeout=" + this.timeout + "]";
	}

}
