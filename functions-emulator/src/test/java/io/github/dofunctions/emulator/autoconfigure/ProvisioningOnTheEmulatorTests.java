package io.github.dofunctions.emulator.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.dofunctions.autoconfigure.FunctionsAutoConfiguration;
import io.github.dofunctions.autoconfigure.provisioning.FunctionsAdmin;
import io.github.dofunctions.autoconfigure.provisioning.FunctionsProvisioningAutoConfiguration;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningException;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningPlan;
import io.github.dofunctions.client.BlockingFunctionsTemplate;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.emulator.EmulatedNamespace;
import io.github.dofunctions.emulator.EmulatedTrigger;
import io.github.dofunctions.emulator.Fault;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
import io.github.dofunctions.emulator.RecordedRequest;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FunctionsAdmin} starting real application contexts against the emulator: what it
 * sends, read from the emulator's journal, and what the emulator holds afterwards.
 */
class ProvisioningOnTheEmulatorTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = new FunctionsEmulatorExtension();

	private static final String NIGHTLY = "do.functions.provisioning.namespaces.reports.triggers.nightly-report.";

	private static final String WEEKLY = "do.functions.provisioning.namespaces.reports.triggers.weekly-report.";

	private ApplicationContextRunner application() {
		FunctionsEmulator functions = emulator.get();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, FunctionsAutoConfiguration.class,
					FunctionsProvisioningAutoConfiguration.class))
			.withPropertyValues("do.functions.base-url=" + functions.baseUrl(),
					"do.functions.token=" + functions.token(),
					"do.functions.provisioning.namespaces.reports.region=nyc1", NIGHTLY + "function=reports/nightly",
					NIGHTLY + "cron=0 2 * * *", NIGHTLY + "body.format=pdf", WEEKLY + "function=reports/weekly",
					WEEKLY + "cron=0 3 * * 1");
	}

	private BlockingFunctionsTemplate client() {
		return new BlockingFunctionsTemplate(FunctionsTemplate.builder()
			.baseUrl(emulator.get().baseUrl())
			.token(emulator.get().token())
			.resilience(FunctionsResilience.none())
			.build());
	}

	private static List<String> writes() {
		return emulator.get()
			.journal()
			.requests()
			.stream()
			.filter((request) -> !"GET".equals(request.method()))
			.map((request) -> request.method() + " " + request.path() + " " + request.status())
			.toList();
	}

	private static List<EmulatedTrigger> triggersOf(String label) {
		EmulatedNamespace namespace = emulator.get()
			.state()
			.namespaces()
			.stream()
			.filter((candidate) -> candidate.label().equals(label))
			.findFirst()
			.orElseThrow();
		return emulator.get().state().triggers(namespace.id());
	}

	private static ProvisioningException provisioningFailure(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof ProvisioningException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a ProvisioningException in %s", failure).isNotNull();
		return (ProvisioningException) cause;
	}

	@Test
	void theFirstStartCreatesTheNamespaceAndItsTriggers() {
		application().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(emulator.get().journal().count(Operation.CREATE_NAMESPACE)).isOne();
			assertThat(emulator.get().journal().count(Operation.CREATE_TRIGGER)).isEqualTo(2);
			assertThat(writes()).hasSize(3);
			assertThat(triggersOf("reports"))
				.extracting(EmulatedTrigger::name, EmulatedTrigger::function, EmulatedTrigger::cron,
						EmulatedTrigger::enabled)
				.containsExactlyInAnyOrder(
						org.assertj.core.groups.Tuple.tuple("nightly-report", "reports/nightly", "0 2 * * *", true),
						org.assertj.core.groups.Tuple.tuple("weekly-report", "reports/weekly", "0 3 * * 1", true));
			assertThat(triggersOf("reports")).filteredOn((trigger) -> trigger.name().equals("nightly-report"))
				.singleElement()
				.satisfies((trigger) -> assertThat(trigger.body()).contains("\"format\"").contains("\"pdf\""));
		});
	}

	@Test
	void aSecondStartWithAChangedCronSendsOneUpdateAndNoOtherWrite() {
		application().run((context) -> assertThat(context).hasNotFailed());
		emulator.get().journal().clear();

		application().withPropertyValues(NIGHTLY + "cron=0 4 * * *").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(writes()).singleElement().asString().startsWith("PUT ").endsWith("/triggers/nightly-report 200");
			assertThat(emulator.get().journal().count(Operation.UPDATE_TRIGGER)).isOne();
			ProvisioningPlan plan = context.getBean(FunctionsAdmin.class).plan();
			assertThat(plan.differences()).isEmpty();
		});
		assertThat(triggersOf("reports")).filteredOn((trigger) -> trigger.name().equals("nightly-report"))
			.singleElement()
			.satisfies((trigger) -> assertThat(trigger.cron()).isEqualTo("0 4 * * *"));
	}

	@Test
	void aSecondStartWithNothingChangedWritesNothing() {
		application().run((context) -> assertThat(context).hasNotFailed());
		emulator.get().journal().clear();

		application().run((context) -> assertThat(context).hasNotFailed());

		assertThat(writes()).isEmpty();
	}

	@Test
	void aPausedTriggerStaysPausedUnlessItsDeclarationSaysEnabled() {
		application().run((context) -> assertThat(context).hasNotFailed());
		Namespace namespace = client().listNamespaces().get(0);
		client().updateTrigger(namespace.id(), "weekly-report", UpdateTriggerRequest.enabled(false));
		emulator.get().journal().clear();

		application().run((context) -> assertThat(context).hasNotFailed());
		assertThat(writes()).isEmpty();

		application().withPropertyValues(WEEKLY + "enabled=true").run((context) -> assertThat(context).hasNotFailed());
		assertThat(writes()).singleElement().asString().endsWith("/triggers/weekly-report 200");
		assertThat(emulator.get().journal().requests(Operation.UPDATE_TRIGGER)).singleElement()
			.extracting(RecordedRequest::body)
			.asString()
			.contains("\"is_enabled\":true")
			.doesNotContain("scheduled_details");
	}

	@Test
	void aTriggerRunningAnotherFunctionIsDeletedAndCreatedAgain() {
		application().run((context) -> assertThat(context).hasNotFailed());
		emulator.get().journal().clear();

		application().withPropertyValues(WEEKLY + "function=reports/weekly-v2")
			.run((context) -> assertThat(context).hasNotFailed());

		assertThat(writes()).hasSize(2);
		assertThat(emulator.get().journal().count(Operation.DELETE_TRIGGER)).isOne();
		assertThat(emulator.get().journal().count(Operation.CREATE_TRIGGER)).isOne();
		assertThat(triggersOf("reports")).extracting(EmulatedTrigger::function)
			.containsExactlyInAnyOrder("reports/nightly", "reports/weekly-v2");
	}

	@Test
	void validateWritesNothingAndFailsListingEveryDifference() {
		application().withPropertyValues("do.functions.provisioning.mode=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ProvisioningException.class)
				.hasMessageContaining("create namespace 'reports': missing");
		});
		assertThat(writes()).isEmpty();
		application().run((context) -> assertThat(context).hasNotFailed());
		emulator.get().journal().clear();

		application()
			.withPropertyValues("do.functions.provisioning.mode=validate", NIGHTLY + "cron=0 5 * * *",
					NIGHTLY + "body.format=csv", WEEKLY + "function=reports/weekly-v2")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(ProvisioningException.class)
					.hasMessageContaining("mode is validate, so nothing was written")
					.hasMessageContaining(
							"update trigger 'nightly-report' of namespace 'reports': cron is '0 2 * * *', "
									+ "declared '0 5 * * *'; body differs from the declared one (declared keys [format])")
					.hasMessageContaining("recreate trigger 'weekly-report' of namespace 'reports': runs "
							+ "reports/weekly, declared reports/weekly-v2")
					.satisfies((ex) -> assertThat(((ProvisioningException) ex).getDetails()).hasSize(2));
			});
		assertThat(writes()).isEmpty();
	}

	@Test
	void pruneDeletesOnlyTheUndeclaredTriggersOfDeclaredNamespaces() {
		BlockingFunctionsTemplate client = client();
		Namespace reports = client.createNamespace(new CreateNamespaceRequest("nyc1", "reports"));
		client.createTrigger(reports.id(), CreateTriggerRequest.scheduled("nightly-report", "reports/nightly",
				"0 2 * * *", java.util.Map.of("format", "pdf")));
		client.createTrigger(reports.id(), CreateTriggerRequest.scheduled("legacy", "reports/legacy", "0 1 * * *"));
		Namespace other = client.createNamespace(new CreateNamespaceRequest("nyc1", "other"));
		client.createTrigger(other.id(), CreateTriggerRequest.scheduled("cleanup", "other/cleanup", "0 0 * * *"));

		emulator.get().journal().clear();

		application().withPropertyValues("do.functions.provisioning.trigger-limit=2")
			.run((context) -> assertThat(provisioningFailure(context.getStartupFailure()))
				.hasMessageContaining("namespace 'reports' would hold 3 triggers (2 declared, 1 not declared and kept "
						+ "since prune is off), more than the 2"));
		assertThat(writes()).isEmpty();
		application().run((context) -> assertThat(context).hasNotFailed());
		assertThat(writes()).singleElement().asString().startsWith("POST ");
		emulator.get().journal().clear();

		application().withPropertyValues("do.functions.provisioning.prune=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(writes())
				.containsExactly("DELETE /v2/functions/namespaces/" + reports.id() + "/triggers/legacy 204");
		});
		assertThat(triggersOf("reports")).extracting(EmulatedTrigger::name)
			.containsExactlyInAnyOrder("nightly-report", "weekly-report");
		assertThat(triggersOf("other")).extracting(EmulatedTrigger::name).containsExactly("cleanup");
	}

	@Test
	void aNamespaceCreatedByAnotherInstanceMeanwhileIsTakenOver() {
		AtomicBoolean raced = new AtomicBoolean();
		emulator.get().addExchangeListener((exchange) -> {
			if (exchange.request().operation() == Operation.LIST_NAMESPACES && raced.compareAndSet(false, true)) {
				// Another instance creates it right after this one found it missing.
				emulator.get().state().addNamespace("nyc1", "reports");
			}
		});

		application().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(emulator.get().journal().requests(Operation.CREATE_NAMESPACE)).singleElement()
				.extracting(RecordedRequest::status)
				.isNotEqualTo(200)
				.isNotEqualTo(201);
		});

		assertThat(emulator.get().state().namespaces()).hasSize(1);
		assertThat(triggersOf("reports")).extracting(EmulatedTrigger::name)
			.containsExactlyInAnyOrder("nightly-report", "weekly-report");
	}

	@Test
	void twoApplicationsStartingAtOnceMakeOneNamespaceAndOneSetOfTriggers() throws Exception {
		CyclicBarrier together = new CyclicBarrier(2);
		List<CompletableFuture<Boolean>> starts = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			starts.add(CompletableFuture.supplyAsync(() -> {
				AtomicBoolean started = new AtomicBoolean();
				application().withInitializer((context) -> {
					try {
						together.await(30, TimeUnit.SECONDS);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}).run((context) -> started.set(context.getStartupFailure() == null));
				return started.get();
			}));
		}

		for (CompletableFuture<Boolean> start : starts) {
			assertThat(start.get(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(emulator.get().state().namespaces()).extracting(EmulatedNamespace::label).containsExactly("reports");
		assertThat(triggersOf("reports")).extracting(EmulatedTrigger::name)
			.containsExactlyInAnyOrder("nightly-report", "weekly-report");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void oneInfoBlockSaysWhatWasDoneAndWhy(CapturedOutput output) {
		Logger logger = (Logger) LoggerFactory.getLogger(FunctionsAdmin.class);
		Level level = logger.getLevel();
		logger.setLevel(Level.INFO);
		try {
			application().run((context) -> assertThat(context).hasNotFailed());
			application().withPropertyValues(NIGHTLY + "cron=0 4 * * *")
				.run((context) -> assertThat(context).hasNotFailed());
		}
		finally {
			logger.setLevel(level);
		}

		assertThat(output).contains(
				"Provisioned the declared DigitalOcean Functions resources (mode create, prune off): 3 created",
				"created namespace 'reports': missing; created in nyc1 as fn-",
				"created trigger 'nightly-report' of namespace 'reports': missing; runs reports/nightly at '0 2 * * *'",
				"Provisioned the declared DigitalOcean Functions resources (mode create, prune off): 2 unchanged, "
						+ "1 updated",
				"updated trigger 'nightly-report' of namespace 'reports': cron is '0 2 * * *', declared '0 4 * * *'",
				"unchanged trigger 'weekly-report' of namespace 'reports': as declared");
		assertThat(output).doesNotContain(emulator.get().token(), "pdf");
	}

	@Test
	void aFailedCallFailsStartUpNamingTheResourceAndDigitalOceansError() {
		emulator.get().faults().on(Operation.CREATE_TRIGGER).inject(Fault.status(403));

		application().run((context) -> assertThat(provisioningFailure(context.getStartupFailure()))
			.hasMessageContaining("Could not create trigger 'nightly-report' of namespace 'reports'")
			.hasMessageContaining("createTrigger failed: 403 forbidden: fault injected by the emulator"));
	}

	@Test
	void aFailedCallIsLoggedAndStartUpGoesOnWhenFailOnErrorIsFalse() {
		emulator.get().faults().on(Operation.CREATE_TRIGGER).inject(Fault.status(403));

		application().withPropertyValues("do.functions.provisioning.fail-on-error=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
