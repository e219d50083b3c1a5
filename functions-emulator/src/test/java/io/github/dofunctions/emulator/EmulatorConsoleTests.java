package io.github.dofunctions.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's page, data and "run now", over real HTTP as a browser reaches them:
 * everything the emulator holds but no secret, a run only with the console's header, and
 * no console where the emulator listens beyond the loopback address unless asked.
 */
class EmulatorConsoleTests {

	static final String ENVIRONMENT_SECRET = "env-value-never-shown";

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = new FunctionsEmulatorExtension();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private FunctionsTemplate template;

	private String namespaceId;

	private String keySecret;

	@BeforeEach
	void holdANamespaceWithAFunctionATriggerAKeyAndAnActivation() {
		this.template = EmulatorClients.withoutResilience(emulator.get());
		this.namespaceId = this.template.createNamespace(new CreateNamespaceRequest("nyc1", "reports")).block().id();
		this.template.deployer(this.namespaceId)
			.deploy(FunctionDefinition.builder("nightly")
				.runtime("nodejs:18")
				.code("function main(args) { console.log('rendering ' + args.format); return { report: args.format }; }")
				.environment("API_KEY", ENVIRONMENT_SECRET)
				.build())
			.block();
		AccessKey key = this.template.createAccessKey(this.namespaceId, CreateAccessKeyRequest.named("ci")).block();
		this.keySecret = key.secret();
		this.template
			.createTrigger(this.namespaceId,
					CreateTriggerRequest.scheduled("nightly-report", "nightly", "0 2 * * *", Map.of("format", "pdf")))
			.block();
		emulator.get().faults().on(Operation.LIST_NAMESPACES).next(2).inject(Fault.status(503));
	}

	@AfterEach
	void closeTheClient() {
		this.template.close();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(emulator.get().baseUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> run(String body, boolean withHeader) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.get().baseUrl() + "/console/run"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (withHeader) {
			request.header("X-Console-Request", "run");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void pageIsServedWithoutATokenFromTheJar() throws Exception {
		assertThat(emulator.get().consoleUrl()).isEqualTo(emulator.get().baseUrl() + "/console/");

		HttpResponse<String> page = get("/console/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).startsWith("default-src 'self'"));
		assertThat(page.body()).contains("<script src=\"console.js\" defer></script>");
		assertThat(get("/console/console.js").headers().firstValue("Content-Type"))
			.hasValue("text/javascript; charset=utf-8");
		assertThat(get("/console").statusCode()).isEqualTo(301);
		assertThat(get("/console/nope").statusCode()).isEqualTo(404);
	}

	@Test
	void stateShowsWhatTheEmulatorHoldsAndNoSecret() throws Exception {
		this.template.invoker(this.namespaceId).invoke("nightly", Map.of("format", "csv")).block();

		HttpResponse<String> answer = get("/console/state.json");

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode namespace = this.json.readTree(answer.body()).get("namespaces").get(0);
		assertThat(namespace.get("label").asString()).isEqualTo("reports");
		assertThat(namespace.get("functions").get(0).get("name").asString()).isEqualTo("nightly");
		JsonNode trigger = namespace.get("triggers").get(0);
		assertThat(trigger.get("name").asString()).isEqualTo("nightly-report");
		assertThat(trigger.get("nextRunAt").asString()).endsWith("T02:00:00Z");
		assertThat(trigger.get("lastRunAt").isNull()).isTrue();
		assertThat(namespace.get("accessKeys").findValuesAsString("name")).contains("ci");
		assertThat(namespace.get("activations").get(0).get("logs").get(0).asString()).endsWith("rendering csv");
		JsonNode state = this.json.readTree(answer.body());
		assertThat(state.get("journal").findValuesAsString("operation")).contains("INVOKE_FUNCTION");
		assertThat(state.get("faults").get(0).asString()).isEqualTo("LIST_NAMESPACES: status 503, 2 more");
		EmulatedNamespace held = emulator.get().state().namespaces().get(0);
		assertThat(answer.body()).doesNotContain(ENVIRONMENT_SECRET, this.keySecret, held.key(),
				emulator.get().token());
	}

	@Test
	void runNowRunsTheTriggersFunctionWithItsBodyAsItsRun() throws Exception {
		Instant next = emulator.get().state().triggers(this.namespaceId).get(0).nextRunAt();

		HttpResponse<String> answer = run("{\"namespace\":\"" + this.namespaceId + "\",\"trigger\":\"nightly-report\"}",
				true);

		assertThat(answer.statusCode()).isEqualTo(200);
		EmulatedActivation activation = emulator.get().activations(this.namespaceId).get(0);
		assertThat(this.json.readTree(answer.body()).get("activationId").asString())
			.isEqualTo(activation.activationId());
		assertThat(activation.trigger()).isEqualTo("nightly-report");
		assertThat(activation.result()).isEqualTo(Map.of("report", "pdf"));
		EmulatedTrigger trigger = emulator.get().state().triggers(this.namespaceId).get(0);
		assertThat(trigger.lastRunAt()).isNotNull();
		assertThat(trigger.nextRunAt()).as("run now leaves the schedule alone").isEqualTo(next);
	}

	@Test
	void runWithoutTheConsolesHeaderOrOfAnUnknownTriggerRunsNothing() throws Exception {
		String body = "{\"namespace\":\"" + this.namespaceId + "\",\"trigger\":\"nightly-report\"}";

		assertThat(run(body, false).statusCode()).isEqualTo(403);
		HttpResponse<String> unknown = run("{\"namespace\":\"" + this.namespaceId + "\",\"trigger\":\"nope\"}", true);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("No trigger named 'nope'");
		for (String notARun : List.of("not json", "{}", "{\"namespace\": 1}")) {
			HttpResponse<String> refused = run(notARun, true);
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body())
				.isEqualTo("{\"error\":\"The body must be a JSON object with the fields namespace and trigger\"}");
		}

		assertThat(emulator.get().activations(this.namespaceId)).isEmpty();
	}

	@Test
	void consoleIsOffBeyondTheLoopbackAddressUnlessAskedFor() throws Exception {
		try (FunctionsEmulator everywhere = FunctionsEmulator.builder().host("0.0.0.0").build().start();
				FunctionsEmulator asked = FunctionsEmulator.builder().host("0.0.0.0").console(true).build().start();
				FunctionsEmulator off = FunctionsEmulator.builder().console(false).build().start()) {
			assertThat(everywhere.consoleUrl()).isNull();
			assertThat(off.consoleUrl()).isNull();
			assertThat(asked.consoleUrl()).isEqualTo(asked.baseUrl() + "/console/");
			HttpResponse<String> answer = this.http.send(
					HttpRequest.newBuilder(URI.create(everywhere.baseUrl() + "/console/state.json")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as("an API path like any other: it needs the token").isEqualTo(401);
		}
	}

}
