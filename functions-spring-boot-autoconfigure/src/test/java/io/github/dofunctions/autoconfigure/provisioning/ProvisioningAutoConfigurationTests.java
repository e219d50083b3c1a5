package io.github.dofunctions.autoconfigure.provisioning;

import java.util.List;
import java.util.Map;

import io.github.dofunctions.autoconfigure.FunctionsAutoConfiguration;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.ScheduledDetails;
import io.github.dofunctions.client.model.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Tests for {@link FunctionsProvisioningAutoConfiguration}: binding, validation and
 * conditions, with a mock client (what goes to DigitalOcean is tested on the emulator, in
 * the emulator's module).
 */
class ProvisioningAutoConfigurationTests {

	private final FunctionsOperations functions = mock(FunctionsOperations.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, FunctionsAutoConfiguration.class,
				FunctionsProvisioningAutoConfiguration.class))
		.withBean(FunctionsOperations.class, () -> this.functions);

	@Test
	void shouldBindTheDeclaredNamespacesAndTriggers() {
		given(this.functions.listNamespaces()).willReturn(Flux.empty());
		this.contextRunner
			.withPropertyValues("do.functions.provisioning.mode=none", "do.functions.provisioning.prune=true",
					"do.functions.provisioning.fail-on-error=false", "do.functions.provisioning.trigger-limit=5",
					"do.functions.provisioning.namespaces.reports.region=nyc1",
					"do.functions.provisioning.namespaces.reports.triggers.nightly-report.function=reports/nightly",
					"do.functions.provisioning.namespaces.reports.triggers.nightly-report.cron=0 2 * * *",
					"do.functions.provisioning.namespaces.reports.triggers.nightly-report.body.format=pdf",
					"do.functions.provisioning.namespaces.reports.triggers.nightly-report.enabled=false",
					"do.functions.provisioning.namespaces.reports.triggers.weekly.function=reports/weekly",
					"do.functions.provisioning.namespaces.reports.triggers.weekly.cron=0 3 * * 1")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(FunctionsAdmin.class);
				FunctionsAdmin admin = context.getBean(FunctionsAdmin.class);
				assertThat(admin.getMode()).isEqualTo(ProvisioningMode.NONE);
				assertThat(admin.getDeclarations()).containsExactly(NamespaceDeclaration.label("reports")
					.region("nyc1")
					.trigger(TriggerDeclaration.scheduled("nightly-report")
						.function("reports/nightly")
						.cron("0 2 * * *")
						.body(Map.of("format", "pdf"))
						.enabled(false)
						.build())
					.trigger(
							TriggerDeclaration.scheduled("weekly").function("reports/weekly").cron("0 3 * * 1").build())
					.build());
				assertThat(admin.getDeclarations().get(0).triggers().get(1).enabled()).isNull();
				verifyNoInteractions(this.functions);
			});
	}

	@Test
	void shouldCollectDeclarationBeansWithTheProperties() {
		given(this.functions.listNamespaces()).willReturn(Flux.empty());
		this.contextRunner.withUserConfiguration(DeclarationsConfiguration.class)
			.withPropertyValues("do.functions.provisioning.mode=none",
					"do.functions.provisioning.namespaces.jobs.region=ams3")
			.run((context) -> assertThat(context.getBean(FunctionsAdmin.class).getDeclarations())
				.extracting(NamespaceDeclaration::label)
				.containsExactly("jobs", "reports"));
	}

	@Test
	void shouldNotCallDigitalOceanWhenNothingIsDeclared() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(FunctionsAdmin.class);
			verifyNoInteractions(this.functions);
		});
	}

	@Test
	void shouldNotCallDigitalOceanInModeNone() {
		this.contextRunner.withUserConfiguration(DeclarationsConfiguration.class)
			.withPropertyValues("do.functions.provisioning.mode=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				verifyNoInteractions(this.functions);
			});
	}

	@Test
	void shouldBackOffWithoutAClient() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FunctionsProvisioningAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(FunctionsAdmin.class));
	}

	@Test
	void shouldBackOffWhenTheUserDefinesAnAdmin() {
		FunctionsAdmin own = new FunctionsAdmin(this.functions, List.of());
		this.contextRunner.withBean(FunctionsAdmin.class, () -> own)
			.run((context) -> assertThat(context).getBean(FunctionsAdmin.class).isSameAs(own));
	}

	@Test
	void anInvalidCronIsRefusedAtBindingNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("do.functions.provisioning.namespaces.reports.region=nyc1",
					"do.functions.provisioning.namespaces.reports.triggers.nightly-report.function=reports/nightly",
					"do.functions.provisioning.namespaces.reports.triggers.nightly-report.cron=0 2 * *")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("do.functions.provisioning.namespaces.reports.triggers.nightly-report.cron")
					.hasMessageContaining("is not a valid five-field cron expression");
				verifyNoInteractions(this.functions);
			});
	}

	@Test
	void aCronThatNeverFiresIsRefused() {
		this.contextRunner
			.withPropertyValues("do.functions.provisioning.namespaces.reports.triggers.leap.function=reports/leap",
					"do.functions.provisioning.namespaces.reports.triggers.leap.cron=0 0 31 2 *")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("do.functions.provisioning.namespaces.reports.triggers.leap.cron")
				.hasMessageContaining("never fires"));
	}

	@Test
	void moreTriggersThanTheLimitAreRefusedAtBinding() {
		this.contextRunner
			.withPropertyValues("do.functions.provisioning.trigger-limit=1",
					"do.functions.provisioning.namespaces.reports.triggers.a.function=reports/a",
					"do.functions.provisioning.namespaces.reports.triggers.a.cron=0 1 * * *",
					"do.functions.provisioning.namespaces.reports.triggers.b.function=reports/b",
					"do.functions.provisioning.namespaces.reports.triggers.b.cron=0 2 * * *")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("do.functions.provisioning.namespaces.reports.triggers")
				.hasMessageContaining("declares 2 triggers, more than the 1 DigitalOcean allows"));
	}

	@Test
	void aMissingFunctionAndABadTriggerLimitAreRefusedAtBinding() {
		this.contextRunner
			.withPropertyValues("do.functions.provisioning.trigger-limit=0",
					"do.functions.provisioning.namespaces.reports.triggers.a.cron=0 1 * * *")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("do.functions.provisioning.trigger-limit")
				.hasMessageContaining("do.functions.provisioning.namespaces.reports.triggers.a.function"));
	}

	@Test
	void beanDeclarationsBeyondTheLimitAreRefusedBeforeAnyWriteNamingTheBean() {
		given(this.functions.listNamespaces()).willReturn(Flux.empty());
		this.contextRunner.withUserConfiguration(DeclarationsConfiguration.class)
			.withPropertyValues("do.functions.provisioning.trigger-limit=1")
			.run((context) -> {
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(ProvisioningException.class)
					.hasMessageContaining("bean 'reports' (triggers) declares 2 triggers, more than the 1");
				then(this.functions).should(never()).createNamespace(any());
			});
	}

	@Test
	void aLabelDeclaredTwiceIsRefusedNamingBoth() {
		given(this.functions.listNamespaces()).willReturn(Flux.empty());
		this.contextRunner.withUserConfiguration(DeclarationsConfiguration.class)
			.withPropertyValues("do.functions.provisioning.namespaces.reports.region=nyc1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("bean 'reports': namespace 'reports' is declared twice, also by "
						+ "do.functions.provisioning.namespaces.reports"));
	}

	@Test
	void aNamespaceInAnotherRegionIsAConflictThatWritesNothing() {
		given(this.functions.listNamespaces())
			.willReturn(Flux.just(new Namespace(null, "fn-1", null, null, "reports", "sfo3", null, null)));
		given(this.functions.listTriggers("fn-1")).willReturn(Flux.just(new Trigger("fn-1", "nightly-report",
				"reports/nightly", Trigger.SCHEDULED, true, null, null, ScheduledDetails.of("0 2 * * *"), null)));
		this.contextRunner.withUserConfiguration(DeclarationsConfiguration.class).run((context) -> {
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("bean 'reports' (region): namespace 'reports' exists (fn-1) in region sfo3, "
						+ "declared nyc1: a namespace cannot move to another region");
			then(this.functions).should(never()).createTrigger(any(), any());
		});
	}

	@Test
	void aDeclarationWithABlankNameIsRefusedByItsBuilder() {
		assertThatException()
			.isThrownBy(() -> TriggerDeclaration.scheduled(" ").function("reports/a").cron("0 1 * * *").build())
			.isInstanceOf(IllegalArgumentException.class)
			.withMessage("trigger ' ': name must not be null or blank");
		assertThatException().isThrownBy(() -> NamespaceDeclaration.label("").build())
			.withMessage("namespace '': label must not be null or blank");
		assertThatException()
			.isThrownBy(() -> TriggerDeclaration.scheduled("a").function("reports/a").cron("61 * * * *").build())
			.withMessageStartingWith("trigger 'a': cron '61 * * * *' is not a valid five-field cron expression");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void anInvalidPropertyIsAFailureAnalysisNamingIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("do.functions.token=dop_v1_test",
				"do.functions.provisioning.namespaces.reports.region=nyc1",
				"do.functions.provisioning.namespaces.reports.triggers.nightly-report.function=reports/nightly",
				"do.functions.provisioning.namespaces.reports.triggers.nightly-report.cron=every night"));

		assertThat(output)
			.contains("APPLICATION FAILED TO START",
					"do.functions.provisioning.namespaces.reports.triggers.nightly-report.cron",
					"is not a valid five-field cron expression", "Action:")
			.doesNotContain("Caused by", "\tat ");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void refusedBeanDeclarationsAreAFailureAnalysis(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(Application.class,
				DeclarationsConfiguration.class, MockClientConfiguration.class)
			.web(WebApplicationType.NONE)
			.properties("do.functions.provisioning.trigger-limit=1")
			.run()
			.close());

		assertThat(output)
			.contains("APPLICATION FAILED TO START", "were refused before anything was written",
					"bean 'reports' (triggers) declares 2 triggers", "Action:",
					"Correct the declarations (do.functions.provisioning.* or the NamespaceDeclaration beans)")
			.doesNotContain("Caused by", "\tat ");
	}

	private void start(String... properties) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run()) {
			// Started: the test fails on its assertion.
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, FunctionsAutoConfiguration.class,
			FunctionsProvisioningAutoConfiguration.class })
	static class Application {

	}

	@Configuration(proxyBeanMethods = false)
	static class MockClientConfiguration {

		@Bean
		FunctionsOperations functionsOperations() {
			FunctionsOperations functions = mock(FunctionsOperations.class);
			given(functions.listNamespaces()).willReturn(Flux.empty());
			return functions;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DeclarationsConfiguration {

		@Bean
		NamespaceDeclaration reports() {
			return NamespaceDeclaration.label("reports")
				.region("nyc1")
				.trigger(TriggerDeclaration.scheduled("nightly-report")
					.function("reports/nightly")
					.cron("0 2 * * *")
					.build())
				.trigger(TriggerDeclaration.scheduled("weekly").function("reports/weekly").cron("0 3 * * 1").build())
				.build();
		}

	}

}
