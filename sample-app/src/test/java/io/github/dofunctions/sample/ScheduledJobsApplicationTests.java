package io.github.dofunctions.sample;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.dofunctions.autoconfigure.provisioning.FunctionsAdmin;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningPlan;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningPlan.Action;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningPlan.Change;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.emulator.EmulatedAction;
import io.github.dofunctions.emulator.EmulatedActivation;
import io.github.dofunctions.emulator.EmulatedNamespace;
import io.github.dofunctions.emulator.EmulatedTrigger;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
import io.github.dofunctions.emulator.RecordedRequest;
import io.github.dofunctions.emulator.test.AutoConfigureFunctionsEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on the embedded emulator: its declared namespace, functions and jobs
 * provisioned at start-up, again, after drift and in a race, and every endpoint of its
 * API.
 */
// Pacing is left as configured, but at a budget that does not make every test wait.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "do.functions.rate-limit.requests-per-minute=6000")
@AutoConfigureWebTestClient
@AutoConfigureFunctionsEmulator
class ScheduledJobsApplicationTests {

	static final List<Operation> CHANGES = List.of(Operation.CREATE_NAMESPACE, Operation.DELETE_NAMESPACE,
			Operation.CREATE_TRIGGER, Operation.UPDATE_TRIGGER, Operation.DELETE_TRIGGER, Operation.DEPLOY_PACKAGE,
			Operation.DELETE_PACKAGE, Operation.DEPLOY_FUNCTION, Operation.DELETE_FUNCTION);

	@Autowired
	private WebTestClient web;

	@Autowired
	private FunctionsEmulator emulator;

	@Autowired
	private FunctionsAdmin admin;

	@Autowired
	private FunctionsOperations functions;

	private String namespaceId() {
		return this.emulator.state().namespaces().get(0).id();
	}

	private List<RecordedRequest> changesSent() {
		return this.emulator.journal()
			.requests()
			.stream()
			.filter((request) -> CHANGES.contains(request.operation()))
			.toList();
	}

