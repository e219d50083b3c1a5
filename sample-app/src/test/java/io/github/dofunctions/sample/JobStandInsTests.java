package io.github.dofunctions.sample;

import java.util.List;

import io.github.dofunctions.client.FunctionDeployer;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.test.AutoConfigureFunctionsEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a machine with only a JDK (no {@code node}, no {@code python3} on the {@code PATH},
 * which the test takes away from the application's environment) the jobs still run: their
 * Java stand-ins answer for the code the emulator cannot run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PATH=/nonexistent")
@AutoConfigureWebTestClient
@AutoConfigureFunctionsEmulator
class JobStandInsTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private FunctionsEmulator emulator;

	@Autowired
	private FunctionsOperations functions;

	@Test
	void jobsRunOnTheirStandInsWhereTheRuntimesAreMissing() {
		String namespaceId = this.emulator.state().namespaces().get(0).id();
		assertThat(this.emulator.deployedFunctions(namespaceId)).as("the project is deployed as everywhere").hasSize(3);
		// This JVM's runtimes are on its real PATH: with the deployed code gone, only a
		// stand-in can answer.
		FunctionDeployer deployer = this.functions.deployer(namespaceId);
		for (String function : List.of("reports/nightly", "maintenance/cleanup", "mail/digest")) {
			deployer.deleteFunction(function).block();
		}

		this.web.post()
			.uri("/api/jobs/nightly-report/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"format\":\"csv\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.report")
			.isEqualTo("nightly.csv")
			.jsonPath("$.logs[0]")
			.value((line) -> assertThat((String) line).endsWith("rendering the nightly report as csv"));
		this.web.post()
			.uri("/api/jobs/hourly-cleanup/runs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.removed")
			.isEqualTo(3);
	}

	@Test
	void findsARuntimeOnlyInTheFoldersOfThePath() {
		assertThat(JobStandIns.onPath("sh", "/nonexistent:/bin")).isTrue();
		assertThat(JobStandIns.onPath("sh", "/nonexistent")).isFalse();
		assertThat(JobStandIns.onPath("sh", null)).isFalse();
	}

}
