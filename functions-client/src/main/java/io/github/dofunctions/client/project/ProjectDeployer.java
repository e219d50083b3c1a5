package io.github.dofunctions.client.project;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.dofunctions.client.FunctionDeployer;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.DeployedFunction;
import io.github.dofunctions.client.model.DeployedPackage;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.FunctionLimits;
import io.github.dofunctions.client.model.FunctionRuntime;
import io.github.dofunctions.client.model.PackageDefinition;
import io.github.dofunctions.client.model.ScheduledDetails;
import io.github.dofunctions.client.model.Trigger;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.client.model.WebExport;
import io.github.dofunctions.client.project.PlannedChange.Action;
import io.github.dofunctions.client.project.PlannedChange.Kind;
import io.github.dofunctions.client.project.ProjectSteps.Step;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Deploys a doctl project to a namespace with a plan first: {@link #plan} compares the
 * project with what is deployed and sends no write; {@link #apply(ProjectPlan)} makes the
 * plan's changes, packages first, then functions, then triggers (through the control
 * plane, so that no trigger is skipped, unlike doctl's remote builds: doctl #1474,
 * #1868), then what {@code prune} deletes. It stops at the first failure and says what is
 * left; planning and applying again finishes it, and a project with nothing to change
 * sends no write.
 * <p>
 * Environment variables set on a deployed function outside the project (in the control
 * panel, say) are kept unless {@link Options#replaceEnvironment()} says otherwise, where
 * doctl replaces them silently (#1537). The code and the environment's values are
 * compared by digest, kept in the {@value #DEPLOYER_ANNOTATION} annotation of what is
 * deployed; no environment value is ever printed or kept in a plan.
 * <p>
 * Calls wait on the calling thread: this is for builds, command lines and start-up, not
 * for a reactive pipeline. Uses the namespace's {@link FunctionDeployer} (its access key
 * and resilience) and the control plane for triggers.
 */
public final class ProjectDeployer {

	/**
	 * The annotation of what this deployer deployed: the digests it compares, as doctl's
	 * deployer keeps its own under the same key.
	 */
	public static final String DEPLOYER_ANNOTATION = "deployer";

	/**
	 * Most scheduled triggers a namespace may have: 3 while scheduled triggers are a
	 * preview (docs.digitalocean.com/products/functions/details/limits).
	 */
	public static final int TRIGGER_LIMIT = 3;

	private static final JsonMapper SORTED = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final FunctionsOperations functions;

	private final String namespaceId;

	/**
	 * Create a deployer of projects to a namespace.
	 * @param functions the client
	 * @param namespaceId the namespace
	 */
	public ProjectDeployer(FunctionsOperations functions, String namespaceId) {
		Assert.notNull(functions, "functions must not be null");
		Assert.hasText(namespaceId, "namespaceId must not be null or blank");
		this.functions = functions;
		this.namespaceId = namespaceId;
	}

	/**
	 * Read a project (building its functions, when the options say so) and plan its
	 * deployment. Sends no write.
	 * @param folder the project's folder
	 * @param options how to read it, whether to prune and to replace environment set
	 * outside the project
	 * @return the plan
	 * @throws ProjectException if the project cannot be read
	 * @throws IllegalArgumentException if the project asks for what the namespace
	 * refuses: a runtime it does not offer, more triggers than it allows
	 */
	public ProjectPlan plan(Path folder, Options options) {
		Assert.notNull(options, "options must not be null");
		return plan(ProjectReader.read(folder, options.reading()), options);
	}

	/**
	 * Plan the deployment of a project already read. Sends no write.
	 * @param project the project
	 * @param options whether to prune and to replace environment set outside the project
	 * @return the plan
	 * @throws IllegalArgumentException if the project asks for what the namespace
	 * refuses: a runtime it does not offer, more triggers than it allows
	 */
	public ProjectPlan plan(Project project, Options options) {
		Assert.notNull(project, "project must not be null");
		Assert.notNull(options, "options must not be null");
		FunctionDeployer deployer = this.functions.deployer(this.namespaceId);
		List<FunctionRuntime> runtimes = Objects.requireNonNull(deployer.runtimes().block());
		List<ProjectFunction> declared = project.packages()
			.stream()
			.flatMap((pkg) -> pkg.functions().stream())
			.toList();
		for (ProjectFunction function : declared) {
			resolve(function.definition(), runtimes);
		}
		// Listings are summaries, without parameters: what is compared is read one by
		// one.
		Set<String> packages = deployer.listPackages()
			.map(DeployedPackage::name)
			.collect(Collectors.toCollection(LinkedHashSet::new))
			.block();
		Set<String> deployedNames = deployer.listFunctions()
			.map(DeployedFunction::name)
			.collect(Collectors.toCollection(LinkedHashSet::new))
			.block();
		List<Trigger> triggers = this.functions.listTriggers(this.namespaceId).collectList().block();
		List<Step> steps = new ArrayList<>();
		for (ProjectPackage pkg : project.packages()) {
			if (!pkg.isDefault()) {
				steps.add(packageStep(deployer, pkg,
						packages.contains(pkg.name()) ? deployer.getPackage(pkg.name()).block() : null));
			}
		}
		for (ProjectFunction function : declared) {
			DeployedFunction deployed = deployedNames.contains(function.definition().name())
					? deployer.getFunction(function.definition().name()).block() : null;
			steps.add(functionStep(deployer, function, deployed, runtimes, options));
		}
		Map<String, Trigger> existing = new LinkedHashMap<>();
		Objects.requireNonNull(triggers).forEach((trigger) -> existing.put(trigger.name(), trigger));
		Set<String> projectTriggers = new LinkedHashSet<>();
		for (ProjectFunction function : declared) {
			for (ProjectTrigger trigger : function.triggers()) {
				projectTriggers.add(trigger.name());
				steps.add(triggerStep(trigger, existing.get(trigger.name())));
			}
		}
		if (options.prune()) {
			Set<String> declaredNames = declared.stream()
				.map((function) -> function.definition().name())
				.collect(Collectors.toSet());
			Set<String> pruned = deployedNames.stream()
				.filter((name) -> !declaredNames.contains(name) && inProjectPackages(project, name))
				.collect(Collectors.toCollection(TreeSet::new));
			for (Trigger trigger : existing.values()) {
				boolean ofTheProject = trigger.function() != null
						&& (declaredNames.contains(trigger.function()) || pruned.contains(trigger.function()));
				if (ofTheProject && !projectTriggers.contains(trigger.name())) {
					steps.add(new Step(
							new PlannedChange(Kind.TRIGGER, trigger.name(), Action.DELETE,
									List.of("not declared for " + trigger.function())),
							() -> this.functions.deleteTrigger(this.namespaceId, trigger.name()).block()));
				}
			}
			for (String name : pruned) {
				steps.add(new Step(
						new PlannedChange(Kind.FUNCTION, name, Action.DELETE, List.of("not declared in the project")),
						() -> deployer.deleteFunction(name).block()));
			}
		}
		checkTriggerLimit(steps, existing.size());
		return new ProjectPlan(this.namespaceId, steps);
	}

	/**
	 * Apply a plan: make its changes in order, stopping at the first that fails.
	 * @param plan the plan, made for this deployer's namespace
	 * @return what was done and, after a failure, what is left
	 */
	public ApplyReport apply(ProjectPlan plan) {
		Assert.notNull(plan, "plan must not be null");
		Assert.isTrue(plan.namespaceId().equals(this.namespaceId),
				() -> "the plan is for namespace " + plan.namespaceId() + ", not " + this.namespaceId);
		List<PlannedChange> done = new ArrayList<>();
		List<Step> steps = plan.steps().stream().filter((step) -> step.change().action() != Action.UNCHANGED).toList();
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			try {
				step.write().run();
				done.add(step.change());
			}
			catch (RuntimeException ex) {
				return new ApplyReport(done, steps.subList(i, steps.size()).stream().map(Step::change).toList(), ex);
			}
		}
		return new ApplyReport(done, List.of(), null);
	}

	private Step packageStep(FunctionDeployer deployer, ProjectPackage pkg, @Nullable DeployedPackage deployed) {
		String digest = digest(sorted(pkg.environment()));
		PackageDefinition definition = pkg.toDefinition();
		PackageDefinition.Builder builder = PackageDefinition.builder(pkg.name());
		definition.parameters().forEach(builder::parameter);
		definition.environment().forEach(builder::environment);
		definition.annotations().forEach(builder::annotation);
		builder.annotation(DEPLOYER_ANNOTATION, Map.of("environment", digest));
		PackageDefinition annotated = builder.build();
		Runnable write = () -> deployer.deployPackage(annotated).block();
		if (deployed == null) {
			return new Step(new PlannedChange(Kind.PACKAGE, pkg.name(), Action.CREATE,
					environmentNames("environment", pkg.environment().keySet())), write);
		}
		List<String> differences = new ArrayList<>();
		parameterDifferences(pkg.parameters(), deployed.parameters(), differences);
		environmentDifferences(pkg.environment().keySet(), deployed.environmentNames(), true, differences);
		if (!digest.equals(deployerValue(deployed.annotations(), "environment")) && !pkg.environment().isEmpty()) {
			differences.add("environment values");
		}
		return differences.isEmpty()
				? Step.unchanged(new PlannedChange(Kind.PACKAGE, pkg.name(), Action.UNCHANGED, List.of()))
				: new Step(new PlannedChange(Kind.PACKAGE, pkg.name(), Action.UPDATE, differences), write);
	}

	private Step functionStep(FunctionDeployer deployer, ProjectFunction function, @Nullable DeployedFunction deployed,
			List<FunctionRuntime> runtimes, Options options) {
		FunctionDefinition definition = function.definition();
		String codeDigest = digest(code(definition));
		String secretsDigest = digest(
				sorted(definition.environment()) + "\0" + Objects.requireNonNullElse(definition.webSecret(), ""));
		FunctionDefinition.Builder builder = definition.toBuilder()
			.annotation(DEPLOYER_ANNOTATION, Map.of("digest", codeDigest, "secrets", secretsDigest));
		List<String> notes = new ArrayList<>();
		if (!function.webDeclared() && definition.web() != WebExport.OFF) {
			notes.add("web: public (project.yml says no web:, which doctl deploys as a web function)");
		}
		if (deployed == null) {
			List<String> created = new ArrayList<>();
			created.add("runtime " + definition.runtime());
			created.addAll(notes);
			created.addAll(environmentNames("environment", definition.environment().keySet()));
			FunctionDefinition toDeploy = builder.build();
			return new Step(new PlannedChange(Kind.FUNCTION, definition.name(), Action.CREATE, created),
					() -> deployer.deploy(toDeploy).block());
		}
		List<String> differences = new ArrayList<>();
		if (!codeDigest.equals(deployerValue(deployed.annotations(), "digest"))) {
			differences.add("code (digest " + shortDigest(deployerValue(deployed.annotations(), "digest")) + " -> "
					+ shortDigest(codeDigest) + ")");
		}
		String kind = resolve(definition, runtimes);
		if (!kind.equals(deployed.runtime())) {
			differences.add("runtime " + deployed.runtime() + " -> " + kind);
		}
		if (!Objects.equals(definition.main(), deployed.main())) {
			differences.add("main " + deployed.main() + " -> " + definition.main());
		}
		FunctionLimits limits = definition.limits();
		if (limits.timeout() != null && !limits.timeout().equals(deployed.limits().timeout())) {
			differences.add("limits.timeout " + millis(deployed.limits().timeout()) + " -> "
					+ limits.timeout().toMillis() + " ms");
		}
		if (limits.memory() != null && !limits.memory().equals(deployed.limits().memory())) {
			differences.add("limits.memory " + deployed.limits().memory() + " -> " + limits.memory() + " MB");
		}
		parameterDifferences(definition.parameters(), deployed.parameters(), differences);
		if (definition.web() != deployed.web()) {
			differences.add("web " + webName(deployed.web()) + " -> " + webName(definition.web()));
		}
		if ((definition.webSecret() != null) != deployed.webSecured()) {
			differences.add((definition.webSecret() != null) ? "web secret added" : "web secret removed");
		}
		environmentDifferences(definition.environment().keySet(), deployed.environmentNames(), false, differences);
		if (!secretsDigest.equals(deployerValue(deployed.annotations(), "secrets"))
				&& (!definition.environment().isEmpty() || definition.webSecret() != null)
				&& differences.stream().noneMatch((difference) -> difference.startsWith("environment +"))) {
			differences.add("environment values or web secret");
		}
		List<String> outside = deployed.environmentNames()
			.stream()
			.filter((name) -> !definition.environment().containsKey(name))
			.toList();
		if (!outside.isEmpty()) {
			if (options.replaceEnvironment()) {
				differences.add("environment " + String.join(", ", outside) + " set outside the project: removed");
			}
			else {
				notes.add("environment " + String.join(", ", outside) + " set outside the project: kept");
				builder.keepEnvironment(outside);
			}
		}
		FunctionDefinition toDeploy = builder.build();
		if (differences.isEmpty()) {
			return Step.unchanged(new PlannedChange(Kind.FUNCTION, definition.name(), Action.UNCHANGED, notes));
		}
		differences.addAll(notes);
		return new Step(new PlannedChange(Kind.FUNCTION, definition.name(), Action.UPDATE, differences),
				() -> deployer.deploy(toDeploy).block());
	}

	private Step triggerStep(ProjectTrigger trigger, @Nullable Trigger existing) {
		CreateTriggerRequest create = CreateTriggerRequest
			.scheduled(trigger.name(), trigger.function(), trigger.cron(), body(trigger.body()))
			.withEnabled(trigger.enabled());
		Runnable createIt = () -> this.functions.createTrigger(this.namespaceId, create).block();
		if (existing == null) {
			return new Step(new PlannedChange(Kind.TRIGGER, trigger.name(), Action.CREATE,
					List.of(trigger.function() + " at '" + trigger.cron() + "'")), createIt);
		}
		ScheduledDetails details = existing.scheduledDetails();
		String cron = (details != null) ? details.cron() : null;
		Map<String, @Nullable Object> body = (details != null) ? details.body() : null;
		if (!trigger.function().equals(existing.function())) {
			return new Step(
					new PlannedChange(Kind.TRIGGER, trigger.name(), Action.UPDATE, List.of("function "
							+ existing.function() + " -> " + trigger.function() + " (deleted and created again)")),
					() -> {
						this.functions.deleteTrigger(this.namespaceId, trigger.name()).block();
						createIt.run();
					});
		}
		List<String> differences = new ArrayList<>();
		boolean rescheduled = !trigger.cron().equals(cron) || !json(trigger.body()).equals(json(body));
		if (!trigger.cron().equals(cron)) {
			differences.add("cron '" + cron + "' -> '" + trigger.cron() + "'");
		}
		if (!json(trigger.body()).equals(json(body))) {
			differences.add("body");
		}
		boolean enabled = !Boolean.FALSE.equals(existing.isEnabled());
		if (enabled != trigger.enabled()) {
			differences.add(trigger.enabled() ? "enabled" : "disabled");
		}
		if (differences.isEmpty()) {
			return Step.unchanged(new PlannedChange(Kind.TRIGGER, trigger.name(), Action.UNCHANGED, List.of()));
		}
		UpdateTriggerRequest update = new UpdateTriggerRequest(
				(enabled != trigger.enabled()) ? trigger.enabled() : null,
				rescheduled ? new ScheduledDetails(trigger.cron(), body(trigger.body())) : null);
		return new Step(new PlannedChange(Kind.TRIGGER, trigger.name(), Action.UPDATE, differences),
				() -> this.functions.updateTrigger(this.namespaceId, trigger.name(), update).block());
	}

	/**
	 * Refuse, before any write, a plan that would leave the namespace with more scheduled
	 * triggers than DigitalOcean allows.
	 */
	private void checkTriggerLimit(List<Step> steps, int existing) {
		long created = steps.stream()
			.filter((step) -> step.change().kind() == Kind.TRIGGER && step.change().action() == Action.CREATE)
			.count();
		long deleted = steps.stream()
			.filter((step) -> step.change().kind() == Kind.TRIGGER && step.change().action() == Action.DELETE)
			.count();
		long after = existing + created - deleted;
		Assert.isTrue(after <= TRIGGER_LIMIT,
				() -> "namespace " + this.namespaceId + " would have " + after + " scheduled triggers (" + existing
						+ " deployed, " + created + " to create, " + deleted + " to delete); DigitalOcean allows "
						+ TRIGGER_LIMIT + " while scheduled triggers are a preview");
	}

	/**
	 * The kind a function runs on: its runtime, {@code <language>:default} being the
	 * language's default, which the namespace must offer.
	 */
	private String resolve(FunctionDefinition definition, List<FunctionRuntime> runtimes) {
		return FunctionRuntime
			.find(definition.runtime(), runtimes, "runtime of " + definition.name() + ": namespace " + this.namespaceId)
			.kind();
	}

	private static boolean inProjectPackages(Project project, String function) {
		int slash = function.indexOf('/');
		String pkg = (slash >= 0) ? function.substring(0, slash) : ProjectPackage.DEFAULT;
		return project.packages().stream().anyMatch((declared) -> declared.name().equals(pkg));
	}

	private static void parameterDifferences(Map<String, Object> declared, Map<String, Object> deployed,
			List<String> differences) {
		Set<String> names = new TreeSet<>(declared.keySet());
		names.addAll(deployed.keySet());
		List<String> changed = new ArrayList<>();
		for (String name : names) {
			if (!declared.containsKey(name)) {
				changed.add("-" + name);
			}
			else if (!deployed.containsKey(name)) {
				changed.add("+" + name);
			}
			else if (!json(declared.get(name)).equals(json(deployed.get(name)))) {
				changed.add("~" + name);
			}
		}
		if (!changed.isEmpty()) {
			differences.add("parameters " + String.join(" ", changed));
		}
	}

	private static void environmentDifferences(Set<String> declared, List<String> deployed, boolean removes,
			List<String> differences) {
		List<String> added = declared.stream().filter((name) -> !deployed.contains(name)).sorted().toList();
		if (!added.isEmpty()) {
			differences.add("environment +" + String.join(" +", added));
		}
		if (removes) {
			List<String> removed = deployed.stream().filter((name) -> !declared.contains(name)).sorted().toList();
			if (!removed.isEmpty()) {
				differences.add("environment -" + String.join(" -", removed));
			}
		}
	}

	private static List<String> environmentNames(String label, Set<String> names) {
		return names.isEmpty() ? List.of() : List.of(label + " " + String.join(", ", new TreeSet<>(names)));
	}

	private static @Nullable String deployerValue(Map<String, Object> annotations, String key) {
		Object deployer = annotations.get(DEPLOYER_ANNOTATION);
		return (deployer instanceof Map<?, ?> values && values.get(key) instanceof String value) ? value : null;
	}

	private static byte[] code(FunctionDefinition definition) {
		byte[] zip = definition.zip();
		return (zip != null) ? zip : Objects.requireNonNull(definition.source()).getBytes(StandardCharsets.UTF_8);
	}

	private static String sorted(Map<String, String> environment) {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(environment).forEach((name, value) -> text.append(name).append('=').append(value).append('\0'));
		return text.toString();
	}

	private static String digest(String text) {
		return digest(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String digest(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private static String shortDigest(@Nullable String digest) {
		return (digest != null) ? digest.substring(0, Math.min(12, digest.length())) : "none";
	}

	private static String millis(java.time.@Nullable Duration duration) {
		return (duration != null) ? String.valueOf(duration.toMillis()) : "default";
	}

	private static String webName(WebExport web) {
		return switch (web) {
			case OFF -> "off";
			case ON -> "on";
			case RAW -> "raw";
		};
	}

	private static String json(@Nullable Object value) {
		return SORTED.writeValueAsString(value);
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, @Nullable Object> body(@Nullable Map<String, Object> body) {
		return (Map<String, @Nullable Object>) (Map<String, ?>) body;
	}

	@Override
	public String toString() {
		return "ProjectDeployer[namespaceId=" + this.namespaceId + "]";
	}

	/**
	 * How to plan a project.
	 *
	 * @param reading how to read it: the env file, the environment, whether to build
	 * @param prune whether to delete what the project's packages no longer declare:
	 * functions, and the triggers of the project's functions; never anything else
	 * @param replaceEnvironment whether to remove environment variables set on a function
	 * outside the project, which are kept otherwise
	 */
	public record Options(ProjectReader.Options reading, boolean prune, boolean replaceEnvironment) {

		/**
		 * Return the defaults: read with {@link ProjectReader.Options#defaults()}, no
		 * pruning, environment set outside the project kept.
		 * @return the defaults
		 */
		public static Options defaults() {
			return new Options(ProjectReader.Options.defaults(), false, false);
		}

		/**
		 * Return these options with another way of reading.
		 * @param reading how to read the project
		 * @return a copy
		 */
		public Options withReading(ProjectReader.Options reading) {
			return new Options(reading, this.prune, this.replaceEnvironment);
		}

		/**
		 * Return these options with pruning on or off.
		 * @param prune whether to delete what the project's packages no longer declare
		 * @return a copy
		 */
		public Options withPrune(boolean prune) {
			return new Options(this.reading, prune, this.replaceEnvironment);
		}

		/**
		 * Return these options replacing, or keeping, environment set outside the
		 * project.
		 * @param replaceEnvironment whether to remove it
		 * @return a copy
		 */
		public Options withReplaceEnvironment(boolean replaceEnvironment) {
			return new Options(this.reading, this.prune, replaceEnvironment);
		}

	}

}
