package io.github.dofunctions.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions and packages deployed through a namespace's API host, as OpenWhisk's
 * controller stores and serves them, invoked, and served as web functions.
 */
class EmulatorDeployedFunctionsTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = new FunctionsEmulatorExtension();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private RawClient raw;

	private EmulatedNamespace namespace;

	private EmulatorState.CreatedAccessKey key;

	@BeforeEach
	void createANamespaceAndAKey() {
		this.raw = new RawClient(emulator.get());
		this.namespace = emulator.get().state().addNamespace("nyc1", "deployments");
		this.key = emulator.get().state().createAccessKey(this.namespace.id(), "deployer", null);
	}

	private RawClient.Answer host(String method, String path, @Nullable String body) {
		return this.raw.sendToApiHost(method, "/api/v1/namespaces/_/" + path, body, this.key.key().id(),
				this.key.secret());
	}

	private static String action(String kind, String extra) {
		return "{\"exec\":{\"kind\":\"" + kind + "\",\"code\":\"function main(a) { return a; }\"}" + extra + "}";
	}

	@Test
	void deployedFunctionIsAnsweredReadListedAndDeletedAsOpenWhiskWritesIt() {
		RawClient.Answer deployed = host("PUT", "actions/hello", action("nodejs:default",
				",\"parameters\":[{\"key\":\"greeting\",\"value\":\"hi\"},{\"key\":\"TOKEN\",\"value\":\"t0k\",\"init\":true}],"
						+ "\"annotations\":[{\"key\":\"web-export\",\"value\":true}],\"limits\":{\"timeout\":5000}"));

		assertThat(deployed.status()).isEqualTo(200);
		JsonNode written = deployed.body();
		assertThat(written.get("namespace").asString()).isEqualTo(this.namespace.id());
		assertThat(written.get("name").asString()).isEqualTo("hello");
		assertThat(written.get("version").asString()).isEqualTo("0.0.1");
		assertThat(written.get("publish").asBoolean()).isFalse();
		assertThat(written.get("exec").get("kind").asString()).isEqualTo("nodejs:18");
		assertThat(written.get("exec").get("code").asString()).isEqualTo("function main(a) { return a; }");
		assertThat(written.get("exec").get("binary").asBoolean()).isFalse();
		assertThat(written.get("parameters").toString())
			.isEqualTo("[{\"key\":\"greeting\",\"value\":\"hi\"},{\"key\":\"TOKEN\",\"value\":\"t0k\",\"init\":true}]");
		assertThat(written.get("annotations").toString()).isEqualTo("[{\"key\":\"web-export\",\"value\":true},"
				+ "{\"key\":\"provide-api-key\",\"value\":false},{\"key\":\"exec\",\"value\":\"nodejs:18\"}]");
		assertThat(written.get("limits").toString())
			.isEqualTo("{\"timeout\":5000,\"memory\":256,\"logs\":10,\"concurrency\":1}");
		assertThat(written.get("updated").isIntegralNumber()).isTrue();

		assertThat(host("GET", "actions/hello", null).body()).isEqualTo(written);
		JsonNode withoutCode = host("GET", "actions/hello?code=false", null).body();
		assertThat(withoutCode.get("exec").has("code")).isFalse();
		assertThat(withoutCode.get("exec").get("kind").asString()).isEqualTo("nodejs:18");

		JsonNode listed = host("GET", "actions", null).body();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).propertyNames()).containsExactlyInAnyOrder("namespace", "name", "version", "publish",
				"annotations", "limits", "exec", "updated");
		assertThat(listed.get(0).get("exec").toString()).isEqualTo("{\"binary\":false}");
		assertThat(emulator.get().deployedFunctions(this.namespace.id())).singleElement().satisfies((function) -> {
			assertThat(function.kind()).isEqualTo("nodejs:18");
			assertThat(function.web()).isTrue();
			assertThat(function.parameterNames()).containsExactly("greeting");
			assertThat(function.environmentNames()).containsExactly("TOKEN");
			assertThat(function.toString()).doesNotContain("t0k");
		});

		RawClient.Answer deleted = host("DELETE", "actions/hello", null);
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body().get("name").asString()).isEqualTo("hello");
		RawClient.Answer gone = host("GET", "actions/hello", null);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.body().get("error").asString()).isEqualTo("The requested resource does not exist.");
		assertThat(host("DELETE", "actions/hello", null).status()).isEqualTo(404);
	}

	@Test
	void aPathOfTheApiHostThatIsNoneIsNotFoundInTheApiHostsShape() {
		RawClient.Answer answer = host("GET", "actions/a/b/c", null);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body().get("error").asString()).isEqualTo("The requested resource does not exist.");
		assertThat(answer.body().has("code")).isTrue();
	}

	@Test
	void redeployingNeedsOverwriteAndIncreasesThePatchVersion() {
		assertThat(host("PUT", "actions/job", action("python:3.11", "")).status()).isEqualTo(200);

		RawClient.Answer conflict = host("PUT", "actions/job", action("python:3.11", ""));
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.body().get("error").asString()).isEqualTo("resource already exists");

		RawClient.Answer updated = host("PUT", "actions/job?overwrite=true",
				"{\"annotations\":[{\"key\":\"web-export\",\"value\":true}],\"limits\":{\"memory\":512}}");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.body().get("version").asString()).isEqualTo("0.0.2");
		assertThat(updated.body().get("exec").get("kind").asString()).isEqualTo("python:3.11");
		assertThat(updated.body().get("limits").get("memory").asInt()).isEqualTo(512);
		assertThat(updated.body().get("limits").get("timeout").asInt()).isEqualTo(3000);
		assertThat(updated.body().get("annotations").toString()).contains("provide-api-key", "web-export");
		assertThat(host("PUT", "actions/job?overwrite=true", "{}").body().get("version").asString()).isEqualTo("0.0.3");
	}

	@Test
	void packagesHoldFunctionsAndAreDeletedEmptyOrByForce() {
		RawClient.Answer missing = host("PUT", "actions/tools/hash", action("go:1.24", ""));
		assertThat(missing.status()).isEqualTo(404);

		RawClient.Answer made = host("PUT", "packages/tools", "{\"parameters\":[{\"key\":\"salt\",\"value\":\"s\"}]}");
		assertThat(made.status()).isEqualTo(200);
		assertThat(made.body().get("binding").toString()).isEqualTo("{}");
		assertThat(made.body().get("version").asString()).isEqualTo("0.0.1");
		assertThat(host("PUT", "packages/tools", "{}").status()).isEqualTo(409);
		assertThat(host("PUT", "packages/default", "{}").body().get("error").asString())
			.isEqualTo("Package name 'default' is reserved.");
		RawClient.Answer packaged = host("PUT", "actions/tools/hash", action("go:1.24", ""));
		assertThat(packaged.status()).isEqualTo(200);
		assertThat(packaged.body().get("namespace").asString()).isEqualTo(this.namespace.id() + "/tools");

		JsonNode read = host("GET", "packages/tools", null).body();
		assertThat(read.get("actions")).singleElement().satisfies((entry) -> {
			assertThat(entry.get("name").asString()).isEqualTo("hash");
			assertThat(entry.get("version").asString()).isEqualTo("0.0.1");
			assertThat(entry.has("annotations")).isTrue();
		});
		assertThat(host("GET", "packages", null).body()).singleElement()
			.satisfies((summary) -> assertThat(summary.get("binding").asBoolean()).isFalse());
		assertThat(host("GET", "actions", null).body()).singleElement()
			.satisfies((summary) -> assertThat(summary.get("namespace").asString()).endsWith("/tools"));

		RawClient.Answer notEmpty = host("DELETE", "packages/tools", null);
		assertThat(notEmpty.status()).isEqualTo(409);
		assertThat(notEmpty.body().get("error").asString())
			.isEqualTo("Package not empty (contains 1 entity). Set force param or delete package contents.");
		assertThat(host("DELETE", "packages/tools?force=true", null).status()).isEqualTo(200);
		assertThat(host("GET", "actions/tools/hash", null).status()).isEqualTo(404);
		assertThat(emulator.get().deployedFunctions(this.namespace.id())).isEmpty();
	}

	@Test
	void unknownKindsLimitsOutOfRangeAndBadNamesAreRefusedInOpenWhisksWords() {
		RawClient.Answer kind = host("PUT", "actions/x", action("java:8", ""));
		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.body().get("error").asString())
			.contains("The specified runtime 'java:8' is not supported by this platform. Valid values are: ")
			.contains("'go:1.17'", "'nodejs:24'", "'php:8.5'", "'python:3.13'");

		RawClient.Answer memory = host("PUT", "actions/x", action("nodejs:18", ",\"limits\":{\"memory\":2048}"));
		assertThat(memory.status()).isEqualTo(400);
		assertThat(memory.body().get("error").asString())
			.endsWith("memory size 2048 MB exceeds allowed threshold of 1024 MB");
		RawClient.Answer timeout = host("PUT", "actions/x", action("nodejs:18", ",\"limits\":{\"timeout\":900001}"));
		assertThat(timeout.body().get("error").asString())
			.endsWith("duration 900001 milliseconds exceeds allowed threshold of 900000 milliseconds");
		assertThat(host("PUT", "actions/x", action("nodejs:18", ",\"limits\":{\"timeout\":99}")).status())
			.isEqualTo(400);
		assertThat(host("PUT", "actions/x", "{}").body().get("error").asString()).isEqualTo("exec undefined");
		assertThat(host("PUT", "actions/x", "not json").status()).isEqualTo(400);
		assertThat(host("PUT", "actions/-x", action("nodejs:18", "")).body().get("error").asString())
			.isEqualTo("The name of the entity contains illegal characters.");
		assertThat(emulator.get().deployedFunctions(this.namespace.id())).isEmpty();
	}

	@Test
	void deploysTakeBodiesOverOneMegabyteWhereInvocationsStillDoNot() {
		String code = "x".repeat(1536 * 1024);
		RawClient.Answer deployed = host("PUT", "actions/big",
				"{\"exec\":{\"kind\":\"nodejs:18\",\"code\":\"" + code + "\"}}");
		assertThat(deployed.status()).isEqualTo(200);

		RawClient.Answer invoked = host("POST", "actions/big?blocking=true", "{\"padding\":\"" + code + "\"}");
		assertThat(invoked.status()).isEqualTo(413);
		assertThat(invoked.body().get("error").asString()).startsWith("Request larger than allowed: ");
	}

	@Test
	void theInfoDocumentListsDigitalOceansRuntimesWithoutCredentials() {
		Web answer = web("GET", "/api/v1", null, Map.of());

		assertThat(answer.status()).isEqualTo(200);
		JsonNode runtimes = JSON.readTree(answer.body()).get("runtimes");
		assertThat(runtimes.propertyNames()).containsExactly("go", "nodejs", "php", "python");
		assertThat(runtimes.get("nodejs").findValuesAsString("kind")).containsExactly("nodejs:14", "nodejs:18",
				"nodejs:22", "nodejs:24");
		assertThat(runtimes.get("php").findValuesAsString("kind")).containsExactly("php:8.0", "php:8.2", "php:8.3",
				"php:8.4", "php:8.5");
		assertThat(runtimes.get("python")).anySatisfy((runtime) -> {
			assertThat(runtime.get("kind").asString()).isEqualTo("python:3.11");
			assertThat(runtime.get("default").asBoolean()).isTrue();
		});
	}

	@Test
	void aDeployedFunctionRunsTheRegisteredHandlerOfItsNameWithMergedParameters() {
		emulator.get().registerFunction("routed", FunctionCall::parameters);
		emulator.get().registerFunction("kit/routed", FunctionCall::parameters);
		host("PUT", "actions/routed",
				action("nodejs:18", ",\"parameters\":[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":2},"
						+ "{\"key\":\"API_KEY\",\"value\":\"hidden\",\"init\":true}]"));
		host("PUT", "packages/kit", "{\"parameters\":[{\"key\":\"fromPackage\",\"value\":true},"
				+ "{\"key\":\"a\",\"value\":\"package\"}]}");
		host("PUT", "actions/kit/routed",
				action("nodejs:18", ",\"parameters\":[{\"key\":\"a\",\"value\":\"action\"}]"));

		RawClient.Answer result = host("POST", "actions/routed?blocking=true&result=true", "{\"b\":3,\"c\":4}");
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body().toString()).isEqualTo("{\"a\":1,\"b\":3,\"c\":4}");

		RawClient.Answer packaged = host("POST", "actions/kit/routed?blocking=true&result=true", "{}");
		assertThat(packaged.body().toString()).isEqualTo("{\"fromPackage\":true,\"a\":\"action\"}");
	}

	@Test
	void codeOfAKindTheEmulatorCannotRunFailsAsADeveloperError() {
		host("PUT", "actions/legacy", action("php:8.2", ""));
		host("PUT", "actions/gopher", action("go:1.24", ""));

		for (String function : List.of("legacy", "gopher")) {
			RawClient.Answer answer = host("POST", "actions/" + function + "?blocking=true", "{}");
			assertThat(answer.status()).isEqualTo(502);
			assertThat(answer.body().at("/response/status").asString()).isEqualTo("action developer error");
			assertThat(answer.body().at("/response/result/error").asString())
				.isEqualTo(ProcessFunction.cannotRun((function.equals("legacy")) ? "php:8.2" : "go:1.24"))
				.contains((function.equals("legacy")) ? "php:8.2" : "go:1.24", "registerFunction");
		}
	}

	@Test
	void aWebFunctionAnswersWithTheStatusHeadersAndBodyOfItsResult() {
		emulator.get()
			.registerFunction("site/page", (call) -> Map.of("statusCode", 201, "headers",
					Map.of("X-Served-By", "emulator"), "body", "<p>" + call.parameters().get("name") + "</p>"));
		emulator.get().registerFunction("site/data", (call) -> Map.of("items", List.of(1, 2)));
		emulator.get().registerFunction("site/hidden", (call) -> Map.of());
		host("PUT", "packages/site", "{}");
		String web = ",\"annotations\":[{\"key\":\"web-export\",\"value\":true}]";
		host("PUT", "actions/site/page", action("nodejs:18", web));
		host("PUT", "actions/site/data", action("nodejs:18", web));
		host("PUT", "actions/site/hidden", action("nodejs:18", ""));
		String base = "/api/v1/web/" + this.namespace.id() + "/site/";

		Web page = web("GET", base + "page?name=Ada", null, Map.of());
		assertThat(page.status()).isEqualTo(201);
		assertThat(page.headers().firstValue("X-Served-By")).hasValue("emulator");
		assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=UTF-8");
		assertThat(page.body()).isEqualTo("<p>Ada</p>");

		Web data = web("GET", base + "data.json", null, Map.of());
		assertThat(data.status()).isEqualTo(200);
		assertThat(data.body()).isEqualTo("{\"items\":[1,2]}");
		assertThat(web("GET", base + "data", null, Map.of()).status()).as("no body: 204").isEqualTo(204);

		Web hidden = web("GET", base + "hidden", null, Map.of());
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(JSON.readTree(hidden.body()).get("error").asString())
			.isEqualTo("The requested resource does not exist.");
		assertThat(web("GET", "/api/v1/web/fn-unknown/site/page", null, Map.of()).status()).isEqualTo(404);
		assertThat(emulator.get().activations(this.namespace.id())).as("web calls leave no activation").isEmpty();
	}

	@Test
	void aWebFunctionWithASecretNeedsItInTheHeader() {
		emulator.get().registerFunction("guarded", (call) -> Map.of("body", "in"));
		host("PUT", "actions/guarded", action("nodejs:18", ",\"annotations\":[{\"key\":\"web-export\",\"value\":true},"
				+ "{\"key\":\"require-whisk-auth\",\"value\":\"s3cret\"}]"));
		String path = "/api/v1/web/" + this.namespace.id() + "/default/guarded";

		Web refused = web("GET", path, null, Map.of());
		assertThat(refused.status()).isEqualTo(401);
		assertThat(JSON.readTree(refused.body()).get("error").asString())
			.isEqualTo("Authentication is possible but has failed or not yet been provided.");
		assertThat(web("GET", path, null, Map.of("X-Require-Whisk-Auth", "wrong")).status()).isEqualTo(401);
		Web allowed = web("GET", path, null, Map.of("X-Require-Whisk-Auth", "s3cret"));
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.body()).isEqualTo("in");
		assertThat(emulator.get().deployedFunctions(this.namespace.id())).singleElement()
			.satisfies((function) -> assertThat(function.secured()).isTrue());
	}

	@Test
	void aWebFunctionGetsTheRequestMergedOrRaw() {
		emulator.get().registerFunction("echo", FunctionCall::parameters);
		emulator.get().registerFunction("rawecho", FunctionCall::parameters);
		host("PUT", "actions/echo", action("nodejs:18", ",\"parameters\":[{\"key\":\"fixed\",\"value\":\"yes\"}],"
				+ "\"annotations\":[{\"key\":\"web-export\",\"value\":true}]"));
		host("PUT", "actions/rawecho", action("nodejs:18", ",\"annotations\":[{\"key\":\"web-export\",\"value\":true},"
				+ "{\"key\":\"raw-http\",\"value\":true}]"));
		String base = "/api/v1/web/" + this.namespace.id() + "/default/";

		JsonNode merged = JSON.readTree(web("POST", base + "echo.json/rest/of?q=1&x=query", "{\"x\":2}",
				Map.of("Content-Type", "application/json"))
			.body());
		assertThat(merged.get("fixed").asString()).isEqualTo("yes");
		assertThat(merged.get("q").asString()).isEqualTo("1");
		assertThat(merged.get("x").asInt()).as("the body wins over the query").isEqualTo(2);
		assertThat(merged.get("__ow_method").asString()).isEqualTo("post");
		assertThat(merged.get("__ow_path").asString()).isEqualTo("/rest/of");
		assertThat(merged.get("__ow_headers").get("content-type").asString()).isEqualTo("application/json");
		assertThat(merged.has("__ow_body")).isFalse();

		JsonNode rawParameters = JSON.readTree(
				web("PUT", base + "rawecho.json?q=1", "plain words", Map.of("Content-Type", "text/plain")).body());
		assertThat(rawParameters.get("__ow_query").asString()).isEqualTo("q=1");
		assertThat(rawParameters.get("__ow_body").asString()).isEqualTo("plain words");
		assertThat(rawParameters.get("__ow_method").asString()).isEqualTo("put");
		assertThat(rawParameters.has("q")).isFalse();
		JsonNode rawJson = JSON.readTree(
				web("POST", base + "rawecho.json", "{\"x\":2}", Map.of("Content-Type", "application/json")).body());
		assertThat(rawJson.get("__ow_body").asString())
			.isEqualTo(Base64.getEncoder().encodeToString("{\"x\":2}".getBytes(StandardCharsets.UTF_8)));

		Web reserved = web("GET", base + "echo.json?__ow_user=me", null, Map.of());
		assertThat(reserved.status()).isEqualTo(400);
		Web overridden = web("GET", base + "echo.json?__ow_method=PWNED", null, Map.of());
		assertThat(overridden.status()).isEqualTo(400);
		assertThat(overridden.body()).contains("Request defines parameters that are not allowed");
		Web overriddenInBody = web("POST", base + "echo.json", "{\"__ow_headers\":{\"a\":1}}",
				Map.of("Content-Type", "application/json"));
		assertThat(overriddenInBody.status()).isEqualTo(400);

		JsonNode text = JSON
			.readTree(web("POST", base + "echo.json", "hello", Map.of("Content-Type", "text/plain")).body());
		assertThat(text.get("__ow_body").asString()).isEqualTo("hello");
		JsonNode array = JSON
			.readTree(web("POST", base + "echo.json", "[1,2]", Map.of("Content-Type", "application/json")).body());
		assertThat(array.get("__ow_body").isArray()).isTrue();
	}

	@Test
	void theJournalKeepsNoEnvironmentValueNorWebSecret() {
		emulator.get().registerFunction("vault", (call) -> Map.of("body", "ok"));
		host("PUT", "actions/vault",
				action("nodejs:18",
						",\"parameters\":[{\"key\":\"DB_PASSWORD\",\"value\":\"hunter2\",\"init\":true},"
								+ "{\"key\":\"visible\",\"value\":\"plain\"}],"
								+ "\"annotations\":[{\"key\":\"web-export\",\"value\":true},"
								+ "{\"key\":\"require-whisk-auth\",\"value\":\"w3bS3cret\"}]"));
		host("PUT", "packages/p", "{\"parameters\":[{\"key\":\"PKG_TOKEN\",\"value\":\"pkgS3cret\",\"init\":true}]}");
		web("GET", "/api/v1/web/" + this.namespace.id() + "/default/vault", null,
				Map.of("X-Require-Whisk-Auth", "w3bS3cret"));

		String journal = emulator.get().journal().requests().toString();
		assertThat(journal).doesNotContain("hunter2", "w3bS3cret", "pkgS3cret").contains("plain", "DB_PASSWORD");
		assertThat(emulator.get().journal().requests(Operation.INVOKE_WEB_FUNCTION)).singleElement()
			.satisfies((request) -> assertThat(request.header("X-Require-Whisk-Auth")).isEqualTo("******"));
	}

	@Test
	void faultsTargetTheNewOperationsAndANamespaceDeleteTakesItsFunctions() {
		emulator.get().faults().on(Operation.DEPLOY_FUNCTION).inject(Fault.status(503));
		assertThat(host("PUT", "actions/f", action("nodejs:18", "")).status()).isEqualTo(503);
		assertThat(host("PUT", "actions/f", action("nodejs:18", "")).status()).isEqualTo(200);
		assertThat(emulator.get().journal().count(Operation.DEPLOY_FUNCTION)).isEqualTo(2);

		emulator.get().state().deleteNamespace(this.namespace.id());
		assertThat(emulator.get().deployedFunctions(this.namespace.id())).isEmpty();
	}

	private Web web(String method, String path, @Nullable String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.get().baseUrl() + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Web(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Web(int status, java.net.http.HttpHeaders headers, String body) {

	}

}
