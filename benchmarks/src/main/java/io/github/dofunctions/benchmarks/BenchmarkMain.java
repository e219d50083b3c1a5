package io.github.dofunctions.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every scenario, prints their tables in Markdown, and writes them to
 * {@code benchmarks/target/benchmark-results.md}:
 * {@code ./mvnw -B -pl benchmarks -am spring-boot:run}.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	/**
	 * Run the benchmarks.
	 * @param args none
	 * @throws IOException if the results cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Settings settings = Settings.full();
		if (args.length > 0) {
			// Only the scenarios named, such as "1 3".
			settings = settings.only(java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray());
		}
		String report = run(settings);
		System.out.println(report);
		Path results = Path.of(System.getProperty("benchmark.results", "target/benchmark-results.md"));
		Files.createDirectories(results.toAbsolutePath().getParent());
		Files.writeString(results, report);
		System.out.println("Written to " + results.toAbsolutePath());
		System.exit(0);
	}

	static String run(Settings settings) {
		List<Table> tables = new ArrayList<>();
		if (settings.runs(1)) {
			tables.add(new OverheadScenario(settings.warmUp(), settings.measured(), 9).run());
		}
		if (settings.runs(2)) {
			tables.add(new RateLimitScenario(settings.rateLimits()).run());
		}
		if (settings.runs(3)) {
			tables.add(new ScaleScenario(settings.inFlight()).run());
		}
		if (settings.runs(4)) {
			tables.add(new StartupScenario(settings.startupWarmUps(), settings.startupRuns()).run());
		}
		if (settings.runs(5)) {
			tables.add(new InvocationScenario(settings.invocations()).run());
		}
		StringBuilder report = new StringBuilder("## Benchmark results\n\n");
		report.append("Measured ").append(Instant.now()).append(" on ").append(Machine.describe()).append(".\n\n");
		Table targets = new Table("Targets", "target", "measured", "met");
		tables.forEach((table) -> table.targets().forEach((target) -> targets.row(target.toArray())));
		if (!targets.rows().isEmpty()) {
			report.append(targets.markdown());
		}
		tables.forEach((table) -> report.append(table.markdown()));
		return report.toString();
	}

	/**
	 * How long and how big each scenario runs.
	 */
	record Settings(Duration warmUp, Duration measured, RateLimitScenario.Sizes rateLimits, int[] inFlight,
			int startupWarmUps, int startupRuns, InvocationScenario.Sizes invocations, int[] scenarios) {

		static Settings full() {
			return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(2), RateLimitScenario.Sizes.full(),
					new int[] { 100, 10_000 }, 5, 15, InvocationScenario.Sizes.full(), new int[] { 1, 2, 3, 4, 5 });
		}

		Settings only(int... chosen) {
			return new Settings(this.warmUp, this.measured, this.rateLimits, this.inFlight, this.startupWarmUps,
					this.startupRuns, this.invocations, chosen);
		}

		boolean runs(int scenario) {
			return java.util.Arrays.stream(this.scenarios).anyMatch((chosen) -> chosen == scenario);
		}

	}

}
