package io.github.dofunctions.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.error.FunctionsConflictException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.model.DeployedFunction;
import io.github.dofunctions.client.model.DeployedPackage;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.FunctionLimits;
import io.github.dofunctions.client.model.FunctionRuntime;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.PackageDefinition;
import io.github.dofunctions.client.model.WebExport;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.ApiHostStubs.KEY_ID;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_ID;
import static io.github.dofunctions.test.ApiHostStubs.answer;
import static io.github.dofunctions.test.ApiHostStubs.basic;
import static io.github.dofunctions.test.ApiHostStubs.managedKey;
import static io.github.dofunctions.test.StubbedFunctionsApi.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Deployment of functions and packages, over HTTP against a stub of the namespace's API
 * host held to OpenWhisk's description: every request the deployer sends, and what it
 * makes of every answer.
 */
class FunctionDeployerTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	private static final String ACTIONS = "/api/v1/namespaces/_/actions";

	private static final String PACKAGES = "/api/v1/namespaces/_/packages";

	/**
	 * The runtimes DigitalOcean offers, as an API host's {@code GET /api/v1} lists them.
	 */
	static final String API_INFO = """
			{"api_paths": ["/api/v1"], "description": "OpenWhisk", "runtimes": {
			  "nodejs": [{"kind": "nodejs:18", "default": true, "deprecated": false},
			             {"kind": "nodejs:14", "default": false, "deprecated": true}],
			  "python": [{"kind": "python:3.11", "default": true, "deprecated": false}]}}
			""";

	@BeforeEach
	void serveNamespace() {
		ApiHostStubs.serveNamespace(api);
		api.server().stubFor(get(urlPathEqualTo("/api/v1")).willReturn(answer(200, API_INFO)));
	}

	static FunctionsTemplate template() {
		return api.templateBuilder()
			.invocation(InvocationSettings.builder().resilience((namespaceId) -> FunctionsResilience.none()).build())
			.build();
	}

	static FunctionDeployer deployer() {
		return template().deployer(NAMESPACE_ID);
	}

	static String action(String namespace, String name, String version, String exec, String parameters,
			String annotations) {
		return """
				{"namespace": "%s", "name": "%s", "version": "%s", "publish": false, "exec": %s,
				 "parameters": %s, "annotations": %s,
				 "limits": {"timeout": 3000, "memory": 256, "logs": 16, "concurrency": 1}, "updated": 1700000000000}
				""".formatted(namespace, name, version, exec, parameters, annotations);
	}

	@Test
	void deploySendsTheCodeParametersEnvironmentLimitsAndWebAnnotationsWithTheAccessKey() {
		String path = ACTIONS + "/reports/nightly";
		api.server()
			.stubFor(put(urlPathEqualTo(path)).willReturn(answer(200, action(NAMESPACE_ID + "/reports", "nightly",
					"0.0.2", "{\"kind\": \"nodejs:18\", \"binary\": false, \"main\": \"run\"}",
					"[{\"key\": \"format\", \"value\": \"pdf\"}, {\"key\": \"DB_URL\", \"value\": \"postgres://s3cret\", \"init\": true}]",
					"[{\"key\": \"web-export\", \"value\": true}, {\"key\": \"raw-http\", \"value\": false},"
							+ " {\"key\": \"final\", \"value\": true}, {\"key\": \"require-whisk-auth\", \"value\": \"w3b-s3cret\"},"
							+ " {\"key\": \"team\", \"value\": \"billing\"}]"))));
		FunctionDefinition nightly = FunctionDefinition.builder("reports/nightly")
			.runtime("nodejs:18")
			.code("function run(params) { return {ok: true}; }")
			.main("run")
			.parameter("format", "pdf")
			.environment("DB_URL", "postgres://s3cret")
			.limits(new FunctionLimits(Duration.ofSeconds(3), 256))
			.web(WebExport.ON)
			.webSecret("w3b-s3cret")
			.annotation("team", "billing")
			.build();

		DeployedFunction deployed = deployer().deploy(nightly).block();

		LoggedRequest request = api.server().findAll(putRequestedFor(urlPathEqualTo(path))).get(0);
		assertThat(request.queryParameter("overwrite").firstValue()).isEqualTo("true");
		assertThat(request.getHeader("Authorization")).isEqualTo(managedKey());
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertJsonEquals(request.getBodyAsString(),
				"""
						{"exec": {"kind": "nodejs:18", "code": "function run(params) { return {ok: true}; }", "binary": false, "main": "run"},
						 "parameters": [{"key": "format", "value": "pdf"}, {"key": "DB_URL", "value": "postgres://s3cret", "init": true}],
						 "annotations": [{"key": "team", "value": "billing"}, {"key": "web-export", "value": true},
						   {"key": "raw-http", "value": false}, {"key": "final", "value": true},
						   {"key": "require-whisk-auth", "value": "w3b-s3cret"}],
						 "limits": {"timeout": 3000, "memory": 256}}
						""");
		assertThat(deployed.name()).isEqualTo("reports/nightly");
		assertThat(deployed.packageName()).isEqualTo("reports");
		assertThat(deployed.version()).isEqualTo("0.0.2");
		assertThat(deployed.runtime()).isEqualTo("nodejs:18");
		assertThat(deployed.main()).isEqualTo("run");
		assertThat(deployed.parameters()).containsExactly(Map.entry("format", "pdf"));
		assertThat(deployed.environmentNames()).containsExactly("DB_URL");
		assertThat(deployed.limits()).isEqualTo(new FunctionLimits(Duration.ofSeconds(3), 256));
		assertThat(deployed.web()).isEqualTo(WebExport.ON);
		assertThat(deployed.webSecured()).isTrue();
		assertThat(deployed.annotations()).containsEntry("team", "billing").doesNotContainKey("require-whisk-auth");
		assertThat(deployed.toString()).doesNotContain("s3cret");
		assertThat(nightly.toString()).doesNotContain("s3cret").contains("DB_URL");
	}

	@Test
	void keptEnvironmentIsReadFromTheDeployedFunctionAndSentAgain() {
		String path = ACTIONS + "/hello";
		api.server()
			.stubFor(get(urlPathEqualTo(path)).willReturn(answer(200,
					action(NAMESPACE_ID, "hello", "0.0.1", "{\"kind\": \"nodejs:18\", \"binary\": false}",
							"[{\"key\": \"CONSOLE\", \"value\": \"set-in-the-panel\", \"init\": true},"
									+ " {\"key\": \"OLD\", \"value\": \"dropped\", \"init\": true},"
									+ " {\"key\": \"MINE\", \"value\": \"deployed\", \"init\": true}]",
							"[]"))));
		api.server()
			.stubFor(put(urlPathEqualTo(path)).willReturn(answer(200, action(NAMESPACE_ID, "hello", "0.0.2",
					"{\"kind\": \"nodejs:18\", \"binary\": false}", "[]", "[]"))));

		deployer()
			.deploy(FunctionDefinition.builder("hello")
				.runtime("nodejs:18")
				.code("x")
				.environment("MINE", "given")
				.keepEnvironment(List.of("CONSOLE", "MINE", "ABSENT"))
				.build())
			.block();

		assertThat(api.server().findAll(anyRequestedFor(urlPathEqualTo(path))))
			.extracting((request) -> request.getMethod().getName())
			.containsExactly("GET", "PUT");
		String body = api.server().findAll(putRequestedFor(urlPathEqualTo(path))).get(0).getBodyAsString();
		assertJsonEquals(body, """
				{"exec": {"kind": "nodejs:18", "code": "x", "binary": false},
				 "parameters": [{"key": "MINE", "value": "given", "init": true},
				   {"key": "CONSOLE", "value": "set-in-the-panel", "init": true}],
				 "annotations": [{"key": "web-export", "value": false}, {"key": "raw-http", "value": false}]}
				""");
	}

	@Test
	void aZipIsSentAsBase64Binary() throws IOException {
		String path = ACTIONS + "/hello";
		api.server()
			.stubFor(put(urlPathEqualTo(path)).willReturn(answer(200, action(NAMESPACE_ID, "hello", "0.0.1",
					"{\"kind\": \"python:3.11\", \"binary\": true}", "[]", "[]"))));
		byte[] zip = zip(Map.of("__main__.py", "def main(args):\n    return {}\n"));

		DeployedFunction deployed = deployer()
			.deploy(FunctionDefinition.builder("hello").runtime("python:default").zip(zip).build())
			.block();

		String body = api.server().findAll(putRequestedFor(urlPathEqualTo(path))).get(0).getBodyAsString();
		assertJsonEquals(body, """
				{"exec": {"kind": "python:default", "code": "%s", "binary": true}, "parameters": [],
				 "annotations": [{"key": "web-export", "value": false}, {"key": "raw-http", "value": false}]}
				""".formatted(Base64.getEncoder().encodeToString(zip)));
		assertThat(deployed.binary()).isTrue();
		assertThat(deployed.web()).isEqualTo(WebExport.OFF);
		assertThat(deployed.packageName()).isNull();
	}

	@Test
	void aFolderIsZippedWithItsPathsRelativeToIt(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("index.js"), "exports.main = () => ({})");
		Files.createDirectories(folder.resolve("lib"));
		Files.writeString(folder.resolve("lib/util.js"), "module.exports = 1");

		FunctionDefinition function = FunctionDefinition.builder("hello").runtime("nodejs:18").folder(folder).build();

		assertThat(entries(function.zip())).containsExactly("index.js", "lib/util.js");
	}

	@Test
	void aRuntimeTheNamespaceDoesNotOfferIsRefusedWithTheOffersAndNothingIsDeployed() {
		FunctionDefinition function = FunctionDefinition.builder("hello")
			.runtime("go:1.19")
			.code("package main")
			.build();

		StepVerifier.create(deployer().deploy(function))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("runtime of hello: namespace " + NAMESPACE_ID
						+ " does not offer 'go:1.19'; it offers [nodejs:14, nodejs:18, python:3.11]"))
			.verify();
		assertThat(api.server().findAll(putRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void runtimesAreReadOnceWithTheirDefaultsAndDeprecations() {
		FunctionDeployer deployer = deployer();

		List<FunctionRuntime> runtimes = deployer.runtimes().block();
		deployer.runtimes().block();

		assertThat(runtimes).containsExactly(new FunctionRuntime("nodejs", "nodejs:18", true, false),
				new FunctionRuntime("nodejs", "nodejs:14", false, true),
				new FunctionRuntime("python", "python:3.11", true, false));
		assertThat(api.server().findAll(anyRequestedFor(urlPathEqualTo("/api/v1")))).hasSize(1);
	}

	@Test
	void badDefinitionsAreRefusedNamingTheField(@TempDir Path folder) throws IOException {
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionDefinition.builder("a/b/c"))
			.withMessageContaining("at most one '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionDefinition.builder(" "))
			.withMessageContaining("must not be null or blank");
		assertThatIllegalArgumentException().isThrownBy(() -> new FunctionLimits(Duration.ofMinutes(16), null))
			.withMessageContaining("limits.timeout must be from 100 ms to 15 minutes");
		assertThatIllegalArgumentException().isThrownBy(() -> new FunctionLimits(null, 64))
			.withMessage("limits.memory must be from 128 to 1024 MB, not 64");
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionDefinition.builder("hello").runtime("node 18"))
			.withMessageContaining("runtime must be like 'nodejs:18'");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> FunctionDefinition.builder("hello").code("x".repeat(FunctionDefinition.MAX_CODE_BYTES + 1)))
			.withMessage("code is 50331649 bytes, over the limit of 50331648 bytes (48 MB)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionDefinition.builder("hello").zip(zip(Map.of("../evil.js", "x"))))
			.withMessage("zip entry '../evil.js' leaves the function's folder");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionDefinition.builder("hello").zip(zip(Map.of("/etc/passwd", "x"))))
			.withMessage("zip entry '/etc/passwd' leaves the function's folder");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionDefinition.builder("hello").zip("not a zip".getBytes(StandardCharsets.UTF_8)))
			.withMessage("zip must hold at least one file");
		Path outside = Files.writeString(Files.createTempFile("outside", ".js"), "secret");
		Files.createSymbolicLink(folder.resolve("link.js"), outside);
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionDefinition.builder("hello").folder(folder))
			.withMessageEndingWith("link.js leaves the folder");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionDefinition.builder("hello").runtime("nodejs:18").code("x").webSecret("s").build())
			.withMessageContaining("has a webSecret but is not a web function");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionDefinition.builder("hello").annotation("require-whisk-auth", true))
			.withMessageContaining("annotation 'require-whisk-auth' is set by web(...)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionDefinition.builder("hello").environment("1BAD", "x"))
			.withMessageContaining("environment variable name must be letters, digits and _");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionDefinition.builder("hello").runtime("nodejs:18").build())
			.withMessageContaining("needs code");
		assertThatIllegalArgumentException().isThrownBy(() -> PackageDefinition.builder("a/b"))
			.withMessageContaining("must not contain '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> deployer().getFunction("a/b/c"))
			.withMessageContaining("at most one '/'");
		assertThat(api.server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void getReadsTheFunctionWithoutItsCode() {
		api.server()
			.stubFor(get(urlPathEqualTo(ACTIONS + "/hello")).willReturn(answer(200, action(NAMESPACE_ID, "hello",
					"0.0.3", "{\"kind\": \"nodejs:18\", \"binary\": false}", "[]",
					"[{\"key\": \"web-export\", \"value\": true}, {\"key\": \"raw-http\", \"value\": true}]"))));

		DeployedFunction function = deployer().getFunction("hello").block();

		assertThat(onlyRequestTo(ACTIONS + "/hello").queryParameter("code").firstValue()).isEqualTo("false");
		assertThat(function.version()).isEqualTo("0.0.3");
		assertThat(function.web()).isEqualTo(WebExport.RAW);
		assertThat(function.webSecured()).isFalse();
	}

	@Test
	void aMissingFunctionIsNotFound() {
		api.server()
			.stubFor(get(urlPathEqualTo(ACTIONS + "/gone"))
				.willReturn(answer(404, "{\"error\": \"The requested resource does not exist.\", \"code\": \"c1\"}")));

		assertThat(catchThrowable(() -> deployer().getFunction("gone").block()))
			.isInstanceOf(FunctionsNotFoundException.class);
	}

	@Test
	void listingFetchesPagesOf200UntilAShortOne() {
		String page = "["
				+ String.join(",", java.util.Collections.nCopies(200,
						action(NAMESPACE_ID, "f", "0.0.1", "{\"kind\": \"nodejs:18\", \"binary\": false}", "[]", "[]")))
				+ "]";
		api.server()
			.stubFor(get(urlPathEqualTo(ACTIONS))
				.withQueryParam("skip", com.github.tomakehurst.wiremock.client.WireMock.equalTo("0"))
				.willReturn(answer(200, page)));
		api.server()
			.stubFor(get(urlPathEqualTo(ACTIONS))
				.withQueryParam("skip", com.github.tomakehurst.wiremock.client.WireMock.equalTo("200"))
				.willReturn(answer(200, "[" + action(NAMESPACE_ID + "/reports", "nightly", "0.0.1",
						"{\"kind\": \"nodejs:18\", \"binary\": false}", "[]", "[]") + "]")));

		List<DeployedFunction> functions = deployer().listFunctions().collectList().block();

		assertThat(functions).hasSize(201);
		assertThat(functions.get(200).name()).isEqualTo("reports/nightly");
		assertThat(api.server().findAll(anyRequestedFor(urlPathEqualTo(ACTIONS))))
			.extracting((request) -> request.queryParameter("limit").firstValue() + "/"
					+ request.queryParameter("skip").firstValue())
			.containsExactly("200/0", "200/200");
	}

	@Test
	void deleteSendsDelete() {
		api.server()
			.stubFor(delete(urlPathEqualTo(ACTIONS + "/reports/nightly"))
				.willReturn(answer(200, action(NAMESPACE_ID + "/reports", "nightly", "0.0.1",
						"{\"kind\": \"nodejs:18\", \"binary\": false}", "[]", "[]"))));

		deployer().deleteFunction("reports/nightly").block();

		LoggedRequest request = onlyRequestTo(ACTIONS + "/reports/nightly");
		assertThat(request.getMethod().getName()).isEqualTo("DELETE");
		assertThat(request.getHeader("Authorization")).isEqualTo(managedKey());
	}

	@Test
	void packagesAreDeployedReadListedAndDeleted() {
		String pkg = """
				{"namespace": "%s", "name": "reports", "version": "0.0.1", "publish": false,
				 "parameters": [{"key": "region", "value": "eu"}, {"key": "TOKEN", "value": "t0ken-s3cret", "init": true}],
				 "annotations": [], "actions": [{"name": "nightly", "version": "0.0.1"}], "updated": 1700000000000}
				"""
			.formatted(NAMESPACE_ID);
		api.server().stubFor(put(urlPathEqualTo(PACKAGES + "/reports")).willReturn(answer(200, pkg)));
		api.server().stubFor(get(urlPathEqualTo(PACKAGES + "/reports")).willReturn(answer(200, pkg)));
		api.server().stubFor(get(urlPathEqualTo(PACKAGES)).willReturn(answer(200, "[" + pkg + "]")));
		api.server()
			.stubFor(delete(urlPathEqualTo(PACKAGES + "/reports")).willReturn(answer(409,
					"{\"error\": \"Package not empty (contains 1 entity). Set force param or delete package contents.\", \"code\": \"c2\"}")));
		FunctionDeployer deployer = deployer();

		DeployedPackage deployed = deployer
			.deployPackage(PackageDefinition.builder("reports")
				.parameter("region", "eu")
				.environment("TOKEN", "t0ken-s3cret")
				.build())
			.block();
		DeployedPackage read = deployer.getPackage("reports").block();
		List<DeployedPackage> listed = deployer.listPackages().collectList().block();
		Throwable refused = catchThrowable(() -> deployer.deletePackage("reports").block());

		LoggedRequest sent = api.server().findAll(putRequestedFor(urlPathEqualTo(PACKAGES + "/reports"))).get(0);
		assertThat(sent.queryParameter("overwrite").firstValue()).isEqualTo("true");
		assertJsonEquals(sent.getBodyAsString(),
				"""
						{"parameters": [{"key": "region", "value": "eu"}, {"key": "TOKEN", "value": "t0ken-s3cret", "init": true}],
						 "annotations": [], "publish": false}
						""");
		assertThat(deployed.parameters()).containsExactly(Map.entry("region", "eu"));
		assertThat(deployed.environmentNames()).containsExactly("TOKEN");
		assertThat(read.functions()).containsExactly("nightly");
		assertThat(listed).extracting(DeployedPackage::name).containsExactly("reports");
		assertThat(refused).isInstanceOf(FunctionsConflictException.class).hasMessageContaining("Package not empty");
	}

	@Test
	void aDeployThatMayHaveReachedTheApiHostIsSentAgainAsAPut() {
		String path = ACTIONS + "/hello";
		api.stubSequence(() -> put(urlPathEqualTo(path)), answer(503, "{\"error\": \"unavailable\", \"code\": \"c3\"}"),
				answer(200, action(NAMESPACE_ID, "hello", "0.0.1", "{\"kind\": \"nodejs:18\", \"binary\": false}", "[]",
						"[]")));
		FunctionDeployer deployer = api.templateBuilder()
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> FunctionsResilience.builder()
					.retry(new RetrySettings(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(2)))
					.build())
				.build())
			.build()
			.deployer(NAMESPACE_ID);

		deployer.deploy(FunctionDefinition.builder("hello").runtime("nodejs:18").code("x").build()).block();

		assertThat(api.server().findAll(putRequestedFor(urlPathEqualTo(path)))).hasSize(2);
	}

	@Test
	void aGivenAccessKeyIsUsedAndNoKeyIsMade() {
		api.server()
			.stubFor(get(urlPathEqualTo(ACTIONS + "/hello")).willReturn(answer(200, action(NAMESPACE_ID, "hello",
					"0.0.1", "{\"kind\": \"nodejs:18\", \"binary\": false}", "[]", "[]"))));

		template().deployer(NAMESPACE_ID, InvocationCredentials.accessKey("dof_v1_given", "given-secret"))
			.getFunction("hello")
			.block();

		assertThat(onlyRequestTo(ACTIONS + "/hello").getHeader("Authorization"))
			.isEqualTo(basic("dof_v1_given", "given-secret"))
			.isNotEqualTo(basic(KEY_ID, "x"));
	}

	@Test
	void theBlockingDeployerWaitsForTheSameCalls() {
		api.server()
			.stubFor(get(urlPathEqualTo(ACTIONS + "/hello")).willReturn(answer(200, action(NAMESPACE_ID, "hello",
					"0.0.1", "{\"kind\": \"nodejs:18\", \"binary\": false}", "[]", "[]"))));
		BlockingFunctionDeployer deployer = new BlockingFunctionsTemplate(template()).deployer(NAMESPACE_ID);

		assertThat(deployer.getFunction("hello").name()).isEqualTo("hello");
		assertThat(deployer.runtimes()).extracting(FunctionRuntime::kind)
			.containsExactly("nodejs:18", "nodejs:14", "python:3.11");
	}

	static LoggedRequest onlyRequestTo(String path) {
		List<LoggedRequest> requests = api.server().findAll(anyRequestedFor(urlPathEqualTo(path)));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	static byte[] zip(Map<String, String> files) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	static List<String> entries(byte[] zip) throws IOException {
		List<String> names = new java.util.ArrayList<>();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

}
