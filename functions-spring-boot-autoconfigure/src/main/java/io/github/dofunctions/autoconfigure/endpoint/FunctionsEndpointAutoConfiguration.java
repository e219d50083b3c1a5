package io.github.dofunctions.autoconfigure.endpoint;

import java.time.Clock;

import io.github.dofunctions.autoconfigure.FunctionsAutoConfiguration;
import io.github.dofunctions.autoconfigure.FunctionsHealthAutoConfiguration;
import io.github.dofunctions.autoconfigure.RecentFunctionsCalls;
import io.github.dofunctions.autoconfigure.provisioning.FunctionsAdmin;
import io.github.dofunctions.autoconfigure.provisioning.FunctionsProvisioningAutoConfiguration;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.resilience.FunctionsResilience;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code functions} actuator endpoint
 * ({@link FunctionsEndpoint}), when the actuator is on the class path and the endpoint is
 * available: enabled, and exposed the way Spring Boot exposes any endpoint
 * ({@code management.endpoints.web.exposure.include=functions}, off the web by default).
 */
@AutoConfiguration(after = { FunctionsAutoConfiguration.class, FunctionsProvisioningAutoConfiguration.class,
		FunctionsHealthAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(FunctionsOperations.class)
public final class FunctionsEndpointAutoConfiguration {

	/**
	 * Create the auto-configuration; Spring Boot instantiates it.
	 */
	public FunctionsEndpointAutoConfiguration() {
	}

	/**
	 * The record of recent calls the endpoint reports, when the health indicator (which
	 * shares it) did not make one.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(FunctionsEndpoint.class)
	RecentFunctionsCalls recentFunctionsCalls() {
		return new RecentFunctionsCalls(Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	FunctionsEndpoint functionsEndpoint(FunctionsOperations functions, ObjectProvider<FunctionsAdmin> admin,
			ObjectProvider<FunctionsResilience> resilience, RecentFunctionsCalls recentCalls) {
		FunctionsResilience clientResilience = resilience.getIfAvailable();
		return new FunctionsEndpoint(functions, admin.getIfAvailable(),
				(clientResilience != null) ? clientResilience.circuitBreaker() : null, recentCalls);
	}

}