	@Test
	void startUpProvisioningCreatesTheNamespaceAndTheDeclaredTriggers() {
		assertThat(this.emulator.state().namespaces()).singleElement().satisfies((namespace) -> {
			assertThat(namespace.label()).isEqualTo("scheduled-jobs");
			assertThat(namespace.region()).isEqualTo("nyc1");
		});
		assertThat(this.emulator.state().triggers(namespaceId()))
			.extracting(EmulatedTrigger::name, EmulatedTrigger::function, EmulatedTrigger::cron,
					EmulatedTrigger::enabled, EmulatedTrigger::body)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("nightly-report", "reports/nightly", "0 2 * * *", true,
							"{\"format\":\"pdf\"}"),
					org.assertj.core.groups.Tuple.tuple("hourly-cleanup", "maintenance/cleanup", "0 * * * *", true,
							null),
					org.assertj.core.groups.Tuple.tuple("weekly digest", "mail/digest", "0 8 * * MON", false, null));
	}

	@Test
	void startUpProvisioningDeploysTheJobsFunctionsFromTheProjectBeforeTheirTriggers() {
		assertThat(this.emulator.deployedFunctions(namespaceId()))
			.extracting(EmulatedAction::name, EmulatedAction::kind, EmulatedAction::web)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("mail/digest", "nodejs:18", false),
					org.assertj.core.groups.Tuple.tuple("maintenance/cleanup", "python:3.11", false),
					org.assertj.core.groups.Tuple.tuple("reports/nightly", "nodejs:18", false));
	}

	@Test
	void secondStartChangesNothing() {
		ProvisioningPlan done = this.admin.provision();

		assertThat(done.differences()).isEmpty();
		assertThat(done.changes()).extracting(Change::trigger)
			.containsExactly(null, null, "nightly-report", "hourly-cleanup", "weekly digest");
		assertThat(changesSent()).isEmpty();
	}

	@Test
	void scheduleThatDriftedOnTheServerIsPutBack() {
		this.functions
			.updateTrigger(namespaceId(), "nightly-report", UpdateTriggerRequest.reschedule("*/5 * * * *", null))
			.block();
		this.emulator.journal().clear();

		ProvisioningPlan done = this.admin.provision();

		assertThat(done.differences()).singleElement().satisfies((change) -> {
			assertThat(change.trigger()).isEqualTo("nightly-report");
			assertThat(change.action()).isEqualTo(Action.UPDATE);
		});
		assertThat(this.emulator.state().triggers(namespaceId()).get(0)).satisfies((trigger) -> {
			assertThat(trigger.cron()).isEqualTo("0 2 * * *");
			assertThat(trigger.body()).isEqualTo("{\"format\":\"pdf\"}");
		});
		assertThat(changesSent()).extracting(RecordedRequest::operation).containsExactly(Operation.UPDATE_TRIGGER);
	}

	@Test
	void nightlyReportRunsAtTwoWithItsDeclaredParameters() {
		// Paused as an operator would, or it would run 24 times in the day.
		this.web.post().uri("/api/triggers/hourly-cleanup/pause").exchange().expectStatus().isOk();

		this.emulator.advanceTime(Duration.ofDays(1));

		EmulatedActivation run = this.emulator.activations(namespaceId()).get(0);
		assertThat(this.emulator.activations(namespaceId())).singleElement().satisfies((only) -> {
			assertThat(only.trigger()).isEqualTo("nightly-report");
			assertThat(only.start().atZone(ZoneOffset.UTC).toLocalTime()).isBetween(LocalTime.of(2, 0),
					LocalTime.of(2, 1));
			assertThat(only.result()).isEqualTo(Map.of("report", "nightly.pdf", "pages", 12));
		});
		TriggerView nightly = this.web.get()
			.uri("/api/triggers/nightly-report")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(TriggerView.class)
			.returnResult()
			.getResponseBody();
		assertThat(nightly.lastRunAt()).isEqualTo(run.start().truncatedTo(ChronoUnit.MINUTES));
		assertThat(nightly.nextRunAt()).isEqualTo(nightly.lastRunAt().plus(Duration.ofDays(1)));
	}

	@Test
	void pausedTriggerStaysPausedAcrossARestart() {
		this.functions.updateTrigger(namespaceId(), "hourly-cleanup", UpdateTriggerRequest.enabled(false)).block();

		assertThat(this.admin.provision().differences()).isEmpty();
		assertThat(this.emulator.state().triggers(namespaceId()).get(1).enabled()).isFalse();
	}

	@Test
	void twoInstancesStartingAtOnceEndWithOneNamespaceAndOneOfEachTrigger() {
		this.emulator.reset();
		FunctionsAdmin first = new FunctionsAdmin(this.functions, this.admin.getDeclarations());
		FunctionsAdmin second = new FunctionsAdmin(this.functions, this.admin.getDeclarations());

		CompletableFuture
			.allOf(CompletableFuture.runAsync(first::provision), CompletableFuture.runAsync(second::provision))
			.join();

		assertThat(this.emulator.state().namespaces()).hasSize(1);
		assertThat(this.emulator.state().triggers(namespaceId())).extracting(EmulatedTrigger::name)
			.containsExactlyInAnyOrder("nightly-report", "hourly-cleanup", "weekly digest");
		assertThat(this.emulator.deployedFunctions(namespaceId())).hasSize(3);
	}

	@Test
	void listsNamespacesWithoutTheirKeys() {
		EmulatedNamespace namespace = this.emulator.state().namespaces().get(0);
		this.web.get()
			.uri("/api/namespaces")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo(namespace.id())
			.jsonPath("$[0].label")
			.isEqualTo("scheduled-jobs")
			.jsonPath("$[0].key")
			.doesNotExist()
			.consumeWith((result) -> assertThat(new String(result.getResponseBody())).doesNotContain(namespace.key()));
	}

	@Test
	void listsAndGetsTriggers() {
		this.web.get()
			.uri("/api/triggers")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(3)
			.jsonPath("$[0].name")
			.isEqualTo("nightly-report")
			.jsonPath("$[0].body.format")
			.isEqualTo("pdf")
			.jsonPath("$[2].enabled")
			.isEqualTo(false);
		this.web.get()
			.uri("/api/triggers/{name}", "weekly digest")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.cron")
			.isEqualTo("0 8 * * MON")
			.jsonPath("$.nextRunAt")
			.doesNotExist();
	}

	@Test
	void pausesAndResumesATrigger() {
		this.web.post()
			.uri("/api/triggers/{name}/pause", "nightly-report")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(false);
		assertThat(this.emulator.state().triggers(namespaceId()).get(0).enabled()).isFalse();

		this.web.post()
			.uri("/api/triggers/{name}/resume", "nightly-report")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(true)
			.jsonPath("$.nextRunAt")
			.exists();
		assertThat(this.emulator.state().triggers(namespaceId()).get(0).enabled()).isTrue();
	}

	@Test
	void reschedulesATriggerKeepingItsParameters() {
		this.web.put()
			.uri("/api/triggers/{name}/schedule", "nightly-report")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("cron", "30 3 * * *"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.cron")
			.isEqualTo("30 3 * * *")
			.jsonPath("$.body.format")
			.isEqualTo("pdf");

		assertThat(this.emulator.state().triggers(namespaceId()).get(0).cron()).isEqualTo("30 3 * * *");
	}

	@Test
	void deletesATrigger() {
		this.web.delete().uri("/api/triggers/{name}", "hourly-cleanup").exchange().expectStatus().isNoContent();

		assertThat(this.emulator.state().triggers(namespaceId())).extracting(EmulatedTrigger::name)
			.containsExactly("nightly-report", "weekly digest");
	}

	@Test
	void unknownTriggerIsNotFoundWithDigitalOceansMessageAndRequestId() {
		this.web.get()
			.uri("/api/triggers/{name}", "no-such-job")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isEqualTo("trigger not found")
			.jsonPath("$.errorId")
			.isEqualTo("not_found")
			.jsonPath("$.operation")
			.isEqualTo("getTrigger")
			.jsonPath("$.requestId")
			.value((requestId) -> assertThat((String) requestId).isNotBlank())
			.jsonPath("$.instance")
			.isEqualTo("/api/triggers/no-such-job");
	}

	@Test
	void invalidCronIsABadRequestAndNothingIsSent() {
		this.web.put()
			.uri("/api/triggers/{name}/schedule", "nightly-report")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("cron", "every night"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail)
				.contains("cron 'every night' is not a valid five-field cron expression"));

		assertThat(changesSent()).isEmpty();
	}

	@Test
	void limitReachedIsUnprocessable() {
		this.emulator.faults().on(Operation.UPDATE_TRIGGER).inject(io.github.dofunctions.emulator.Fault.status(422));

		this.web.post()
			.uri("/api/triggers/{name}/pause", "nightly-report")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errorId")
			.isEqualTo("unprocessable_entity");
	}

}
