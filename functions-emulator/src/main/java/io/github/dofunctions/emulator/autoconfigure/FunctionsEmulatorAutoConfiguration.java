package io.github.dofunctions.emulator.autoconfigure;

import io.github.dofunctions.autoconfigure.FunctionsAutoConfiguration;
import io.github.dofunctions.autoconfigure.FunctionsConnectionDetails;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.RateLimits;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts a {@link FunctionsEmulator} when {@code do.functions.emulator.enabled=true}, and
 * supplies {@link FunctionsConnectionDetails} pointing at it, so that the application's
 * {@code FunctionsOperations} talks to the emulator with no token to configure.
 */
@AutoConfiguration(before = FunctionsAutoConfiguration.class)
@ConditionalOnClass(FunctionsConnectionDetails.class)
@ConditionalOnBooleanProperty("do.functions.emulator.enabled")
@EnableConfigurationProperties(FunctionsEmulatorProperties.class)
public final class FunctionsEmulatorAutoConfiguration {

	@Bean(destroyMethod = "stop")
	@ConditionalOnMissingBean
	FunctionsEmulator functionsEmulator(FunctionsEmulatorProperties properties) {
		FunctionsEmulator.Builder builder = FunctionsEmulator.builder()
			.port(properties.getPort())
			.namespaceLimit(properties.getNamespaceLimit())
			.triggerLimit(properties.getTriggerLimit())
			.rateLimits(new RateLimits(properties.getRequestsPerMinute(), properties.getRequestsPerHour(),
					properties.getMinute(), properties.getHour()));
		if (properties.getToken() != null) {
			builder.token(properties.getToken());
		}
		return builder.build().start();
	}

	@Bean
	@ConditionalOnMissingBean(FunctionsConnectionDetails.class)
	EmulatorConnectionDetails emulatorConnectionDetails(FunctionsEmulator emulator) {
		return new EmulatorConnectionDetails(emulator);
	}

}
