package io.github.dofunctions.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Deployed functions' Node.js and Python code run by the machine's own {@code node} and
 * {@code python3}: how the code is loaded, what it is given, what it returns, what it
 * logs, and how it fails.
 */
class ProcessFunctionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SECRET = "s3cr3t-t0ken-value";

	// Node.js

	@Test
	void nodePlainScriptWithFunctionMain() throws Exception {
		String code = """
				function greet(name) { return 'Hello ' + name; }
				function main(args) { return { greeting: greet(args.name) }; }
				""";
		assertThat(node(code).handle(call(Map.of("name", "Sammy")))).isEqualTo(Map.of("greeting", "Hello Sammy"));
	}

	@Test
	void nodeCommonJsExports() throws Exception {
		assertThat(node("exports.main = (args) => ({ next: args.n + 1 });").handle(call(Map.of("n", 1))))
			.isEqualTo(Map.of("next", 2));
		assertThat(node("module.exports = { main: function (args) { return { cjs: true }; } };").handle(call(Map.of())))
			.isEqualTo(Map.of("cjs", true));
	}

	@Test
	void nodeEsModule() throws Exception {
		String code = """
				import { basename } from 'node:path';
				export function main(args) { return { esm: basename('/a/b.txt') }; }
				""";
		assertThat(node(code).handle(call(Map.of()))).isEqualTo(Map.of("esm", "b.txt"));
		assertThat(node("export async function main(args) { return { asyncEsm: args.x }; }")
			.handle(call(Map.of("x", "y")))).isEqualTo(Map.of("asyncEsm", "y"));
	}

	@Test
	void nodePromiseIsAwaited() throws Exception {
		String code = """
				function main(args) {
				  return new Promise((resolve) => setTimeout(() => resolve({ late: args.v }), 20));
				}
				""";
		assertThat(node(code).handle(call(Map.of("v", 7)))).isEqualTo(Map.of("late", 7));
	}

	@Test
	void nodeEntryPointOtherThanMain() throws Exception {
		ProcessFunction function = new ProcessFunction("hello", "nodejs:18", "handler", false,
				"function handler() { return { from: 'handler' }; }", Map.of(), Duration.ofSeconds(20),
				"https://faas-nyc1.example.com", JSON);
		assertThat(function.handle(call(Map.of()))).isEqualTo(Map.of("from", "handler"));
	}

	@Test
	void nodeWithoutTheEntryPointFailsToInitialize() {
		assertThat(catchThrowable(() -> node("function other() { return {}; }").handle(call(Map.of()))))
			.hasMessage("Initialization has failed due to: Action entrypoint 'main' is not a function.");
	}

	@Test
	void nodeSeesContextAndEnvironment() throws Exception {
		String code = """
				function main(args, context) {
				  return {
				    activationId: context.activationId, apiHost: context.apiHost, namespace: context.namespace,
				    functionName: context.functionName, functionVersion: context.functionVersion,
				    requestId: context.requestId, deadline: context.deadline,
				    remaining: context.getRemainingTimeInMillis(),
				    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('__OW_'))),
				    token: process.env.API_TOKEN, keys: Object.keys(process.env)
				  };
				}
				""";
		long before = System.currentTimeMillis();
		Map<String, Object> result = map(withSecret("nodejs:18", code).handle(call(Map.of())));
		assertThat(result).containsEntry("activationId", "act-1")
			.containsEntry("apiHost", "https://faas-nyc1.example.com")
			.containsEntry("namespace", "fn-ns")
			.containsEntry("functionName", "/fn-ns/pkg/hello")
			.containsEntry("functionVersion", "0.0.1")
			.containsEntry("requestId", "act-1")
			.containsEntry("token", SECRET);
		long deadline = ((Number) result.get("deadline")).longValue();
		assertThat(deadline).isBetween(before + 20_000, System.currentTimeMillis() + 20_000);
		assertThat(((Number) result.get("remaining")).longValue()).isPositive().isLessThanOrEqualTo(20_000);
		assertThat(map(result.get("env"))).containsEntry("__OW_ACTIVATION_ID", "act-1")
			.containsEntry("__OW_ACTION_NAME", "/fn-ns/pkg/hello")
			.containsEntry("__OW_NAMESPACE", "fn-ns")
			.containsEntry("__OW_API_HOST", "https://faas-nyc1.example.com")
			.containsEntry("__OW_DEADLINE", Long.toString(deadline));
		assertThat((List<?>) result.get("keys")).allSatisfy((key) -> assertThat(Set.of("PATH", "HOME", "LANG", "LC_ALL",
				"LC_CTYPE", "TZ", "TMPDIR", "TEMP", "TMP", "SYSTEMROOT", "PYENV_ROOT", "NVM_DIR", "PYTHONIOENCODING",
				"PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "API_TOKEN"))
			.as("an environment variable of the emulator's own passed on: %s", key)
			.matches((allowed) -> allowed.contains(key) || key.toString().startsWith("__OW_")));
	}

	@Test
	void nodeStdoutAndStderrAreLogLines() throws Exception {
		FunctionCall call = call(Map.of());
		node("function main() { console.log('to stdout'); console.error('to stderr'); return {}; }").handle(call);
		assertThat(call.logs()).hasSize(2);
		// Two streams read apart: their lines keep their own order, not each other's.
		assertThat(call.logs()).anyMatch((line) -> line.matches("\\S+Z stdout: to stdout"))
			.anyMatch((line) -> line.matches("\\S+Z stderr: to stderr"));
	}

	@Test
	void nodeResultThatIsNotAnObjectFails() {
		assertThat(catchThrowable(() -> node("function main() { return 42; }").handle(call(Map.of()))))
			.hasMessage("The action did not return a dictionary.");
	}

	@Test
	void nodeUndefinedResultIsAnEmptyObject() throws Exception {
		assertThat(node("function main() { return; }").handle(call(Map.of()))).isEqualTo(Map.of());
	}

	@Test
	void nodeThrownErrorFailsTheActivation() {
		FunctionCall call = call(Map.of());
		Throwable thrown = catchThrowable(() -> node("function main() { throw new Error('boom'); }").handle(call));
		assertThat(thrown).hasMessage("An error has occurred: Error: boom");
		assertThat(call.logs()).anyMatch((line) -> line.matches("\\S+ stderr: Error: boom"));
	}

	@Test
	void nodeRejectedPromiseIsAnErrorResult() throws Exception {
		Map<String, Object> result = map(
				node("async function main() { throw new TypeError('late boom'); }").handle(call(Map.of())));
		assertThat(map(result.get("error"))).containsEntry("name", "TypeError").containsEntry("message", "late boom");
	}

	@Test
	void nodeProcessExitFails() {
		FunctionCall call = call(Map.of());
		Throwable thrown = catchThrowable(
				() -> node("function main() { console.log('leaving'); process.exit(3); }").handle(call));
		assertThat(thrown).hasMessage("The action did not produce a valid response and exited unexpectedly.");
		assertThat(call.logs()).anyMatch((line) -> line.endsWith(" stdout: leaving"));
	}

	@Test
	void nodeTimeoutKillsTheProcessAndItsChildren() throws Exception {
		String code = """
				function main() {
				  const child = require('child_process').spawn('sleep', ['60'], { stdio: 'ignore' });
				  console.log('pids ' + process.pid + ' ' + child.pid);
				  while (true) {}
				}
				""";
		ProcessFunction function = new ProcessFunction("spin", "nodejs:18", null, false, code, Map.of(),
				Duration.ofMillis(500), "https://faas-nyc1.example.com", JSON);
		FunctionCall call = call(Map.of());
		Throwable thrown = catchThrowable(() -> function.handle(call));
		assertThat(thrown).hasMessage("The action exceeded its time limits of 500 milliseconds.");
		String[] pids = call.logs().get(0).replaceAll(".* stdout: pids ", "").split(" ");
		assertThat(ProcessHandle.of(Long.parseLong(pids[0])).filter(ProcessHandle::isAlive)).isEmpty();
		ProcessHandle child = ProcessHandle.of(Long.parseLong(pids[1])).orElse(null);
		if (child != null) {
			// Killed, and reaped by whoever adopted it
			child.onExit().get(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void aDetachedChildIsKilledWhenTheFunctionEndsAndKeepsNoPipeOpen() throws Exception {
		String code = """
				function main() {
				  const child = require('child_process').spawn('sh', ['-c', 'echo started; sleep 4444'],
				      { detached: true, stdio: 'inherit' });
				  child.unref();
				  return { child: child.pid };
				}
				""";
		ProcessFunction function = new ProcessFunction("leaver", "nodejs:18", null, false, code, Map.of(),
				Duration.ofSeconds(30), "https://faas-nyc1.example.com", JSON);
		FunctionCall call = call(Map.of());

		Object result = function.handle(call);

		long child = ((Number) ((Map<?, ?>) result).get("child")).longValue();
		ProcessHandle handle = ProcessHandle.of(child).orElse(null);
		if (handle != null) {
			// Killed when the function ended, not in 4444 seconds
			handle.onExit().get(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void aPromiseThatNeverSettlesRunsIntoTheTimeout() {
		ProcessFunction function = new ProcessFunction("pending", "nodejs:18", null, false,
				"function main() { return new Promise(() => {}); }", Map.of(), Duration.ofMillis(500),
				"https://faas-nyc1.example.com", JSON);

		assertThat(catchThrowable(() -> function.handle(call(Map.of()))))
			.hasMessage("The action exceeded its time limits of 500 milliseconds.");
	}

	@Test
	void nodeResultOverOneMegabyteFails() {
		assertThat(catchThrowable(
				() -> node("function main() { return { big: 'x'.repeat(1100000) }; }").handle(call(Map.of()))))
			.hasMessageStartingWith(
					"The action produced a response that exceeded the allowed length: 1100010 > 1048576 bytes.");
	}

	@Test
	void logsAreCappedAt256Kilobytes() throws Exception {
		FunctionCall call = call(Map.of());
		node("function main() { for (let i = 0; i < 3000; i++) console.log('y'.repeat(99)); return {}; }").handle(call);
		List<String> logs = call.logs();
		assertThat(logs).hasSize(256 * 1024 / 99 + 1);
		assertThat(logs.get(logs.size() - 1))
			.endsWith(" stderr: Logs were truncated because the total bytes size exceeds the limit of 262144 bytes.");
	}

	@Test
	void nodeZipRunsPackageJsonMain() throws Exception {
		String zip = zip(Map.of("package.json", "{\"main\": \"lib/app.js\"}", "lib/app.js",
				"const { word } = require('./word');\nexports.main = () => ({ zip: word, cwd: process.cwd() });",
				"lib/word.js", "exports.word = 'node';"));
		ProcessFunction function = new ProcessFunction("zipped", "nodejs:18", null, true, zip, Map.of(),
				Duration.ofSeconds(20), "https://faas-nyc1.example.com", JSON);
		Map<String, Object> result = map(function.handle(call(Map.of())));
		assertThat(result).containsEntry("zip", "node");
		assertThat(Path.of((String) result.get("cwd"))).as("the run's folder, removed").doesNotExist();
	}

	@Test
	void nodeZipWithoutEntryFails() {
		String zip = zip(Map.of("other.js", "exports.main = () => ({});"));
		ProcessFunction function = new ProcessFunction("zipped", "nodejs:18", null, true, zip, Map.of(),
				Duration.ofSeconds(20), "https://faas-nyc1.example.com", JSON);
		assertThat(catchThrowable(() -> function.handle(call(Map.of())))).hasMessage(
				"Initialization has failed due to: Zipped actions must contain either package.json or index.js at the root.");
	}

	// Python

	@Test
	void pythonMainWithArgs() throws Exception {
		String code = """
				def main(args):
				    return {"greeting": "Hello " + args.get("name", "stranger")}
				""";
		assertThat(python(code).handle(call(Map.of("name", "Sammy")))).isEqualTo(Map.of("greeting", "Hello Sammy"));
	}

	@Test
	void pythonMainWithEventAndContext() throws Exception {
		String code = """
				import os
				def main(event, context):
				    return {
				        "activation_id": context.activation_id, "api_host": context.api_host,
				        "function_name": context.function_name, "function_version": context.function_version,
				        "namespace": context.namespace, "request_id": context.request_id,
				        "deadline": context.deadline, "remaining": context.get_remaining_time_in_millis(),
				        "token": os.environ.get("API_TOKEN"), "action": os.environ.get("__OW_ACTION_NAME"),
				        "event": event,
				    }
				""";
		Map<String, Object> result = map(withSecret("python:3.11", code).handle(call(Map.of("k", "v"))));
		assertThat(result).containsEntry("activation_id", "act-1")
			.containsEntry("api_host", "https://faas-nyc1.example.com")
			.containsEntry("function_name", "/fn-ns/pkg/hello")
			.containsEntry("function_version", "0.0.1")
			.containsEntry("namespace", "fn-ns")
			.containsEntry("request_id", "act-1")
			.containsEntry("token", SECRET)
			.containsEntry("action", "/fn-ns/pkg/hello")
			.containsEntry("event", Map.of("k", "v"));
		assertThat(((Number) result.get("remaining")).longValue()).isPositive().isLessThanOrEqualTo(20_000);
	}

	@Test
	void pythonStdoutAndStderrAreLogLines() throws Exception {
		String code = """
				import sys
				def main(args):
				    print("to stdout")
				    print("to stderr", file=sys.stderr)
				    return {}
				""";
		FunctionCall call = call(Map.of());
		python(code).handle(call);
		assertThat(call.logs()).hasSize(2);
		// Two streams read apart: their lines keep their own order, not each other's.
		assertThat(call.logs()).anyMatch((line) -> line.matches("\\S+Z stdout: to stdout"))
			.anyMatch((line) -> line.matches("\\S+Z stderr: to stderr"));
	}

	@Test
	void pythonResultThatIsNotADictionaryFails() {
		assertThat(catchThrowable(() -> python("def main(args):\n    return 'rebel'\n").handle(call(Map.of()))))
			.hasMessage("The action did not return a dictionary.");
	}

	@Test
	void pythonExceptionIsAnErrorResultWithTheTracebackInTheLogs() throws Exception {
		FunctionCall call = call(Map.of());
		Object result = python("def main(args):\n    raise ValueError('boom')\n").handle(call);
		assertThat(result).isEqualTo(Map.of("error", "boom"));
		assertThat(call.logs()).anyMatch((line) -> line.endsWith(" stderr: ValueError: boom"));
	}

	@Test
	void pythonExitFails() {
		assertThat(
				catchThrowable(() -> python("import sys\ndef main(args):\n    sys.exit(3)\n").handle(call(Map.of()))))
			.hasMessage("The action did not produce a valid response and exited unexpectedly.");
	}

	@Test
	void pythonSyntaxErrorFailsToInitialize() {
		assertThat(catchThrowable(() -> python("def main(args)\n    return {}\n").handle(call(Map.of()))))
			.hasMessageStartingWith("Initialization has failed due to: ");
	}

	@Test
	void pythonTimeoutKillsTheProcess() {
		String code = "import os\ndef main(args):\n    print('pid', os.getpid())\n    while True:\n        pass\n";
		// Long enough for python3 to start and print on a busy machine.
		ProcessFunction function = new ProcessFunction("spin", "python:3.11", null, false, code, Map.of(),
				Duration.ofSeconds(3), "https://faas-nyc1.example.com", JSON);
		FunctionCall call = call(Map.of());
		assertThat(catchThrowable(() -> function.handle(call)))
			.hasMessage("The action exceeded its time limits of 3000 milliseconds.");
		long pid = Long.parseLong(call.logs().get(0).replaceAll(".* stdout: pid ", ""));
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void pythonZipRunsMainPyWithItsModulesAndVirtualenv() throws Exception {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("__main__.py", "from helper import word\nimport vendored\n"
				+ "def main(args):\n    return {'zip': word, 'vendored': vendored.NAME}\n");
		files.put("helper.py", "word = 'python'\n");
		files.put("virtualenv/lib/python3.11/site-packages/vendored.py", "NAME = 'from the virtualenv'\n");
		ProcessFunction function = new ProcessFunction("zipped", "python:3.11", null, true, zip(files), Map.of(),
				Duration.ofSeconds(20), "https://faas-nyc1.example.com", JSON);
		assertThat(function.handle(call(Map.of())))
			.isEqualTo(Map.of("zip", "python", "vendored", "from the virtualenv"));
	}

	// Zips, kinds, secrets

	@Test
	void zipEntryThatEscapesItsFolderIsRefused() throws IOException {
		Path outside = Files.createTempDirectory("zip-slip-");
		try {
			Map<String, String> files = new LinkedHashMap<>();
			files.put("index.js", "exports.main = () => ({});");
			files.put("../../../../../../.." + outside + "/evil.js", "boom");
			ProcessFunction function = new ProcessFunction("zipped", "nodejs:18", null, true, zip(files), Map.of(),
					Duration.ofSeconds(20), "https://faas-nyc1.example.com", JSON);
			assertThat(catchThrowable(() -> function.handle(call(Map.of()))))
				.hasMessageStartingWith("The action's zip has an entry that escapes its folder: '../");
			assertThat(outside.resolve("evil.js")).doesNotExist();
			ProcessFunction absolute = new ProcessFunction("zipped", "python:3.11", null, true,
					zip(Map.of("/tmp/evil.py", "boom")), Map.of(), Duration.ofSeconds(20),
					"https://faas-nyc1.example.com", JSON);
			assertThat(catchThrowable(() -> absolute.handle(call(Map.of()))))
				.hasMessage("The action's zip has an entry that escapes its folder: '/tmp/evil.py'");
		}
		finally {
			Files.deleteIfExists(outside.resolve("evil.js"));
			Files.delete(outside);
		}
	}

	@Test
	void kindsThisMachineCannotRunSayWhatToDoInstead() {
		assertThat(ProcessFunction.cannotRun("php:8.2")).contains("'php:8.2'")
			.contains("register a Java handler with FunctionsEmulator.registerFunction(name, handler) instead");
		assertThat(ProcessFunction.cannotRun("nodejs:18")).isNull();
		assertThat(ProcessFunction.cannotRun("python:3.11")).isNull();
		ProcessFunction php = new ProcessFunction("hello", "php:8.2", null, false, "<?php", Map.of(),
				Duration.ofSeconds(20), "https://faas-nyc1.example.com", JSON);
		assertThat(catchThrowable(() -> php.handle(call(Map.of())))).hasMessage(ProcessFunction.cannotRun("php:8.2"));
	}

	@Test
	void secretsStayOutOfMessagesAndToString() {
		ProcessFunction failing = withSecret("nodejs:18", "function main() { throw new Error('no luck'); }");
		assertThat(failing.toString()).contains("API_TOKEN").doesNotContain(SECRET);
		assertThat(catchThrowable(() -> failing.handle(call(Map.of())))).hasMessageNotContaining(SECRET);
		ProcessFunction spinning = new ProcessFunction("spin", "python:3.11", null, false,
				"def main(args):\n    while True:\n        pass\n", Map.of("API_TOKEN", SECRET), Duration.ofMillis(300),
				"https://faas-nyc1.example.com", JSON);
		assertThat(catchThrowable(() -> spinning.handle(call(Map.of())))).hasMessageNotContaining(SECRET);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProcessFunction("hello", "nodejs:18", null, false, "",
					Map.of("API_TOKEN", SECRET + "\0"), Duration.ofSeconds(1), "https://faas-nyc1.example.com", JSON))
			.withMessageNotContaining(SECRET);
	}

	private static ProcessFunction node(String code) {
		return new ProcessFunction("pkg/hello", "nodejs:18", null, false, code, Map.of(), Duration.ofSeconds(20),
				"https://faas-nyc1.example.com", JSON);
	}

	private static ProcessFunction python(String code) {
		return new ProcessFunction("pkg/hello", "python:3.11", null, false, code, Map.of(), Duration.ofSeconds(20),
				"https://faas-nyc1.example.com", JSON);
	}

	private static ProcessFunction withSecret(String kind, String code) {
		return new ProcessFunction("pkg/hello", kind, null, false, code, Map.of("API_TOKEN", SECRET),
				Duration.ofSeconds(20), "https://faas-nyc1.example.com", JSON);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static FunctionCall call(Map<String, Object> parameters) {
		return new FunctionCall("fn-ns", "act-1", parameters, Clock.systemUTC());
	}

	private static String zip(Map<String, String> files) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

}
