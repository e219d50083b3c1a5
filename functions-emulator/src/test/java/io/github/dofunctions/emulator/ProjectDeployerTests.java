package io.github.dofunctions.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.PackageDefinition;
import io.github.dofunctions.client.model.WebExport;
import io.github.dofunctions.client.project.ApplyReport;
import io.github.dofunctions.client.project.PlannedChange;
import io.github.dofunctions.client.project.PlannedChange.Action;
import io.github.dofunctions.client.project.PlannedChange.Kind;
import io.github.dofunctions.client.project.Project;
import io.github.dofunctions.client.project.ProjectDeployer;
import io.github.dofunctions.client.project.ProjectFunction;
import io.github.dofunctions.client.project.ProjectPackage;
import io.github.dofunctions.client.project.ProjectPlan;
import io.github.dofunctions.client.project.ProjectReader;
import io.github.dofunctions.client.project.ProjectTrigger;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A doctl project planned and applied against the emulator: what the plan says, what the
 * apply writes (counted in the emulator's journal), and what is left alone.
 */
class ProjectDeployerTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = new FunctionsEmulatorExtension();

	private static final List<Operation> WRITES = List.of(Operation.DEPLOY_FUNCTION, Operation.DEPLOY_PACKAGE,
			Operation.DELETE_FUNCTION, Operation.DELETE_PACKAGE, Operation.CREATE_TRIGGER, Operation.UPDATE_TRIGGER,
			Operation.DELETE_TRIGGER);

	private FunctionsTemplate template;

	private String namespaceId;

	private ProjectDeployer deployer;

	@BeforeEach
	void createANamespace() {
		this.template = EmulatorClients.withoutResilience(emulator.get());
		this.namespaceId = this.template.createNamespace(new CreateNamespaceRequest("nyc1", "project")).block().id();
		this.deployer = new ProjectDeployer(this.template, this.namespaceId);
	}

	static Project project(ProjectPackage... packages) {
		return new Project(Path.of("functions"), List.of(packages));
	}

	static ProjectPackage reports(ProjectFunction... functions) {
		return new ProjectPackage("reports", Map.of("region", "eu"), Map.of(), Map.of(), List.of(functions));
	}

	static ProjectFunction nightly(String code, ProjectTrigger... triggers) {
		return new ProjectFunction(FunctionDefinition.builder("reports/nightly")
			.runtime("nodejs:18")
			.code(code)
			.environment("DB_PASSWORD", "s3cret-db-password")
			.build(), true, List.of(triggers));
	}

	static ProjectTrigger at2am() {
		return new ProjectTrigger("nightly-report", "reports/nightly", "0 2 * * *", Map.of("format", "pdf"), true);
	}

	private long writes() {
		return WRITES.stream().mapToLong((operation) -> emulator.get().journal().count(operation)).sum();
	}

	@Test
	void aFirstApplyCreatesEverythingAndASecondPlanHasNothingToDo() {
		Project project = project(reports(nightly("function main() { return { ok: true }; }", at2am())));

		ProjectPlan first = this.deployer.plan(project, ProjectDeployer.Options.defaults());
		ApplyReport applied = this.deployer.apply(first);
		long afterFirst = writes();
		ProjectPlan second = this.deployer.plan(project, ProjectDeployer.Options.defaults());
		ApplyReport nothing = this.deployer.apply(second);

		assertThat(first.changes()).extracting(PlannedChange::kind, PlannedChange::name, PlannedChange::action)
			.containsExactly(tuple(Kind.PACKAGE, "reports", Action.CREATE),
					tuple(Kind.FUNCTION, "reports/nightly", Action.CREATE),
					tuple(Kind.TRIGGER, "nightly-report", Action.CREATE));
		assertThat(applied.succeeded()).isTrue();
		assertThat(applied.done()).hasSize(3);
		assertThat(afterFirst).isEqualTo(3);
		assertThat(second.hasChanges()).isFalse();
		assertThat(second.changes()).extracting(PlannedChange::action).containsOnly(Action.UNCHANGED);
		assertThat(nothing.done()).isEmpty();
		assertThat(writes()).isEqualTo(afterFirst);
		assertThat(this.template.invoker(this.namespaceId).invoke("reports/nightly", Map.of()).block())
			.containsEntry("ok", true);
		assertThat(this.template.getTrigger(this.namespaceId, "nightly-report").block().scheduledDetails().body())
			.containsEntry("format", "pdf");
	}

	@Test
	void aChangedFunctionAndTriggerAreUpdatedSayingWhatDiffers() {
		this.deployer.apply(this.deployer.plan(project(reports(nightly("function main() { return {}; }", at2am()))),
				ProjectDeployer.Options.defaults()));
		Project changed = project(new ProjectPackage("reports", Map.of("region", "us"), Map.of(), Map.of(),
				List.of(new ProjectFunction(
						FunctionDefinition.builder("reports/nightly")
							.runtime("nodejs:22")
							.code("function main() { return { v: 2 }; }")
							.environment("DB_PASSWORD", "s3cret-db-password")
							.parameter("format", "csv")
							.build(),
						true, List.of(new ProjectTrigger("nightly-report", "reports/nightly", "0 3 * * *",
								Map.of("format", "pdf"), false))))));

		ProjectPlan plan = this.deployer.plan(changed, ProjectDeployer.Options.defaults());
		this.deployer.apply(plan);

		assertThat(plan.changes()).extracting(PlannedChange::name, PlannedChange::action)
			.containsExactly(tuple("reports", Action.UPDATE), tuple("reports/nightly", Action.UPDATE),
					tuple("nightly-report", Action.UPDATE));
		assertThat(plan.changes().get(0).differences()).containsExactly("parameters ~region");
		assertThat(plan.changes().get(1).differences()).anyMatch((line) -> line.startsWith("code (digest "))
			.contains("runtime nodejs:18 -> nodejs:22", "parameters +format");
		assertThat(plan.changes().get(2).differences()).containsExactly("cron '0 2 * * *' -> '0 3 * * *'", "disabled");
		assertThat(this.template.invoker(this.namespaceId).invoke("reports/nightly", Map.of()).block())
			.containsEntry("v", 2);
		assertThat(this.template.getTrigger(this.namespaceId, "nightly-report").block().isEnabled()).isFalse();
		assertThat(this.deployer.plan(changed, ProjectDeployer.Options.defaults()).hasChanges()).isFalse();
	}

	@Test
	void environmentSetOutsideTheProjectIsKeptUnlessReplaced() {
		this.template.deployer(this.namespaceId).deployPackage(PackageDefinition.builder("reports").build()).block();
		this.template.deployer(this.namespaceId)
			.deploy(FunctionDefinition.builder("reports/nightly")
				.runtime("nodejs:18")
				.code("x")
				.environment("SET_IN_THE_CONTROL_PANEL", "console-value")
				.build())
			.block();
		Project project = project(reports(
				nightly("function main() { return { console: process.env.SET_IN_THE_CONTROL_PANEL || null }; }")));

		ProjectPlan kept = this.deployer.plan(project, ProjectDeployer.Options.defaults());
		this.deployer.apply(kept);
		Map<String, Object> afterKeeping = this.template.invoker(this.namespaceId)
			.invoke("reports/nightly", Map.of())
			.block();
		ProjectPlan replaced = this.deployer.plan(project,
				ProjectDeployer.Options.defaults().withReplaceEnvironment(true));
		this.deployer.apply(replaced);
		Map<String, Object> afterReplacing = this.template.invoker(this.namespaceId)
			.invoke("reports/nightly", Map.of())
			.block();

		assertThat(kept.changes().get(1).differences())
			.contains("environment SET_IN_THE_CONTROL_PANEL set outside the project: kept");
		assertThat(afterKeeping).containsEntry("console", "console-value");
		assertThat(replaced.changes().get(1).differences())
			.containsExactly("environment SET_IN_THE_CONTROL_PANEL set outside the project: removed");
		assertThat(afterReplacing).containsEntry("console", null);
		assertThat(kept.toTable() + kept + replaced.toTable()).doesNotContain("console-value", "s3cret-db-password");
	}

	@Test
	void pruneDeletesOnlyWhatTheProjectsPackagesNoLongerDeclare() {
		var functions = this.template.deployer(this.namespaceId);
		functions.deployPackage(PackageDefinition.builder("reports").build()).block();
		functions.deployPackage(PackageDefinition.builder("other").build()).block();
		functions.deploy(FunctionDefinition.builder("reports/old").runtime("nodejs:18").code("x").build()).block();
		functions.deploy(FunctionDefinition.builder("other/kept").runtime("nodejs:18").code("x").build()).block();
		functions.deploy(FunctionDefinition.builder("loose").runtime("nodejs:18").code("x").build()).block();
		this.template
			.createTrigger(this.namespaceId, CreateTriggerRequest.scheduled("old-trigger", "reports/old", "0 1 * * *"))
			.block();
		Project project = project(reports(nightly("x")));

		ProjectPlan without = this.deployer.plan(project, ProjectDeployer.Options.defaults());
		ProjectPlan pruning = this.deployer.plan(project, ProjectDeployer.Options.defaults().withPrune(true));
		this.deployer.apply(pruning);

		assertThat(without.changes()).extracting(PlannedChange::action).doesNotContain(Action.DELETE);
		assertThat(pruning.changes()).filteredOn((change) -> change.action() == Action.DELETE)
			.extracting(PlannedChange::kind, PlannedChange::name)
			.containsExactly(tuple(Kind.TRIGGER, "old-trigger"), tuple(Kind.FUNCTION, "reports/old"));
		assertThat(functions.listFunctions().map((function) -> function.name()).collectList().block())
			.containsExactlyInAnyOrder("reports/nightly", "other/kept", "loose");
		assertThat(this.template.listTriggers(this.namespaceId).collectList().block()).isEmpty();
	}

	@Test
	void aFailedApplyStopsSaysWhatIsLeftAndASecondRunFinishes() {
		Project project = project(reports(nightly("function main() { return {}; }", at2am())));
		emulator.get().faults().on(Operation.DEPLOY_FUNCTION).next(1).inject(Fault.status(500));

		ApplyReport failed = this.deployer.apply(this.deployer.plan(project, ProjectDeployer.Options.defaults()));
		ProjectPlan rest = this.deployer.plan(project, ProjectDeployer.Options.defaults());
		ApplyReport finished = this.deployer.apply(rest);

		assertThat(failed.succeeded()).isFalse();
		assertThat(failed.failure()).isInstanceOf(FunctionsServerException.class);
		assertThat(failed.done()).extracting(PlannedChange::name).containsExactly("reports");
		assertThat(failed.left()).extracting(PlannedChange::name).containsExactly("reports/nightly", "nightly-report");
		assertThat(failed.toTable()).contains("Failed: ").contains("Left:");
		assertThat(rest.changes()).extracting(PlannedChange::action)
			.containsExactly(Action.UNCHANGED, Action.CREATE, Action.CREATE);
		assertThat(finished.succeeded()).isTrue();
		assertThat(finished.done()).extracting(PlannedChange::name)
			.containsExactly("reports/nightly", "nightly-report");
	}

	@Test
	void tooManyTriggersAnUnofferedRuntimeOrACronThatNeverFiresAreRefusedBeforeAnyWrite() {
		Project tooMany = project(reports(nightly("x", trigger("a"), trigger("b"), trigger("c"), trigger("d"))));
		Project unoffered = project(new ProjectPackage("reports", Map.of(), Map.of(), Map.of(),
				List.of(new ProjectFunction(
						FunctionDefinition.builder("reports/old").runtime("nodejs:10").code("x").build(), true,
						List.of()))));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.deployer.plan(tooMany, ProjectDeployer.Options.defaults()))
			.withMessage("namespace " + this.namespaceId + " would have 4 scheduled triggers (0 deployed, 4 to create, "
					+ "0 to delete); DigitalOcean allows 3 while scheduled triggers are a preview");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.deployer.plan(unoffered, ProjectDeployer.Options.defaults()))
			.withMessageContaining("does not offer 'nodejs:10'");
		Project neverFires = project(
				reports(nightly("x", new ProjectTrigger("february-30", "reports/nightly", "0 2 30 2 *", null, true))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.deployer.plan(neverFires, ProjectDeployer.Options.defaults()))
			.withMessageContaining("never fires");
		assertThat(writes()).isZero();
	}

	@Test
	void aFunctionWithoutWebInProjectYmlIsShownAsPublic() {
		Project project = project(reports(new ProjectFunction(
				FunctionDefinition.builder("reports/page").runtime("nodejs:18").code("x").web(WebExport.ON).build(),
				false, List.of())));

		ProjectPlan plan = this.deployer.plan(project, ProjectDeployer.Options.defaults());

		assertThat(plan.changes().get(1).differences())
			.contains("web: public (project.yml says no web:, which doctl deploys as a web function)");
		assertThat(plan.toTable()).contains("reports/page")
			.contains("create")
			.contains("web: public")
			.contains("2 to create, 0 to update, 0 to delete, 0 unchanged");
	}

	@Test
	void aProjectFolderIsReadPlannedAndApplied(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("project.yml"), """
				environment:
				  GREETING: ${GREETING}
				packages:
				  - name: sample
				    functions:
				      - name: hello
				        runtime: nodejs:18
				        web: false
				        triggers:
				          - name: hourly-hello
				            sourceType: scheduler
				            sourceDetails:
				              cron: "0 * * * *"
				              withBody:
				                name: scheduler
				""");
		Path sample = Files.createDirectories(folder.resolve("packages/sample"));
		Files.writeString(sample.resolve("hello.js"),
				"function main(args) { return { greeting: process.env.GREETING + ', ' + args.name }; }\n");
		ProjectDeployer.Options options = ProjectDeployer.Options.defaults()
			.withReading(ProjectReader.Options.defaults().withEnvironment(Map.of("GREETING", "Bonjour")));

		ProjectPlan plan = this.deployer.plan(folder, options);
		ApplyReport report = this.deployer.apply(plan);

		assertThat(plan.toTable()).contains("sample/hello").contains("hourly-hello").doesNotContain("Bonjour");
		assertThat(report.succeeded()).isTrue();
		assertThat(this.template.invoker(this.namespaceId).invoke("sample/hello", Map.of("name", "Ada")).block())
			.containsEntry("greeting", "Bonjour, Ada");
		assertThat(this.deployer.plan(folder, options).hasChanges()).isFalse();
	}

	static ProjectTrigger trigger(String name) {
		return new ProjectTrigger(name, "reports/nightly", "0 2 * * *", null, true);
	}

}
