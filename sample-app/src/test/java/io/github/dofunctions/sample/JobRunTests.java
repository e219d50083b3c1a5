package io.github.dofunctions.sample;

import java.util.Map;

import io.github.dofunctions.emulator.EmulatedActivation;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
import io.github.dofunctions.emulator.test.AutoConfigureFunctionsEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Running a job by hand: the job's function invoked in the service's namespace on the
 * embedded emulator, its result and logs shown, its failure a problem with the
 * activation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "do.functions.rate-limit.requests-per-minute=6000")
@AutoConfigureWebTestClient
@AutoConfigureFunctionsEmulator
class JobRunTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private FunctionsEmulator emulator;

	private String namespaceId() {
		return this.emulator.state().namespaces().get(0).id();
	}

	@Test
	void runsAJobNowWithItsParametersAndShowsItsActivationAuthenticatedWithAKeyItMade() {
		JobRun run = this.web.post()
			.uri("/api/jobs/nightly-report/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("format", "csv"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JobRun.class)
			.returnResult()
			.getResponseBody();

		EmulatedActivation activation = this.emulator.activations(namespaceId()).get(0);
		assertThat(run.activationId()).isEqualTo(activation.activationId());
		assertThat(run.function()).isEqualTo("reports/nightly");
		assertThat(run.result()).asInstanceOf(MAP).containsEntry("report", "nightly.csv");
		assertThat(run.logs()).singleElement().asString().endsWith("rendering the nightly report as csv");
		assertThat(this.emulator.journal().requests(Operation.INVOKE_FUNCTION)).singleElement()
			.satisfies(
					(request) -> assertThat(request.path()).isEqualTo("/api/v1/namespaces/_/actions/reports/nightly"));
		// No access key is configured: the service made one, since the namespace's own
		// key
		// no longer authenticates (as at DigitalOcean since 3 June 2026).
		assertThat(this.emulator.state().accessKeys(namespaceId())).singleElement().satisfies((key) -> {
			assertThat(key.name()).matches("do-functions-scheduled-jobs-[0-9a-f]{8}-1");
			assertThat(activation.subject()).isEqualTo(key.id());
		});
	}

	@Test
	void jobWithoutParametersRunsWithTheDeclaredOnes() {
		this.web.post()
			.uri("/api/jobs/nightly-report/runs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.report")
			.isEqualTo("nightly.pdf");
	}

	@Test
	void failedFunctionIsABadGatewayProblemNamingTheActivation() {
		this.web.post()
			.uri("/api/jobs/hourly-cleanup/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("olderThanDays", 0))
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("The function failed")
			.jsonPath("$.status")
			.isEqualTo(502)
			.jsonPath("$.activationStatus")
			.isEqualTo("application error")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).endsWith(": olderThanDays must be a positive number"))
			.jsonPath("$.result")
			.doesNotExist()
			.jsonPath("$.activationId")
			.isEqualTo(this.emulator.activations(namespaceId()).get(0).activationId());
	}

	@Test
	void unknownJobIsNotFoundAndInvokesNothing() {
		this.web.post().uri("/api/jobs/nope/runs").exchange().expectStatus().isNotFound();

		assertThat(this.emulator.journal().count(Operation.INVOKE_FUNCTION)).isZero();
	}

}
