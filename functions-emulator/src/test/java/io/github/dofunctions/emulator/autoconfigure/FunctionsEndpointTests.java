package io.github.dofunctions.emulator.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.emulator.EmulatedAccessKey;
import io.github.dofunctions.emulator.EmulatedFunction;
import io.github.dofunctions.emulator.EmulatedNamespace;
import io.github.dofunctions.emulator.EmulatedTrigger;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
import io.github.dofunctions.emulator.RecordedRequest;
import io.github.dofunctions.emulator.test.AutoConfigureFunctionsEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code functions} actuator endpoint of an application on a real web server, its
 * client on the embedded emulator: what it shows of the declared namespace and trigger,
 * the managed access key and the client, that it shows no secret, and that it calls
 * DigitalOcean only when asked to refresh, and then only to read.
 */
@SpringBootTest(classes = FunctionsEndpointTests.JobsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=functions",
				"do.functions.provisioning.namespaces.reports.region=nyc1",
				"do.functions.provisioning.namespaces.reports.triggers.nightly-report.function=hello",
				"do.functions.provisioning.namespaces.reports.triggers.nightly-report.cron=0 2 * * *",
				"do.functions.provisioning.namespaces.reports.triggers.nightly-report.body.format=pdf" })
@AutoConfigureFunctionsEmulator
class FunctionsEndpointTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	FunctionsEmulator emulator;

	@Autowired
	FunctionsOperations functions;

	private EmulatedNamespace namespace;

	// The reset before each test provisioned the declarations again, and emptied the
	// journal.
	@BeforeEach
	void findTheProvisionedNamespace() {
		this.namespace = this.emulator.state().namespaces().get(0);
	}

	@Test
	void showsTheDeclaredNamespaceAndTriggerAsProvisionedWithoutCallingDigitalOcean() throws Exception {
		JsonNode body = json.readTree(get("/actuator/functions"));

		JsonNode declared = body.get("declared");
		assertThat(declared.get("provisioned").asBoolean()).isTrue();
		assertThat(declared.get("refreshed").asBoolean()).isFalse();
		assertThat(declared.get("seenAt").asString()).isNotBlank();
		JsonNode namespace = declared.get("namespaces").get(0);
		assertThat(namespace.get("label").asString()).isEqualTo("reports");
		assertThat(namespace.get("id").asString()).isEqualTo(this.namespace.id());
		assertThat(namespace.get("state").asString()).isEqualTo("present");
		JsonNode trigger = namespace.get("triggers").get(0);
		EmulatedTrigger emulated = this.emulator.state().triggers(this.namespace.id()).get(0);
		assertThat(trigger.get("name").asString()).isEqualTo("nightly-report");
		assertThat(trigger.get("function").asString()).isEqualTo("hello");
		assertThat(trigger.get("cron").asString()).isEqualTo("0 2 * * *");
		assertThat(trigger.get("state").asString()).isEqualTo("present");
		assertThat(trigger.get("enabled").asBoolean()).isTrue();
		assertThat(trigger.get("nextRunAt").asString()).isEqualTo(String.valueOf(emulated.nextRunAt()));
		assertThat(trigger.has("lastRunAt")).isFalse();
		assertThat(body.get("circuitBreaker").get("state").asString()).isEqualTo("CLOSED");
		assertThat(body.get("rateLimit").get("remaining").asInt()).isPositive();
		assertThat(body.get("lastSuccess").get("operation").asString()).isEqualTo("createTrigger");
		assertThat(this.emulator.journal().requests()).as("requests caused by the endpoint").isEmpty();
	}

	@Test
	void showsTheAccessKeyTheClientMadeButNoSecret() throws Exception {
		List<String> answers = new CopyOnWriteArrayList<>();
		this.emulator.addExchangeListener((exchange) -> answers.add(exchange.body()));
		this.functions.invoker(this.namespace.id()).invoke("hello", Map.of("name", "Ada")).block();
		EmulatedAccessKey key = this.emulator.state().accessKeys(this.namespace.id()).get(0);
		String secret = json
			.readTree(answers.stream().filter((answer) -> answer.contains("\"secret\"")).findFirst().orElseThrow())
			.get("access_key")
			.get("secret")
			.asString();
		assertThat(secret).isNotBlank();
		this.emulator.journal().clear();

		String body = get("/actuator/functions");

		JsonNode keys = json.readTree(body).get("managedAccessKeys");
		assertThat(
				keys.valueStream().filter((shown) -> shown.get("namespaceId").asString().equals(this.namespace.id())))
			.singleElement()
			.satisfies((shown) -> {
				assertThat(shown.get("id").asString()).isEqualTo(key.id());
				assertThat(shown.get("name").asString()).isEqualTo(key.name());
				assertThat(shown.get("expiresAt").asString()).isEqualTo(String.valueOf(key.expiresAt()));
			});
		assertThat(body).doesNotContain(secret, this.emulator.token(), this.namespace.key(), "pdf");
		assertThat(this.emulator.journal().requests()).as("requests caused by the endpoint").isEmpty();
	}

	@Test
	void refreshReadsDigitalOceanAndWritesNothing() throws Exception {
		this.functions
			.updateTrigger(this.namespace.id(), "nightly-report",
					UpdateTriggerRequest.reschedule("0 4 * * *", Map.of("format", "pdf")))
			.block();
		this.emulator.journal().clear();

		JsonNode stale = json.readTree(get("/actuator/functions"));
		assertThat(stale.get("declared").get("namespaces").get(0).get("triggers").get(0).get("state").asString())
			.isEqualTo("present");
		assertThat(this.emulator.journal().requests()).isEmpty();

		JsonNode refreshed = json.readTree(get("/actuator/functions?refresh=true"));

		assertThat(refreshed.get("declared").get("refreshed").asBoolean()).isTrue();
		assertThat(refreshed.get("declared").get("provisioned").asBoolean()).isFalse();
		JsonNode trigger = refreshed.get("declared").get("namespaces").get(0).get("triggers").get(0);
		assertThat(trigger.get("state").asString()).isEqualTo("drifted");
		assertThat(trigger.get("differences").get(0).asString()).isEqualTo("cron is '0 4 * * *', declared '0 2 * * *'");
		assertThat(this.emulator.journal().requests()).extracting(RecordedRequest::operation)
			.containsExactly(Operation.LIST_NAMESPACES, Operation.LIST_TRIGGERS);
		assertThat(this.emulator.journal().requests()).extracting(RecordedRequest::method).containsOnly("GET");
		this.emulator.journal().clear();

		JsonNode later = json.readTree(get("/actuator/functions"));
		assertThat(later.get("declared").get("namespaces").get(0).get("triggers").get(0).get("state").asString())
			.as("what the refresh saw is kept")
			.isEqualTo("drifted");
		assertThat(this.emulator.journal().requests()).isEmpty();
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	@SpringBootApplication
	static class JobsApplication {

		@Bean
		EmulatedFunction hello() {
			return EmulatedFunction.of("hello", (call) -> Map.of("greeting", "hi"));
		}

	}

}
