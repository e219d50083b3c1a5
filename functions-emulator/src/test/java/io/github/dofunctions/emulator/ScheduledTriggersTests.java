package io.github.dofunctions.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.model.ActivationQuery;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.ScheduledRuns;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import io.github.dofunctions.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled triggers fire on the emulator's clock: moved by
 * {@link FunctionsEmulator#advanceTime(Duration)} in tests, in real time otherwise. The
 * runs are read as a user reads them: the trigger's {@code scheduled_runs} and the
 * activations, through the client.
 */
class ScheduledTriggersTests {

	static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	static final MutableClock clock = new MutableClock(START);

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = FunctionsEmulatorExtension
		.configured((builder) -> builder.clock(clock));

	private FunctionsTemplate template;

	private String namespaceId;

	@BeforeEach
	void createANamespaceWithAReportFunction() {
		setClock(START);
		emulator.get().reset();
		emulator.get().registerFunction("reports/nightly", (call) -> {
			call.log("rendering as " + call.parameters().get("format"));
			return Map.of("parameters", call.parameters());
		});
		this.template = EmulatorClients.withoutResilience(emulator.get());
		this.namespaceId = this.template.createNamespace(new CreateNamespaceRequest("nyc1", "jobs")).block().id();
	}

	@AfterEach
	void closeTheClient() {
		this.template.close();
	}

	private static void setClock(Instant instant) {
		clock.advance(Duration.between(clock.instant(), instant));
	}

	private void schedule(String name, String function, String cron, Map<String, Object> body) {
		this.template.createTrigger(this.namespaceId, CreateTriggerRequest.scheduled(name, function, cron, body))
			.block();
	}

	private ScheduledRuns runsOf(String trigger) {
		return this.template.getTrigger(this.namespaceId, trigger).block().scheduledRuns();
	}

	private List<EmulatedActivation> activations() {
		return emulator.get().activations(this.namespaceId);
	}

	@Test
	void dailyTriggerFiresOncePerAdvancedDayWithItsBodyAsParameters() {
		schedule("nightly-report", "reports/nightly", "0 2 * * *", Map.of("format", "pdf"));
		assertThat(runsOf("nightly-report")).isEqualTo(new ScheduledRuns(null, Instant.parse("2026-01-01T02:00:00Z")));

		emulator.get().advanceTime(Duration.ofDays(3));

		assertThat(activations()).hasSize(3).allSatisfy((activation) -> {
			assertThat(activation.trigger()).isEqualTo("nightly-report");
			assertThat(activation.function()).isEqualTo("reports/nightly");
			assertThat(activation.subject()).isEqualTo(this.namespaceId);
			assertThat(activation.status()).isEqualTo(EmulatedActivation.SUCCESS);
			assertThat(activation.result()).isEqualTo(Map.of("parameters", Map.of("format", "pdf")));
			assertThat(activation.logs()).singleElement().asString().endsWith("stdout: rendering as pdf");
		});
		assertThat(activations()).extracting(EmulatedActivation::start)
			.containsExactly(Instant.parse("2026-01-01T02:00:00Z"), Instant.parse("2026-01-02T02:00:00Z"),
					Instant.parse("2026-01-03T02:00:00Z"));
		assertThat(runsOf("nightly-report"))
			.isEqualTo(new ScheduledRuns(Instant.parse("2026-01-03T02:00:00Z"), Instant.parse("2026-01-04T02:00:00Z")));
		assertThat(emulator.get().state().triggers(this.namespaceId).get(0).updatedAt()).as("a run is no change")
			.isEqualTo(START);
	}

	@Test
	void runsAreActivationsTheClientLists() {
		schedule("nightly-report", "reports/nightly", "0 2 * * *", Map.of("format", "csv"));

		emulator.get().advanceTime(Duration.ofDays(2));

		List<Activation> listed = this.template.invoker(this.namespaceId)
			.listActivations(ActivationQuery.all())
			.collectList()
			.block();
		assertThat(listed).extracting(Activation::activationId)
			.containsExactlyInAnyOrderElementsOf(activations().stream().map(EmulatedActivation::activationId).toList());
	}

	@Test
	void disabledTriggerDoesNotFireUntilItIsEnabledAgain() {
		schedule("nightly-report", "reports/nightly", "0 2 * * *", Map.of("format", "pdf"));
		this.template.updateTrigger(this.namespaceId, "nightly-report", UpdateTriggerRequest.enabled(false)).block();

		emulator.get().advanceTime(Duration.ofDays(2));

		assertThat(activations()).isEmpty();
		assertThat(runsOf("nightly-report")).isEqualTo(new ScheduledRuns(null, null));

		this.template.updateTrigger(this.namespaceId, "nightly-report", UpdateTriggerRequest.enabled(true)).block();
		emulator.get().advanceTime(Duration.ofDays(1));

		assertThat(activations()).extracting(EmulatedActivation::start)
			.containsExactly(Instant.parse("2026-01-03T02:00:00Z"));
	}

	@Test
	void runsOfSeveralTriggersFireInTheOrderTheyFallDue() {
		emulator.get().registerFunction("maintenance/cleanup", (call) -> Map.of("removed", 0));
		schedule("hourly-cleanup", "maintenance/cleanup", "0 * * * *", Map.of());
		schedule("half-hourly-report", "reports/nightly", "*/30 * * * *", Map.of("format", "csv"));

		emulator.get().advanceTime(Duration.ofMinutes(90));

		assertThat(activations()).extracting(EmulatedActivation::start, EmulatedActivation::trigger)
			.containsExactly(tuple(Instant.parse("2026-01-01T00:30:00Z"), "half-hourly-report"),
					tuple(Instant.parse("2026-01-01T01:00:00Z"), "hourly-cleanup"),
					tuple(Instant.parse("2026-01-01T01:00:00Z"), "half-hourly-report"),
					tuple(Instant.parse("2026-01-01T01:30:00Z"), "half-hourly-report"));
	}

	@Test
	void cronAtADayMissingFromSomeMonthsSkipsThoseMonths() {
		schedule("month-end", "reports/nightly", "0 0 31 * *", Map.of("format", "pdf"));

		emulator.get().advanceTime(Duration.ofDays(120));

		assertThat(activations()).extracting(EmulatedActivation::start)
			.containsExactly(Instant.parse("2026-01-31T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"));
		assertThat(runsOf("month-end").nextRunAt()).isEqualTo(Instant.parse("2026-05-31T00:00:00Z"));
	}

	@Test
	void runOfAFunctionThatDoesNotExistIsRecordedAsFailed() {
		schedule("orphan", "reports/missing", "0 2 * * *", Map.of());

		emulator.get().advanceTime(Duration.ofDays(1));

		assertThat(activations()).singleElement().satisfies((activation) -> {
			assertThat(activation.function()).isEqualTo("reports/missing");
			assertThat(activation.status()).isEqualTo(EmulatedActivation.APPLICATION_ERROR);
			assertThat(activation.result()).isEqualTo(Map.of("error", "The requested resource does not exist."));
		});
		assertThat(runsOf("orphan").lastRunAt()).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
	}

	@Test
	void advanceThatWouldFireTooManyRunsIsRefusedAndMovesNothing() {
		schedule("every-minute", "reports/nightly", "* * * * *", Map.of());

		assertThatIllegalArgumentException().isThrownBy(() -> emulator.get().advanceTime(Duration.ofDays(365)))
			.withMessageContaining("would fire more than 1000 scheduled runs")
			.withMessageContaining("the clock was not moved");

		assertThat(activations()).isEmpty();
		assertThat(runsOf("every-minute").nextRunAt()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
		emulator.get().advanceTime(Duration.ofMinutes(3));
		assertThat(activations()).hasSize(3);
	}

	@Test
	void resetSetsTheClockBack() {
		emulator.get().advanceTime(Duration.ofDays(10));
		assertThat(emulator.get().state().addNamespace("nyc1", "later").createdAt())
			.isEqualTo(START.plus(Duration.ofDays(10)));

		emulator.get().reset();

		assertThat(emulator.get().state().addNamespace("nyc1", "again").createdAt()).isEqualTo(START);
	}

	@Test
	void triggersFireByThemselvesAsTheClockPassesTheirTime() {
		schedule("nightly-report", "reports/nightly", "0 2 * * *", Map.of("format", "pdf"));

		setClock(Instant.parse("2026-01-01T02:00:30Z"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(activations()).hasSize(1));
		assertThat(activations().get(0).trigger()).isEqualTo("nightly-report");
		assertThat(runsOf("nightly-report"))
			.isEqualTo(new ScheduledRuns(Instant.parse("2026-01-01T02:00:00Z"), Instant.parse("2026-01-02T02:00:00Z")));
	}

	@Test
	void negativeDurationIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> emulator.get().advanceTime(Duration.ofMinutes(-1)))
			.withMessage("The time to advance must not be negative, but was PT-1M");
	}

}
