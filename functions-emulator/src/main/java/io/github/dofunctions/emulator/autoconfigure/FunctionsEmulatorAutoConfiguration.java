package io.github.dofunctions.emulator.autoconfigure;

import io.github.dofunctions.autoconfigure.FunctionsAutoConfiguration;
import io.github.dofunctions.autoconfigure.FunctionsConnectionDetails;
import io.github.dofunctions.emulator.EmulatedFunction;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.RateLimits;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts a {@link FunctionsEmulator} when {@code do.functions.emulator.enabled=true} (and
 * the client is not switched off with {@code do.functions.enabled=false}), and supplies
 * {@link FunctionsConnectionDetails} pointing at it, so that the application's
 * {@code FunctionsOperations} talks to the emulator with no token to configure. Every
 * {@link EmulatedFunction} bean is registered with it, to be invoked through
 * {@code FunctionsOperations.invoker(namespaceId)}.
 */
@AutoConfiguration(before = FunctionsAutoConfiguration.class)
@ConditionalOnClass(FunctionsConnectionDetails.class)
@ConditionalOnBooleanProperty("do.functions.emulator.enabled")
@ConditionalOnBooleanProperty(name = "do.functions.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FunctionsEmulatorProperties.class)
public final class FunctionsEmulatorAutoConfiguration {

	private static final Log logger = LogFactory.getLog(FunctionsEmulatorAutoConfiguration.class);

	/**
	 * Create the auto-configuration; Spring Boot instantiates it.
	 */
	public FunctionsEmulatorAutoConfiguration() {
	}

	@Bean(destroyMethod = "stop")
	@ConditionalOnMissingBean
	FunctionsEmulator functionsEmulator(FunctionsEmulatorProperties properties,
			ObjectProvider<EmulatedFunction> functions) {
		FunctionsEmulator.Builder builder = FunctionsEmulator.builder()
			.port(properties.getPort())
			.console(properties.isConsole())
			.demoteAfter(properties.getDemoteAfter())
			.namespaceLimit(properties.getNamespaceLimit())
			.triggerLimit(properties.getTriggerLimit())
			.rateLimits(new RateLimits(properties.getRequestsPerMinute(), properties.getRequestsPerHour(),
					properties.getMinute(), properties.getHour()));
		if (properties.getToken() != null) {
			builder.token(properties.getToken());
		}
		properties.getNamespaces()
			.forEach((id, namespace) -> builder.namespace(id, namespace.getRegion(),
					(namespace.getLabel() != null) ? namespace.getLabel() : id));
		FunctionsEmulator emulator = builder.build();
		functions.orderedStream().forEach((function) -> emulator.registerFunction(function.name(), function.handler()));
		emulator.start();
		if (emulator.consoleUrl() != null) {
			logger.info("Functions emulator console: " + emulator.consoleUrl());
		}
		return emulator;
	}

	@Bean
	@ConditionalOnMissingBean(FunctionsConnectionDetails.class)
	EmulatorConnectionDetails emulatorConnectionDetails(FunctionsEmulator emulator) {
		return new EmulatorConnectionDetails(emulator);
	}

}
