package io.github.dofunctions.autoconfigure.provisioning;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.dofunctions.autoconfigure.provisioning.ProvisioningPlan.Action;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningPlan.Change;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.project.ApplyReport;
import io.github.dofunctions.client.project.PlannedChange;
import io.github.dofunctions.client.project.ProjectDeployer;
import io.github.dofunctions.client.project.ProjectException;
import io.github.dofunctions.client.project.ProjectPlan;
import io.github.dofunctions.client.project.ProjectReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * The doctl projects declared for namespaces ({@link NamespaceDeclaration#functions()}),
 * read, planned and deployed with the client's {@link ProjectDeployer}. Projects are not
 * built at start-up (no {@code npm install}, no {@code build.sh}): a project that needs a
 * build is built before the application is packaged.
 */
final class DeclaredFunctions {

	private static final Log logger = LogFactory.getLog(DeclaredFunctions.class);

	private final FunctionsOperations functions;

	private volatile ResourceLoader resourceLoader = new DefaultResourceLoader();

	/**
	 * The comparisons the latest plan made, by namespace id, for the deploy that follows
	 * it in the same provisioning: the project is read and compared once.
	 */
	private final Map<String, ProjectPlan> planned = new ConcurrentHashMap<>();

	DeclaredFunctions(FunctionsOperations functions) {
		this.functions = functions;
	}

	void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Forget the plans kept for {@link #deploy}: each provisioning plans afresh.
	 */
	void forget() {
		this.planned.clear();
	}

	/**
	 * Read a declaration's project once, and, for a namespace that exists, compare it
	 * with what the namespace holds, writing nothing; the comparison is kept for the
	 * {@link #deploy} that follows it.
	 * @param namespaceId the namespace, or {@code null} if it is still to be created
	 * @return the change, or the problem, naming where the project was declared, that
	 * keeps it from being deployed
	 */
	Planned plan(NamespaceDeclaration declaration, @Nullable String namespaceId) {
		String location = Objects.requireNonNull(declaration.functions());
		try (ProjectFolder folder = ProjectFolder.open(this.resourceLoader, location)) {
			if (namespaceId == null) {
				ProjectReader.read(folder.path(), reading());
				return new Planned(new Change(declaration.label(), null, Action.CREATE,
						List.of("its functions from " + location + ", once it is created")), null);
			}
			ProjectPlan plan = new ProjectDeployer(this.functions, namespaceId).plan(folder.path(), options());
			this.planned.put(namespaceId, plan);
			return new Planned(change(declaration, location, plan.changes(), false), null);
		}
		catch (IOException | ProjectException ex) {
			return new Planned(null, declaration.where("functions") + ": the project at " + location
					+ " cannot be deployed: " + ex.getMessage());
		}
	}

	/**
	 * Deploy what differs of a declaration's project, on a thread that may block: the
	 * differences {@link #plan} found, or, for a namespace created since, the project.
	 * @return what was done; an error naming the first change that failed
	 */
	Mono<Change> deploy(NamespaceDeclaration declaration, String namespaceId) {
		return Mono.fromCallable(() -> deployNow(declaration, namespaceId)).subscribeOn(Schedulers.boundedElastic());
	}

	private Change deployNow(NamespaceDeclaration declaration, String namespaceId) throws IOException {
		String location = Objects.requireNonNull(declaration.functions());
		ProjectDeployer deployer = new ProjectDeployer(this.functions, namespaceId);
		ProjectPlan plan = this.planned.remove(namespaceId);
		if (plan == null) {
			try (ProjectFolder folder = ProjectFolder.open(this.resourceLoader, location)) {
				plan = deployer.plan(folder.path(), options());
			}
		}
		ApplyReport report = deployer.apply(plan);
		if (!report.succeeded()) {
			throw new IllegalStateException(
					"deploying " + location + " stopped: " + Objects.requireNonNull(report.failure()).getMessage()
							+ "; done: " + summary(report.done()) + "; left: " + summary(report.left()),
					report.failure());
		}
		return change(declaration, location, report.done(), true);
	}

	private static Change change(NamespaceDeclaration declaration, String location, List<PlannedChange> changes,
			boolean done) {
		List<PlannedChange> differences = changes.stream()
			.filter((change) -> change.action() != PlannedChange.Action.UNCHANGED)
			.toList();
		if (differences.isEmpty()) {
			return new Change(declaration.label(), null, Action.UNCHANGED,
					List.of("its functions from " + location + " are as deployed"));
		}
		return new Change(declaration.label(), null, Action.UPDATE,
				List.of((done ? "deployed its functions from " : "its functions from ") + location
						+ (done ? ": " : " differ: ") + summary(differences)));
	}

	private static String summary(List<PlannedChange> changes) {
		if (changes.isEmpty()) {
			return "nothing";
		}
		Map<String, List<String>> byAction = changes.stream()
			.collect(Collectors.groupingBy((change) -> change.action().name().toLowerCase(java.util.Locale.ROOT),
					java.util.LinkedHashMap::new,
					Collectors.mapping(
							(change) -> change.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + change.name(),
							Collectors.toList())));
		return byAction.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + String.join(", ", entry.getValue()))
			.collect(Collectors.joining("; "));
	}

	/**
	 * A declared project's change, or why it cannot be deployed.
	 *
	 * @param change what planning found, or {@code null} with a problem
	 * @param problem why the project cannot be deployed, or {@code null}
	 */
	record Planned(@Nullable Change change, @Nullable String problem) {

	}

	private static ProjectReader.Options reading() {
		return ProjectReader.Options.defaults().withBuild(false).withOutput(logger::info);
	}

	private static ProjectDeployer.Options options() {
		return ProjectDeployer.Options.defaults().withReading(reading());
	}

}
