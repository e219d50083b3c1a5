package io.github.dofunctions.autoconfigure.endpoint;

import io.github.dofunctions.autoconfigure.FunctionsAutoConfiguration;
import io.github.dofunctions.autoconfigure.FunctionsHealthAutoConfiguration;
import io.github.dofunctions.autoconfigure.RecentFunctionsCalls;
import io.github.dofunctions.autoconfigure.endpoint.FunctionsEndpoint.FunctionsDescriptor;
import io.github.dofunctions.autoconfigure.endpoint.FunctionsEndpoint.NamespaceDescriptor;
import io.github.dofunctions.autoconfigure.provisioning.FunctionsProvisioningAutoConfiguration;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code functions} actuator endpoint exists: exposed as Spring Boot exposes any
 * endpoint, never by default, and not without the actuator.
 */
class FunctionsEndpointAutoConfigurationTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
						FunctionsAutoConfiguration.class, FunctionsProvisioningAutoConfiguration.class,
						FunctionsHealthAutoConfiguration.class, FunctionsEndpointAutoConfiguration.class))
		.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl(),
				"do.functions.retry.enabled=false");

	@Test
	void isNotThereByDefault() {
		this.contextRunner
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FunctionsEndpoint.class));
	}

	@Test
	void isThereWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=functions")
			.run((context) -> assertThat(context).hasSingleBean(FunctionsEndpoint.class));
	}

	@Test
	void isNotThereWhenItsAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=functions",
					"management.endpoint.functions.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(FunctionsEndpoint.class));
	}

	@Test
	void isNotThereWithoutTheActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=functions")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FunctionsEndpoint.class));
	}

	@Test
	void isNotThereWhenTheClientIsDisabled() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=functions", "do.functions.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FunctionsEndpoint.class));
	}

	@Test
	void sharesTheHealthIndicatorsRecordOfRecentCalls() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=functions")
			.run((context) -> assertThat(context).hasSingleBean(RecentFunctionsCalls.class));
	}

	@Test
	void hasItsOwnRecordOfRecentCallsWithoutTheHealthIndicator() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=functions",
					"management.health.doFunctions.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RecentFunctionsCalls.class)
				.hasSingleBean(FunctionsEndpoint.class));
	}

	@Test
	void showsDeclarationsNotSeenYetAsUnknownAndSendsNothing() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=functions",
					"do.functions.provisioning.mode=none", "do.functions.provisioning.namespaces.reports.region=nyc1",
					"do.functions.provisioning.namespaces.reports.triggers.nightly.function=reports/nightly",
					"do.functions.provisioning.namespaces.reports.triggers.nightly.cron=0 2 * * *")
			.run((context) -> {
				FunctionsDescriptor functions = context.getBean(FunctionsEndpoint.class).functions(null);

				assertThat(functions.declared().seenAt()).isNull();
				assertThat(functions.declared().namespaces()).singleElement().satisfies((namespace) -> {
					assertThat(namespace).extracting(NamespaceDescriptor::label, NamespaceDescriptor::state)
						.containsExactly("reports", "unknown");
					assertThat(namespace.triggers()).singleElement()
						.satisfies((trigger) -> assertThat(trigger.state()).isEqualTo("unknown"));
				});
				assertThat(functions.managedAccessKeys()).isEmpty();
				assertThat(functions.rateLimit()).isNull();
				assertThat(functions.circuitBreaker().state()).isEqualTo("CLOSED");
				assertThat(api.requests()).isEmpty();
			});
	}

}
