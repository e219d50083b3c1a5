package io.github.dofunctions.client.project;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.WebExport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ProjectReader}: real project folders written by each test.
 */
class ProjectReaderTests {

	private static final String SECRET = "s3cr3t-value-XYZ";

	@TempDir
	Path project;

	private final List<String> output = new ArrayList<>();

	private ProjectReader.Options options() {
		return new ProjectReader.Options(null, Map.of("PATH", System.getenv("PATH")), false, this.output::add);
	}

	private Path write(String path, String content) throws IOException {
		Path file = this.project.resolve(path);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	private Project read() {
		return ProjectReader.read(this.project, options());
	}

	private static ProjectPackage pkg(Project project, String name) {
		return project.packages().stream().filter((p) -> p.name().equals(name)).findFirst().orElseThrow();
	}

	private static ProjectFunction function(Project project, String name) {
		return project.packages()
			.stream()
			.flatMap((p) -> p.functions().stream())
			.filter((f) -> f.definition().name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> entries(FunctionDefinition definition) throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(definition.zip()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

	@Test
	void singleFileFunctionsTakeNameAndRuntimeFromTheFile() throws IOException {
		write("packages/sample/hello.js", "function main() { return {} }");
		write("packages/sample/calc.py", "def main(args): return {}");
		write("packages/sample/tool.go", "package main");
		write("packages/sample/page.php", "<?php function main() {}");
		Project read = read();
		assertThat(read.packages()).extracting(ProjectPackage::name).containsExactly("sample");
		assertThat(pkg(read, "sample").functions())
			.extracting((f) -> f.definition().name() + " " + f.definition().runtime())
			.containsExactly("sample/calc python:default", "sample/hello nodejs:default", "sample/page php:default",
					"sample/tool go:default");
		FunctionDefinition hello = function(read, "sample/hello").definition();
		assertThat(hello.source()).isEqualTo("function main() { return {} }");
		// adjustWebExportFlags: no web: key, a web function
		assertThat(hello.web()).isEqualTo(WebExport.ON);
		assertThat(function(read, "sample/hello").webDeclared()).isFalse();
	}

	@Test
	void singleFileThatIsNotTextIsRefusedSayingToZipIt() throws IOException {
		Path file = this.project.resolve("packages/sample/tool.js");
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1 });

		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessage(file + " is not UTF-8 text: a single file is deployed as source code, and code that is not "
					+ "text is deployed as a .zip");
	}

	@Test
	void defaultPackageFunctionsAreOutsideAnyPackage() throws IOException {
		write("packages/default/hello.js", "function main() {}");
		Project read = read();
		assertThat(pkg(read, "default").isDefault()).isTrue();
		assertThat(function(read, "hello").definition().packageName()).isNull();
	}

	@Test
	void folderFunctionIsZippedWithoutSystemFiles() throws IOException {
		write("packages/p/f/index.js", "exports.main = () => ({})");
		write("packages/p/f/lib/util.js", "module.exports = 1");
		write("packages/p/f/.gitignore", "x");
		write("packages/p/f/.git/HEAD", "ref");
		write("packages/p/f/notes.txt~", "backup");
		FunctionDefinition definition = function(read(), "p/f").definition();
		assertThat(definition.runtime()).isEqualTo("nodejs:default");
		assertThat(entries(definition)).containsExactly("index.js", "lib/util.js");
	}

	@Test
	void folderWithOneFileIsDeployedAsThatFile() throws IOException {
		write("packages/p/f/index.py", "def main(args): return {}");
		FunctionDefinition definition = function(read(), "p/f").definition();
		assertThat(definition.source()).isEqualTo("def main(args): return {}");
		assertThat(definition.runtime()).isEqualTo("python:default");
	}

	@Test
	void ignoreFileDropsMatchingFiles() throws IOException {
		write("packages/p/f/index.js", "x");
		write("packages/p/f/keep.js", "x");
		write("packages/p/f/test/a.js", "x");
		write("packages/p/f/docs/readme.md", "x");
		write("packages/p/f/sub/docs/other.md", "x");
		write("packages/p/f/.ignore", "# tests stay home\ntest/\n*.md\n!sub/docs/other.md\n");
		assertThat(entries(function(read(), "p/f").definition())).containsExactly("index.js", "keep.js",
				"sub/docs/other.md");
	}

	@Test
	void includeFileSelectsFilesAndLib() throws IOException {
		write("packages/p/f/index.js", "x");
		write("packages/p/f/data/a.json", "{}");
		write("packages/p/f/other.js", "x");
		write("lib/shared.js", "x");
		write("packages/p/f/.include", "index.js\n./data/\n../../../lib/shared.js\n");
		assertThat(entries(function(read(), "p/f").definition())).containsExactly("data/a.json", "index.js",
				"shared.js");
	}

	@Test
	void includeRefusesDotDotAndMissingFiles() throws IOException {
		write("packages/p/f/index.js", "x");
		write("packages/p/f/.include", "../g/index.js\n");
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageContaining("Illegal use of '..' in an '.include' file");
		write("packages/p/f/.include", "index.js\nmissing.js\n");
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageContaining("missing.js is included for");
	}

	@Test
	void projectYmlSettingsApply() throws IOException {
		write("packages/api/hello.js", "function main() {}");
		write("project.yml", """
				parameters:
				  region: eu
				environment:
				  LEVEL: info
				packages:
				  - name: api
				    parameters:
				      region: us
				    environment:
				      API: v1
				    annotations:
				      team: core
				    functions:
				      - name: hello
				        runtime: 'nodejs:18'
				        main: ''
				        binary: false
				        web: raw
				        webSecure: my-web-secret
				        parameters: {count: 3}
				        environment: {TOKEN: abc}
				        annotations: {owner: me}
				        limits: {timeout: 3000, memory: 512}
				""");
		Project read = read();
		ProjectPackage api = pkg(read, "api");
		assertThat(api.parameters()).containsExactly(Map.entry("region", "us"));
		assertThat(api.environment()).containsOnly(Map.entry("LEVEL", "info"), Map.entry("API", "v1"));
		assertThat(api.annotations()).containsExactly(Map.entry("team", "core"));
		ProjectFunction hello = function(read, "api/hello");
		FunctionDefinition definition = hello.definition();
		assertThat(definition.runtime()).isEqualTo("nodejs:18");
		assertThat(definition.main()).isNull();
		assertThat(definition.web()).isEqualTo(WebExport.RAW);
		assertThat(definition.webSecret()).isEqualTo("my-web-secret");
		assertThat(definition.parameters()).containsExactly(Map.entry("count", 3));
		assertThat(definition.environment()).containsExactly(Map.entry("TOKEN", "abc"));
		assertThat(definition.annotations()).containsExactly(Map.entry("owner", "me"));
		assertThat(definition.limits().timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(definition.limits().memory()).isEqualTo(512);
		assertThat(hello.webDeclared()).isTrue();
	}

	@Test
	void actionsIsAcceptedForFunctions() throws IOException {
		write("packages/p/hello.js", "x");
		write("project.yml", "packages:\n  - name: p\n    actions:\n      - name: hello\n        web: false\n");
		ProjectFunction hello = function(read(), "p/hello");
		assertThat(hello.definition().web()).isEqualTo(WebExport.OFF);
		assertThat(hello.webDeclared()).isTrue();
	}

	@Test
	void triggersAreRead() throws IOException {
		write("packages/p/hello.js", "x");
		write("project.yml", """
				packages:
				  - name: p
				    functions:
				      - name: hello
				        triggers:
				          - name: nightly
				            sourceType: scheduler
				            sourceDetails:
				              cron: "0 2 * * *"
				              withBody: {mode: full}
				          - name: paused
				            sourceType: scheduler
				            enabled: false
				            sourceDetails: {cron: "*/5 * * * *"}
				""");
		assertThat(function(read(), "p/hello").triggers()).containsExactly(
				new ProjectTrigger("nightly", "p/hello", "0 2 * * *", Map.of("mode", "full"), true),
				new ProjectTrigger("paused", "p/hello", "*/5 * * * *", null, false));
	}

	@Test
	void triggerOfAnotherSourceTypeIsRefused() throws IOException {
		write("packages/p/hello.js", "x");
		write("project.yml", "packages:\n  - name: p\n    functions:\n      - name: hello\n        triggers:\n"
				+ "          - name: t\n            sourceType: kafka\n            sourceDetails: {cron: '* * * * *'}\n");
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageContaining("packages[0].functions[0].triggers[0].sourceType")
			.withMessageContaining("only triggers with sourcetype 'scheduler'");
	}

	@Test
	void unknownKeyIsNamedWithItsPath() throws IOException {
		write("packages/p/a.js", "x");
		write("packages/p/b.js", "x");
		write("project.yml",
				"packages:\n  - name: p\n    functions:\n      - name: a\n      - name: b\n        limts: {timeout: 10}\n");
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessage("project.yml: packages[0].functions[1].limts: unknown key");
	}

	@Test
	void logsLimitIsRefusedNotDropped() throws IOException {
		write("packages/p/a.js", "x");
		write("project.yml", "packages:\n  - name: p\n    functions:\n      - name: a\n        limits: {logs: 10}\n");
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageContaining("packages[0].functions[0].limits.logs");
	}

	@Test
	void refusedAsDoctlRefusesOrNotSupported() throws IOException {
		write("packages/p/a.js", "x");
		assertRefused("packages:\n  - name: p\n    shared: true\n", "'shared: true' is not supported");
		assertRefused("packages:\n  - name: default\n    shared: true\n",
				"'shared' must be absent or false for the default package");
		assertRefused("packages:\n  - name: p\n    functions:\n      - name: s\n        sequence: [a]\n",
				"sequences are not supported");
		assertRefused(
				"packages:\n  - name: p\n    functions:\n      - name: a\n        annotations:\n"
						+ "          require-whisk-auth: x\n",
				"the 'require-whisk-auth' annotation may not be set explicitly; use 'webSecure'");
		assertRefused("packages:\n  - name: p\n    functions:\n      - name: a\n        annotations:\n"
				+ "          provide-api-key: true\n", "function 'p/a': annotation 'provide-api-key'");
		assertRefused("packages:\n  - name: p\n    functions:\n      - name: a\n        webSecure: true\n",
				"must be a boolean false or a string");
		assertRefused("targetNamespace: fn-1\n", "project.yml: targetNamespace: doctl's 'targetNamespace' is not");
	}

	private void assertRefused(String yaml, String message) throws IOException {
		write("project.yml", yaml);
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read).withMessageContaining(message);
	}

	@Test
	void malformedYamlIsReportedWithLineAndColumn() throws IOException {
		write("packages/p/a.js", "x");
		write("project.yml", "packages:\n  - name: p\n    functions: [\n      - name: a\n");
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageStartingWith(this.project.resolve("project.yml") + " line 4, column 7: malformed YAML");
	}

	@Test
	void malformedYamlLineAndColumnAreThoseOfTheFileBeforeSubstitution() throws IOException {
		write("packages/p/a.js", "x");
		write("project.yml", "parameters: {a: '${LONG}', b: c: d}\n");
		Map<String, String> environment = Map.of("LONG", "a-much-longer-value-than-the-reference");
		assertThatExceptionOfType(ProjectException.class)
			.isThrownBy(() -> ProjectReader.read(this.project, options().withEnvironment(environment)))
			.withMessageStartingWith(this.project.resolve("project.yml") + " line 1, column 32: malformed YAML")
			.withMessageNotContaining("a-much-longer-value");
	}

	@Test
	void tabsAreRefusedAsDoctlRefusesThem() throws IOException {
		write("project.yml", "packages:\n\t- name: p\n");
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageContaining("line 2, column 1: YAML configuration may not contain tabs");
	}

	@Test
	void variablesComeFromTheEnvironmentThenTheEnvFile() throws IOException {
		write("packages/p/a.js", "x");
		write("vars.env", "# comment\nTOKEN=from-file\nexport REGION=\"eu\"\nONLY_FILE=file-only\n");
		write("project.yml", """
				packages:
				  - name: p
				    environment:
				      TOKEN: ${TOKEN}
				      REGION: "region-${REGION}"
				      ONLY: ${ONLY_FILE}
				      LITERAL: $TOKEN
				""");
		Map<String, String> environment = Map.of("TOKEN", "from-environment");
		Project read = ProjectReader.read(this.project,
				options().withEnvironment(environment).withEnvFile(this.project.resolve("vars.env")));
		assertThat(pkg(read, "p").environment()).containsExactly(Map.entry("TOKEN", "from-environment"),
				Map.entry("REGION", "region-eu"), Map.entry("ONLY", "file-only"), Map.entry("LITERAL", "$TOKEN"));
	}

	@Test
	void projectDotEnvIsTheDefaultEnvFile() throws IOException {
		write("packages/p/a.js", "x");
		write(".env", "TOKEN=dot-env\n");
		write("project.yml", "packages:\n  - name: p\n    environment: {TOKEN: '${TOKEN}'}\n");
		assertThat(pkg(read(), "p").environment()).containsExactly(Map.entry("TOKEN", "dot-env"));
	}

	@Test
	void undefinedVariablesAreNamed() throws IOException {
		write("packages/p/a.js", "x");
		write("project.yml", "packages:\n  - name: p\n    environment: {A: '${MISSING_ONE}', B: '${MISSING_TWO}'}\n");
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageContaining("could not be resolved: 'MISSING_ONE', 'MISSING_TWO'");
	}

	@Test
	void missingEnvFileIsAnError() {
		assertThatExceptionOfType(ProjectException.class)
			.isThrownBy(() -> ProjectReader.read(this.project, options().withEnvFile(this.project.resolve("none.env"))))
			.withMessageContaining("does not exist");
	}

	@Test
	void functionOfProjectYmlWithoutCodeIsAnError() throws IOException {
		write("project.yml", "packages:\n  - name: p\n    functions:\n      - name: ghost\n");
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageContaining("function 'p/ghost' of project.yml has no code")
			.withMessageContaining(this.project.toRealPath().resolve("packages/p/ghost") + " (a folder)");
	}

	@Test
	void linkOutOfTheProjectIsRefused(@TempDir Path outside) throws IOException {
		Files.writeString(outside.resolve("secret.js"), "x");
		write("packages/p/f/index.js", "x");
		Files.createSymbolicLink(this.project.resolve("packages/p/f/leak.js"), outside.resolve("secret.js"));
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageContaining("leaves the project folder");
	}

	@Test
	void linkedPackageOutOfTheProjectIsRefused(@TempDir Path outside) throws IOException {
		Files.writeString(outside.resolve("a.js"), "x");
		Files.createDirectories(this.project.resolve("packages"));
		Files.createSymbolicLink(this.project.resolve("packages/p"), outside);
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageContaining("packages/p")
			.withMessageContaining("leaves the project folder");
	}

	@Test
	void zipOverTheLimitIsRefusedWithTheFunctionsName() throws IOException {
		write("packages/p/big/index.js", "x");
		byte[] noise = new byte[FunctionDefinition.MAX_CODE_BYTES + 1024 * 1024];
		new Random(7).nextBytes(noise);
		Files.write(this.project.resolve("packages/p/big/data.bin"), noise);
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageStartingWith("function 'p/big': zip is")
			.withMessageContaining("48 MB");
	}

	@Test
	void buildShRunsInTheFunctionsFolder() throws IOException {
		write("packages/p/f/index.js", "x");
		Path script = write("packages/p/f/build.sh", "#!/bin/sh\necho building\necho generated > generated.js\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		Project read = ProjectReader.read(this.project, options().withBuild(true));
		assertThat(entries(function(read, "p/f").definition())).containsExactly("generated.js", "index.js");
		assertThat(this.output).contains("building");
	}

	@Test
	void buildsRunOnlyWhenAsked() throws IOException {
		write("packages/p/f/index.js", "x");
		write("packages/p/f/other.js", "x");
		Path script = write("packages/p/f/build.sh", "#!/bin/sh\necho generated > generated.js\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		assertThat(entries(function(read(), "p/f").definition())).containsExactly("index.js", "other.js");
	}

	@Test
	void failedBuildIsAnError() throws IOException {
		write("packages/p/f/index.js", "x");
		Path script = write("packages/p/f/build.sh", "#!/bin/sh\nexit 3\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		assertThatExceptionOfType(ProjectException.class)
			.isThrownBy(() -> ProjectReader.read(this.project, options().withBuild(true)))
			.withMessage("function 'p/f': './build.sh' exited with code 3");
	}

	@Test
	void packageJsonIsInstalledWithNpm() throws IOException {
		write("packages/p/f/index.js", "exports.main = () => ({})");
		write("packages/p/f/package.json", "{\"name\": \"f\", \"version\": \"1.0.0\", \"main\": \"index.js\"}");
		Map<String, String> environment = new HashMap<>(System.getenv());
		environment.put("npm_config_audit", "false");
		environment.put("npm_config_fund", "false");
		environment.put("npm_config_offline", "true");
		environment.put("npm_config_update_notifier", "false");
		Project read = ProjectReader.read(this.project, options().withEnvironment(environment).withBuild(true));
		assertThat(entries(function(read, "p/f").definition())).contains("index.js", "package.json",
				"package-lock.json");
		assertThat(this.output).anyMatch((line) -> line.startsWith("Started running npm install --production"));
	}

	@Test
	void missingToolIsNamed() throws IOException {
		write("packages/p/f/index.js", "x");
		write("packages/p/f/package.json", "{}");
		Map<String, String> environment = Map.of("PATH", this.project.resolve("no-tools").toString());
		assertThatExceptionOfType(ProjectException.class)
			.isThrownBy(() -> ProjectReader.read(this.project, options().withEnvironment(environment).withBuild(true)))
			.withMessage("function 'p/f' is built with 'npm install --production', and 'npm' is not on the PATH");
	}

	@Test
	void requirementsTxtAloneIsNotBuilt() throws IOException {
		write("packages/p/f/__main__.py", "def main(args): return {}");
		write("packages/p/f/requirements.txt", "");
		Project read = ProjectReader.read(this.project, options().withBuild(true));
		assertThat(entries(function(read, "p/f").definition())).containsExactly("__main__.py", "requirements.txt");
		assertThat(this.output).isEmpty();
	}

	@Test
	void secretsStayOutOfMessagesAndToString() throws IOException {
		write("packages/p/a.js", "x");
		write("project.yml", "packages:\n  - name: p\n    environment: {TOKEN: '${TOKEN}'}\n    functions:\n"
				+ "      - name: a\n        environment: {KEY: " + SECRET + "}\n        limits: {memory: 99}\n");
		Map<String, String> environment = Map.of("TOKEN", SECRET);
		ProjectReader.Options options = options().withEnvironment(environment);
		assertThat(options.toString()).doesNotContain(SECRET);
		assertThatExceptionOfType(ProjectException.class).isThrownBy(() -> ProjectReader.read(this.project, options))
			.withMessageContaining("limits")
			.withMessageNotContaining(SECRET);
		write("project.yml", "packages:\n  - name: p\n    environment: {TOKEN: '${TOKEN}'}\n    functions:\n"
				+ "      - name: a\n        environment: {KEY: " + SECRET + "}\n");
		Project read = ProjectReader.read(this.project, options);
		assertThat(pkg(read, "p").environment()).containsEntry("TOKEN", SECRET);
		assertThat(read.toString()).doesNotContain(SECRET);
	}

	@Test
	void secretsStayOutOfYamlErrors() throws IOException {
		write("project.yml", "packages:\n  - name: p\n    environment: {TOKEN: ${TOKEN}: x}\n");
		Map<String, String> environment = Map.of("TOKEN", SECRET);
		assertThatExceptionOfType(ProjectException.class)
			.isThrownBy(() -> ProjectReader.read(this.project, options().withEnvironment(environment)))
			.withMessageContaining("malformed YAML")
			.withMessageNotContaining(SECRET);
	}

	@Test
	void defaultsReadTheProcessEnvironmentAndBuild() {
		ProjectReader.Options defaults = ProjectReader.Options.defaults();
		assertThat(defaults.environment()).isEqualTo(System.getenv());
		assertThat(defaults.envFile()).isNull();
		assertThat(defaults.build()).isTrue();
	}

	@Test
	void duplicateFunctionNamesAreRefused() throws IOException {
		write("packages/p/f.js", "x");
		write("packages/p/f.py", "x");
		assertThatExceptionOfType(ProjectException.class).isThrownBy(this::read)
			.withMessageContaining("the function name 'f' appears twice");
	}

	@Test
	void textIsReadAsUtf8() throws IOException {
		Files.createDirectories(this.project.resolve("packages/p"));
		Files.write(this.project.resolve("packages/p/a.js"), "// é".getBytes(StandardCharsets.UTF_8));
		assertThat(function(read(), "p/a").definition().source()).isEqualTo("// é");
	}

}
