package io.github.dofunctions.sample;

import java.util.Map;

import io.github.dofunctions.emulator.EmulatedFunction;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stand-ins for the jobs' functions, served by the embedded emulator: at DigitalOcean the
 * functions are deployed with {@code doctl serverless deploy}, not defined here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("do.functions.emulator.enabled")
class EmulatedJobs {

	@Bean
	EmulatedFunction nightlyReport() {
		return EmulatedFunction.of("reports/nightly", (call) -> {
			Object format = call.parameters().getOrDefault("format", "pdf");
			call.log("rendering the nightly report as " + format);
			return Map.of("report", "nightly." + format, "pages", 12);
		});
	}

	@Bean
	EmulatedFunction cleanup() {
		return EmulatedFunction.of("maintenance/cleanup", (call) -> {
			Object olderThanDays = call.parameters().getOrDefault("olderThanDays", 30);
			if (!(olderThanDays instanceof Number days) || days.intValue() < 1) {
				return Map.of("error", "olderThanDays must be a positive number");
			}
			call.log("removing files older than " + days + " days");
			return Map.of("removed", 3);
		});
	}

	@Bean
	EmulatedFunction digest() {
		return EmulatedFunction.of("mail/digest", (call) -> Map.of("sent", 0));
	}

}
