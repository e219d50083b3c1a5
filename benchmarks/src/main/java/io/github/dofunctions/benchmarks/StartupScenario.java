package io.github.dofunctions.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Scenario 4: what the auto-configuration adds to an application's start-up. The same
 * auto-configured application starts with {@code do.functions.enabled} on and off,
 * alternately, and the median of the runs after a warm-up is kept.
 */
final class StartupScenario {

	private final int warmUps;

	private final int runs;

	StartupScenario(int warmUps, int runs) {
		this.warmUps = warmUps;
		this.runs = runs;
	}

	Table run() {
		List<Double> with = new ArrayList<>();
		List<Double> without = new ArrayList<>();
		for (int i = 0; i < this.warmUps + this.runs; i++) {
			// Alternate which goes first, so that neither always follows the other's
			// garbage.
			boolean enabledFirst = (i % 2 == 0);
			double first = start(enabledFirst);
			double second = start(!enabledFirst);
			double on = enabledFirst ? first : second;
			double off = enabledFirst ? second : first;
			if (i >= this.warmUps) {
				with.add(on);
				without.add(off);
			}
		}
		double medianWith = median(with);
		double medianWithout = median(without);
		return new Table(
				"4. Start-up: context refresh (median of " + this.runs + " runs after " + this.warmUps + " warm-ups)",
				"application", "median ms", "added by the auto-configuration ms")
			.row("without the auto-configuration", Table.decimal(medianWithout, 1), "")
			.row("with the auto-configuration", Table.decimal(medianWith, 1),
					Table.decimal(medianWith - medianWithout, 1))
			.note("Target: the auto-configuration adds at most 50 ms. Runs share one JVM, so classes load once: "
					+ "this is what the auto-configuration costs a warm start; the first start of a JVM also pays "
					+ "for loading the client's classes. A negative figure is noise: the difference is below what "
					+ "this measurement can resolve.");
	}

	private static double start(boolean enabled) {
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "do.functions.enabled=" + enabled,
					"do.functions.token=dop_v1_benchmark")
			.run()) {
			return (System.nanoTime() - started) / 1e6;
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * An application with everything on its class path auto-configured.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
