package io.github.dofunctions.autoconfigure;

import java.time.Clock;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.resilience.FunctionsResilience;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code doFunctions} health indicator, which reports from what
 * recent calls saw and never calls the API on its own.
 */
@AutoConfiguration(after = FunctionsAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(FunctionsResilience.class)
@ConditionalOnEnabledHealthIndicator("doFunctions")
public final class FunctionsHealthAutoConfiguration {

	/**
	 * Create the auto-configuration; Spring Boot instantiates it.
	 */
	public FunctionsHealthAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	RecentFunctionsCalls recentFunctionsCalls() {
		return new RecentFunctionsCalls(Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(name = "doFunctionsHealthIndicator")
	FunctionsHealthIndicator doFunctionsHealthIndicator(FunctionsResilience resilience,
			ObjectProvider<FunctionsOperations> functions, RecentFunctionsCalls recentCalls,
			FunctionsProperties properties) {
		return new FunctionsHealthIndicator(resilience.circuitBreaker(), () -> functions.getObject().rateLimit(),
				recentCalls, properties.getHealth().isDownWhenCircuitOpen(), resilience.budgetStore());
	}

}
