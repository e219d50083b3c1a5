package io.github.dofunctions.benchmarks;

import java.time.Duration;

import io.github.dofunctions.emulator.InvocationLimits;
import io.github.dofunctions.emulator.RateLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario, very briefly, so that the benchmark cannot rot. No figure is checked:
 * timing claims belong to a full run, not to a test.
 */
class BenchmarkSmokeTests {

	@Test
	void overheadScenarioMeasuresEveryClientAtBothConcurrencies() {
		Table table = new OverheadScenario(Duration.ofMillis(200), Duration.ofMillis(300), 1).run();

		assertThat(table.targets()).hasSize(1);
		assertThat(table.rows()).hasSize(12).allSatisfy((row) -> {
			assertThat(Double.parseDouble(row.get(3))).as("calls/s of %s", row).isPositive();
			assertThat(row.get(6)).endsWith("x");
		});
	}

	@Test
	void rateLimitScenarioRunsTheThreeCasesThroughBothClients() {
		RateLimits oneSecond = new RateLimits(10, 1000, Duration.ofSeconds(1), Duration.ofSeconds(60));
		Table table = new RateLimitScenario(new RateLimitScenario.Sizes(5, 1, 1, RateLimits.digitalOcean(),
				Duration.ofMillis(10), 25, 5, oneSecond, 8))
			.run();

		assertThat(table.rows()).extracting((row) -> row.get(0).substring(0, 3))
			.containsExactly("(a)", "(a)", "(b)", "(c)");
		assertThat(table.rows()).allSatisfy(
				(row) -> assertThat(row.get(7)).as("calls the starter failed in %s", row.get(0)).isEqualTo("0"));
		assertThat(table.targets()).hasSize(3);
	}

	@Test
	void scaleScenarioCompletesEveryCall() {
		Table table = new ScaleScenario(10, 200).run();

		assertThat(table.rows()).hasSize(2).allSatisfy((row) -> assertThat(row.get(4)).isEqualTo("0"));
	}

	@Test
	void startupScenarioComparesWithAndWithoutTheAutoConfiguration() {
		Table table = new StartupScenario(1, 2).run();

		assertThat(table.rows()).extracting((row) -> row.get(0))
			.containsExactly("without the auto-configuration", "with the auto-configuration");
		assertThat(table.rows()).allSatisfy(
				(row) -> assertThat(Double.parseDouble(row.get(1))).as("median ms of %s", row.get(0)).isPositive());
		assertThat(Double.parseDouble(table.rows().get(1).get(2))).as("difference").isFinite();
	}

	@Test
	void invocationScenarioRunsEveryInvocationThroughBothClients() {
		Table table = new InvocationScenario(
				new InvocationScenario.Sizes(30, 10, new InvocationLimits(1000, 5), Duration.ofMillis(5)))
			.run();

		assertThat(table.rows()).extracting((row) -> row.get(0)).containsExactly("starter", "retrying client");
		assertThat(table.rows().get(0).get(2)).as("starter's 429s").startsWith("0 / 30 ");
		assertThat(table.rows().get(0).get(3)).as("starter's failures").isEqualTo("0");
		assertThat(table.targets()).hasSize(1);
	}

}
