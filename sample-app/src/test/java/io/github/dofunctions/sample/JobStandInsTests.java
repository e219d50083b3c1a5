package io.github.dofunctions.sample;

import io.github.dofunctions.autoconfigure.provisioning.FunctionsAdmin;
import io.github.dofunctions.emulator.FunctionsEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a machine with only a JDK (no {@code node}, no {@code python3} on the {@code PATH})
 * the jobs still run: the project is deployed as everywhere, and their Java stand-ins
 * answer for the code the emulator cannot run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PATH=/nonexistent")
@AutoConfigureWebTestClient
class JobStandInsTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private FunctionsEmulator emulator;

	@Autowired
	private FunctionsAdmin admin;

	@BeforeEach
	void freshStart() {
		this.emulator.reset();
		this.admin.provision();
		this.emulator.journal().clear();
	}

	@Test
	void jobsRunOnTheirStandInsWhereTheRuntimesAreMissing() {
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
		assertThat(this.emulator.deployedFunctions(this.emulator.state().namespaces().get(0).id())).hasSize(3);
	}

	@Test
	void findsARuntimeOnlyInTheFoldersOfThePath() {
		assertThat(JobStandIns.onPath("sh", "/nonexistent:/bin")).isTrue();
		assertThat(JobStandIns.onPath("sh", "/nonexistent")).isFalse();
		assertThat(JobStandIns.onPath("sh", null)).isFalse();
	}

}
