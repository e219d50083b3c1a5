package io.github.dofunctions.autoconfigure.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.dofunctions.autoconfigure.provisioning.ProvisioningPlan.Action;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningPlan.Change;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsBadRequestException;
import io.github.dofunctions.client.error.FunctionsConflictException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.ScheduledDetails;
import io.github.dofunctions.client.model.Trigger;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.io.ResourceLoader;

/**
 * Makes the declared namespaces, their functions and their scheduled triggers exist at
 * DigitalOcean, as Spring Kafka's {@code KafkaAdmin} does for {@code NewTopic}s: at
 * start-up (before the web server takes traffic, when auto-configured) and at run time
 * through {@link #plan()} and {@link #provision()}.
 * <p>
 * A namespace is found by its label and created if missing. A declared trigger is created
 * if missing; one whose schedule, body or (when declared) enabled state differs is
 * updated in place; one that invokes another function is deleted and created again, since
 * DigitalOcean cannot change it. A trigger's paused or resumed state is left alone unless
 * its declaration sets {@code enabled}. Triggers of a declared namespace that nothing
 * declares are deleted only with {@link #setPrune(boolean) prune}; namespaces nothing
 * declares are never read past their label, nor touched.
 * <p>
 * Nothing is written while the plan has a {@linkplain ProvisioningPlan#problems()
 * problem}. Two instances provisioning at once end with one namespace and one set of
 * triggers: the one that loses a create finds what the other made, and checks it against
 * its declarations.
 * <p>
 * {@link #plan()} and {@link #provision()} block: call them from a thread that may block,
 * never from a reactive pipeline. They are synchronized: one provisioning at a time in an
 * application.
 */
public class FunctionsAdmin implements ResourceLoaderAware {

	private static final Log logger = LogFactory.getLog(FunctionsAdmin.class);

	private static final String RACE = "created by another instance at the same time";

	private final FunctionsOperations functions;

	private final List<NamespaceDeclaration> declarations;

	private final DeclaredFunctions declaredFunctions;

	private ProvisioningMode mode = ProvisioningMode.CREATE;

	private boolean prune;

	private boolean failOnError = true;

	private int triggerLimit = 3;

	private volatile @Nullable LastPlan lastPlan;

	/** What the writes of the provisioning under way answered, under the lock. */
	private SeenResources written = new SeenResources();

	/**
	 * Create an admin for the given declarations.
	 * @param functions the client it calls DigitalOcean with
	 * @param declarations the namespaces to provision, with their triggers; may be empty
	 * (then it never calls DigitalOcean)
	 */
	public FunctionsAdmin(FunctionsOperations functions, Collection<NamespaceDeclaration> declarations) {
		this.functions = Objects.requireNonNull(functions, "functions must not be null");
		this.declarations = List.copyOf(declarations);
		this.declaredFunctions = new DeclaredFunctions(functions);
	}

	/**
	 * Set how the {@linkplain NamespaceDeclaration#functions() declared projects'}
	 * locations are read; an application context sets its own.
	 * @param resourceLoader the loader, a {@code DefaultResourceLoader} until set
	 */
	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.declaredFunctions.setResourceLoader(resourceLoader);
	}

	/**
	 * Return the declarations this admin provisions.
	 * @return an unmodifiable list, in the order they are provisioned
	 */
	public List<NamespaceDeclaration> getDeclarations() {
		return this.declarations;
	}

	/**
	 * Set what happens at start-up; {@link #plan()} and {@link #provision()} work in any
	 * mode when called.
	 * @param mode the mode; {@link ProvisioningMode#CREATE} by default
	 */
	public void setMode(ProvisioningMode mode) {
		this.mode = Objects.requireNonNull(mode, "mode must not be null");
	}

	/**
	 * Return what happens at start-up.
	 * @return the mode
	 */
	public ProvisioningMode getMode() {
		return this.mode;
	}

	/**
	 * Set whether to delete the triggers of a declared namespace that nothing declares.
	 * @param prune {@code false} by default
	 */
	public void setPrune(boolean prune) {
		this.prune = prune;
	}

	/**
	 * Set whether a failed call to DigitalOcean fails start-up. When {@code false}, it is
	 * logged and start-up goes on. Refused declarations and differences found by
	 * {@link ProvisioningMode#VALIDATE} always fail start-up.
	 * @param failOnError {@code true} by default
	 */
	public void setFailOnError(boolean failOnError) {
		this.failOnError = failOnError;
	}

	/**
	 * Set the most triggers a namespace may hold.
	 * @param triggerLimit at least 1; 3 by default, DigitalOcean's limit while scheduled
	 * triggers are in preview
	 * @throws IllegalArgumentException if it is below 1
	 */
	public void setTriggerLimit(int triggerLimit) {
		DeclarationRules.check("triggerLimit", DeclarationRules.triggerLimit(triggerLimit));
		this.triggerLimit = triggerLimit;
	}

	/**
	 * Return the latest plan this admin computed, at start-up or through {@link #plan()}
	 * or {@link #provision()}, with when it read DigitalOcean: what it last saw of the
	 * declared resources. Sends nothing.
	 * @return the latest plan, or {@code null} if none was computed yet (no declaration,
	 * {@code none} mode, or a read that failed)
	 */
	public @Nullable LastPlan lastPlan() {
		return this.lastPlan;
	}

	/**
	 * Compare DigitalOcean with the declarations, writing nothing. Reads the namespaces,
	 * and the triggers of each declared namespace that exists.
	 * @return the plan: every change provisioning would make, and why, and the problems
	 * that would keep it from writing anything
	 * @throws ProvisioningException with {@link ProvisioningException.Reason#FAILED} if
	 * DigitalOcean could not be read
	 */
	public synchronized ProvisioningPlan plan() {
		Instant time = Instant.now();
		this.declaredFunctions.forget();
		ProvisioningPlan plan = plan(read());
		this.lastPlan = new LastPlan(plan, time, false);
		return plan;
	}

	/**
	 * Bring DigitalOcean in line with the declarations, and log what was done in one INFO
	 * block. Writes nothing when the plan has a problem.
	 * @return what was done, as a plan whose changes are done
	 * @throws ProvisioningException with
	 * {@link ProvisioningException.Reason#INVALID_DECLARATIONS} when the plan has
	 * problems (nothing was written), or {@link ProvisioningException.Reason#FAILED}
	 * naming the resource and DigitalOcean's error when a call failed (what was done
	 * before it stays done, and is logged)
	 */
	public synchronized ProvisioningPlan provision() {
		Instant time = Instant.now();
		this.declaredFunctions.forget();
		List<NamespaceState> states = read();
		ProvisioningPlan plan = plan(states);
		this.lastPlan = new LastPlan(plan, time, false);
		if (!plan.problems().isEmpty()) {
			throw new ProvisioningException(ProvisioningException.Reason.INVALID_DECLARATIONS,
					"The declared DigitalOcean Functions resources were refused before anything was written",
					plan.problems(), null);
		}
		List<Change> done = new ArrayList<>();
		this.written = seen(states);
		try {
			Flux.fromIterable(states).concatMap(this::apply).doOnNext(done::add).then().block();
		}
		catch (ProvisioningException ex) {
			if (!done.isEmpty()) {
				logger.info(report("Provisioning stopped by a failure; done before it", done));
			}
			throw ex;
		}
		logger.info(report("Provisioned the declared DigitalOcean Functions resources", done));
		done.stream()
			.filter((change) -> change.action() == Action.DELETE)
			.forEach((change) -> this.written.removeTrigger(change.namespace(),
					Objects.requireNonNull(change.trigger())));
		ProvisioningPlan provisioned = new ProvisioningPlan(done, List.of(), this.written);
		this.lastPlan = new LastPlan(provisioned, time, true);
		return provisioned;
	}

	/**
	 * What the application's start-up runs: provisions in {@code create} mode, checks in
	 * {@code validate} mode, nothing in {@code none} mode or with no declaration.
	 */
	void provisionAtStartup() {
		if (this.declarations.isEmpty() || this.mode == ProvisioningMode.NONE) {
			return;
		}
		try {
			if (this.mode == ProvisioningMode.VALIDATE) {
				validate();
			}
			else {
				provision();
			}
		}
		catch (ProvisioningException ex) {
			if (ex.getReason() != ProvisioningException.Reason.FAILED || this.failOnError) {
				throw ex;
			}
			logger.error("Provisioning of the declared DigitalOcean Functions resources failed; start-up goes on "
					+ "since do.functions.provisioning.fail-on-error is false: " + ex.getMessage());
		}
	}

	private void validate() {
		ProvisioningPlan plan = plan();
		List<String> differences = new ArrayList<>();
		plan.differences().forEach((change) -> differences.add(change.toString()));
		differences.addAll(plan.problems());
		if (!differences.isEmpty()) {
			throw new ProvisioningException(ProvisioningException.Reason.DRIFT,
					"DigitalOcean differs from the declared DigitalOcean Functions resources "
							+ "(do.functions.provisioning.mode is validate, so nothing was written)",
					differences, null);
		}
		logger.info(report("The declared DigitalOcean Functions resources match DigitalOcean (validate mode)",
				plan.changes()));
	}

	private String report(String title, List<Change> changes) {
		Map<Action, Long> counts = changes.stream()
			.collect(Collectors.groupingBy(Change::action, LinkedHashMap::new, Collectors.counting()));
		String summary = counts.entrySet()
			.stream()
			.map((count) -> count.getValue() + " " + count.getKey().done())
			.collect(Collectors.joining(", "));
		return title + " (mode " + this.mode.name().toLowerCase(java.util.Locale.ROOT) + ", prune "
				+ (this.prune ? "on" : "off") + "): " + summary
				+ changes.stream().map(Change::describeDone).collect(Collectors.joining("\n  ", "\n  ", ""));
	}

	// Reading and planning

	private List<NamespaceState> read() {
		if (this.declarations.isEmpty()) {
			return List.of();
		}
		Mono<List<NamespaceState>> states = this.functions.listNamespaces()
			.collectList()
			.onErrorMap(FunctionsAdmin::notProvisioning, (ex) -> failed("list the namespaces", "namespaces", ex))
			.flatMap((namespaces) -> Flux.fromIterable(distinctLabels()).concatMap((declaration) -> {
				Namespace existing = find(namespaces, declaration.label());
				if (existing == null) {
					return Mono.just(new NamespaceState(declaration, null, List.of()));
				}
				return this.functions.listTriggers(existing.id())
					.collectList()
					.onErrorMap(FunctionsAdmin::notProvisioning,
							(ex) -> failed("list the triggers of", "namespace '" + declaration.label() + "'", ex))
					.map((triggers) -> new NamespaceState(declaration, existing, triggers));
			}).collectList());
		return Objects.requireNonNull(states.block());
	}

	private Collection<NamespaceDeclaration> distinctLabels() {
		Map<String, NamespaceDeclaration> byLabel = new LinkedHashMap<>();
		this.declarations.forEach((declaration) -> byLabel.putIfAbsent(declaration.label(), declaration));
		return byLabel.values();
	}

	private ProvisioningPlan plan(List<NamespaceState> states) {
		List<String> problems = declarationProblems();
		List<Change> changes = new ArrayList<>();
		for (NamespaceState state : states) {
			NamespaceDeclaration declaration = state.declaration();
			Namespace existing = state.existing();
			String label = declaration.label();
			if (existing == null) {
				changes.add(new Change(label, null, Action.CREATE, List.of((declaration.region() != null)
						? "missing; to be created in " + declaration.region() : "missing, and no region is declared")));
				if (declaration.region() == null) {
					problems.add(declaration.where("region") + ": namespace '" + label
							+ "' does not exist, and no region is declared to create it in");
				}
				if (declaration.functions() != null) {
					planFunctions(declaration, null, problems).ifPresent(changes::add);
				}
				declaration.triggers()
					.forEach((trigger) -> changes
						.add(new Change(label, trigger.name(), Action.CREATE, List.of(missing(trigger)))));
				continue;
			}
			if (declaration.region() != null && !declaration.region().equals(existing.region())) {
				String reason = "exists (" + existing.id() + ") in region " + existing.region() + ", declared "
						+ declaration.region() + ": a namespace cannot move to another region";
				changes.add(new Change(label, null, Action.CONFLICT, List.of(reason)));
				problems.add(declaration.where("region") + ": namespace '" + label + "' " + reason);
			}
			else {
				changes.add(new Change(label, null, Action.UNCHANGED, List.of("exists (" + existing.id() + ")")));
				if (declaration.functions() != null) {
					planFunctions(declaration, existing.id(), problems).ifPresent(changes::add);
				}
			}
			List<TriggerStep> steps = planTriggers(declaration, state.triggers());
			steps.forEach((step) -> changes.add(step.change()));
			long kept = steps.stream()
				.filter((step) -> step.declared() == null && step.change().action() != Action.DELETE)
				.count();
			long total = kept + declaration.triggers().size();
			if (kept > 0 && total > this.triggerLimit) {
				problems.add(declaration.where("triggers") + ": namespace '" + label + "' would hold " + total
						+ " triggers (" + declaration.triggers().size() + " declared, " + kept
						+ " not declared and kept since prune is off), more than the " + this.triggerLimit
						+ " DigitalOcean allows (do.functions.provisioning.trigger-limit)");
			}
		}
		return new ProvisioningPlan(changes, problems, seen(states));
	}

	private static SeenResources seen(List<NamespaceState> states) {
		SeenResources seen = new SeenResources();
		states.stream()
			.filter((state) -> state.existing() != null)
			.forEach((state) -> seen.namespace(state.declaration().label(),
					Objects.requireNonNull(state.existing()).id(), state.triggers()));
		return seen;
	}

	/**
	 * Read a declared project, and plan it where its namespace exists; why it cannot be
	 * deployed is added to the problems.
	 */
	private Optional<Change> planFunctions(NamespaceDeclaration declaration, @Nullable String namespaceId,
			List<String> problems) {
		DeclaredFunctions.Planned planned;
		try {
			planned = this.declaredFunctions.plan(declaration, namespaceId);
		}
		catch (RuntimeException ex) {
			throw failed("read the functions of", "namespace '" + declaration.label() + "'", ex);
		}
		if (planned.problem() != null) {
			problems.add(planned.problem());
		}
		return Optional.ofNullable(planned.change());
	}

	private Mono<Change> deployFunctions(NamespaceDeclaration declaration, String namespaceId) {
		if (declaration.functions() == null) {
			return Mono.empty();
		}
		return this.declaredFunctions.deploy(declaration, namespaceId)
			.onErrorMap(FunctionsAdmin::notProvisioning,
					(ex) -> failed("deploy the functions of", "namespace '" + declaration.label() + "'", ex));
	}

	/**
	 * The checks that need no state: a label declared twice, more triggers than the
	 * limit.
	 */
	private List<String> declarationProblems() {
		List<String> problems = new ArrayList<>();
		Map<String, NamespaceDeclaration> byLabel = new LinkedHashMap<>();
		for (NamespaceDeclaration declaration : this.declarations) {
			NamespaceDeclaration first = byLabel.putIfAbsent(declaration.label(), declaration);
			if (first != null) {
				problems.add(declaration.where("") + ": namespace '" + declaration.label()
						+ "' is declared twice, also by " + first.where("") + "; a label is unique in an account");
			}
			String count = DeclarationRules.triggerCount(declaration.triggers().size(), this.triggerLimit);
			if (count != null) {
				problems.add(declaration.where("triggers") + " " + count);
			}
		}
		return problems;
	}

	private List<TriggerStep> planTriggers(NamespaceDeclaration declaration, List<Trigger> existing) {
		Map<String, Trigger> byName = new LinkedHashMap<>();
		existing.forEach((trigger) -> byName.put(trigger.name(), trigger));
		List<TriggerStep> steps = new ArrayList<>();
		Set<String> declared = new LinkedHashSet<>();
		for (TriggerDeclaration trigger : declaration.triggers()) {
			declared.add(trigger.name());
			Trigger current = byName.get(trigger.name());
			steps.add((current != null) ? compare(declaration.label(), trigger, current, null)
					: new TriggerStep(
							new Change(declaration.label(), trigger.name(), Action.CREATE, List.of(missing(trigger))),
							trigger, null));
		}
		byName.values().stream().filter((trigger) -> !declared.contains(trigger.name())).forEach((trigger) -> {
			Change change = this.prune
					? new Change(declaration.label(), trigger.name(), Action.DELETE,
							List.of("not declared; prune is on"))
					: new Change(declaration.label(), trigger.name(), Action.UNCHANGED,
							List.of("not declared; kept since prune is off"));
			steps.add(new TriggerStep(change, null, trigger));
		});
		return steps;
	}

	private static TriggerStep compare(String label, TriggerDeclaration declared, Trigger current,
			@Nullable String why) {
		List<String> reasons = new ArrayList<>();
		if (why != null) {
			reasons.add(why);
		}
		if (!declared.function().equals(current.function())) {
			reasons.add("runs " + current.function() + ", declared " + declared.function()
					+ ": DigitalOcean cannot change a trigger's function, so it is deleted and created again");
			return new TriggerStep(new Change(label, declared.name(), Action.RECREATE, reasons), declared, current);
		}
		ScheduledDetails details = current.scheduledDetails();
		String cron = (details != null) ? details.cron() : null;
		boolean changed = false;
		if (!declared.cron().equals(cron)) {
			reasons.add("cron is '" + cron + "', declared '" + declared.cron() + "'");
			changed = true;
		}
		if (!Objects.equals(declared.body(), normalized((details != null) ? details.body() : null))) {
			reasons.add("body differs from the declared one" + ((declared.body() != null)
					? " (declared keys " + declared.body().keySet() + ")" : " (declared none)"));
			changed = true;
		}
		if (declared.enabled() != null && !declared.enabled().equals(current.isEnabled())) {
			reasons.add(declared.enabled() ? "paused, declared enabled" : "enabled, declared paused (enabled: false)");
			changed = true;
		}
		if (!changed) {
			reasons.add((declared.enabled() == null && Boolean.FALSE.equals(current.isEnabled()))
					? "as declared; paused, and left so since enabled is not declared" : "as declared");
			return new TriggerStep(new Change(label, declared.name(), Action.UNCHANGED, reasons), declared, current);
		}
		return new TriggerStep(new Change(label, declared.name(), Action.UPDATE, reasons), declared, current);
	}

	private static String missing(TriggerDeclaration trigger) {
		return "missing; runs " + trigger.function() + " at '" + trigger.cron() + "'";
	}

	private static @Nullable Map<String, @Nullable Object> normalized(@Nullable Map<String, @Nullable Object> body) {
		return (body == null || body.isEmpty()) ? null : body;
	}

	private static @Nullable Namespace find(List<Namespace> namespaces, String label) {
		return namespaces.stream().filter((namespace) -> label.equals(namespace.label())).findFirst().orElse(null);
	}

	// Applying

	private Flux<Change> apply(NamespaceState state) {
		NamespaceDeclaration declaration = state.declaration();
		String label = declaration.label();
		if (state.existing() != null) {
			return Flux
				.just(new Change(label, null, Action.UNCHANGED, List.of("exists (" + state.existing().id() + ")")))
				.concatWith(deployFunctions(declaration, state.existing().id()))
				.concatWith(applyTriggers(state));
		}
		String region = Objects.requireNonNull(declaration.region());
		Mono<Namespace> theirs = this.functions.listNamespaces()
			.filter((namespace) -> label.equals(namespace.label()))
			.next();
		Mono<NamespaceState> ensured = this.functions.createNamespace(new CreateNamespaceRequest(region, label))
			.map((created) -> new NamespaceState(declaration, created, List.of()))
			// Another instance created it first: use theirs, with what it holds by now.
			.onErrorResume(FunctionsAdmin::isTaken,
					(ex) -> theirs.switchIfEmpty(Mono.error(ex))
						.flatMap((namespace) -> this.functions.listTriggers(namespace.id())
							.collectList()
							.map((triggers) -> new NamespaceState(declaration, namespace, triggers, true))))
			.onErrorMap(FunctionsAdmin::notProvisioning, (ex) -> failed("create", "namespace '" + label + "'", ex));
		return ensured.flatMapMany((found) -> {
			Namespace namespace = Objects.requireNonNull(found.existing());
			this.written.namespace(label, namespace.id(), found.triggers());
			Change change = found.raced()
					? new Change(label, null, Action.UNCHANGED, List.of(RACE + " (" + namespace.id() + ")"))
					: new Change(label, null, Action.CREATE,
							List.of("missing; created in " + region + " as " + namespace.id()));
			if (!found.raced()) {
				// Created here, so it holds no trigger: nothing to read.
				return Flux.just(change)
					.concatWith(deployFunctions(declaration, namespace.id()))
					.concatWith(
							Flux.fromIterable(declaration.triggers())
								.concatMap((trigger) -> applyTrigger(namespace.id(), new TriggerStep(
										new Change(label, trigger.name(), Action.CREATE, List.of(missing(trigger))),
										trigger, null))));
			}
			return Flux.just(change)
				.concatWith(deployFunctions(declaration, namespace.id()))
				.concatWith(applyTriggers(found));
		});
	}

	private Flux<Change> applyTriggers(NamespaceState state) {
		String namespaceId = Objects.requireNonNull(state.existing()).id();
		return Flux.fromIterable(planTriggers(state.declaration(), state.triggers()))
			.concatMap((step) -> applyTrigger(namespaceId, step));
	}

	private Mono<Change> applyTrigger(String namespaceId, TriggerStep step) {
		Change change = step.change();
		String name = Objects.requireNonNull(change.trigger());
		TriggerDeclaration declared = step.declared();
		Trigger current = step.current();
		Mono<Change> applied = switch (change.action()) {
			case UNCHANGED, CONFLICT -> Mono.just(change);
			case CREATE -> create(namespaceId, change, Objects.requireNonNull(declared),
					(declared.enabled() != null) ? declared.enabled() : true);
			case UPDATE -> this.functions
				.updateTrigger(namespaceId, name,
						update(Objects.requireNonNull(declared), Objects.requireNonNull(current)))
				.doOnNext((updated) -> this.written.trigger(change.namespace(), updated))
				.thenReturn(change);
			case RECREATE -> this.functions.deleteTrigger(namespaceId, name)
				.onErrorResume(FunctionsNotFoundException.class, (gone) -> Mono.empty())
				.then(create(namespaceId, change, Objects.requireNonNull(declared), (declared.enabled() != null)
						? declared.enabled() : !Boolean.FALSE.equals(Objects.requireNonNull(current).isEnabled())));
			case DELETE -> this.functions.deleteTrigger(namespaceId, name)
				.onErrorResume(FunctionsNotFoundException.class, (gone) -> Mono.empty())
				.thenReturn(change);
		};
		return applied.onErrorMap(FunctionsAdmin::notProvisioning,
				(ex) -> failed(verb(change.action()), change.resource(), ex));
	}

	private Mono<Change> create(String namespaceId, Change change, TriggerDeclaration declared, boolean enabled) {
		CreateTriggerRequest request = CreateTriggerRequest
			.scheduled(declared.name(), declared.function(), declared.cron(), declared.body())
			.withEnabled(enabled);
		return this.functions.createTrigger(namespaceId, request)
			.doOnNext((created) -> this.written.trigger(change.namespace(), created))
			.thenReturn(change)
			// Another instance created it first: check theirs against the declaration.
			.onErrorResume(FunctionsAdmin::isTaken, (ex) -> this.functions.getTrigger(namespaceId, declared.name())
				.onErrorResume(FunctionsNotFoundException.class, (missing) -> Mono.error(ex))
				.doOnNext((theirs) -> this.written.trigger(change.namespace(), theirs))
				.flatMap((theirs) -> applyTrigger(namespaceId, compare(change.namespace(), declared, theirs, RACE))));
	}

	private static UpdateTriggerRequest update(TriggerDeclaration declared, Trigger current) {
		ScheduledDetails details = current.scheduledDetails();
		boolean scheduleDiffers = details == null || !declared.cron().equals(details.cron())
				|| !Objects.equals(declared.body(), normalized(details.body()));
		Boolean enabled = (declared.enabled() != null && !declared.enabled().equals(current.isEnabled()))
				? declared.enabled() : null;
		return new UpdateTriggerRequest(enabled,
				scheduleDiffers ? new ScheduledDetails(declared.cron(), declared.body()) : null);
	}

	private static String verb(Action action) {
		return switch (action) {
			case CREATE -> "create";
			case UPDATE -> "update";
			case RECREATE -> "recreate";
			case DELETE -> "delete";
			case UNCHANGED, CONFLICT -> "check";
		};
	}

	/**
	 * Whether a create failed because the resource exists: DigitalOcean answers a taken
	 * label or trigger name with a 400, or (create namespace, as its OpenAPI description
	 * says) a 404 with the id {@code bad_request}.
	 */
	private static boolean isTaken(Throwable ex) {
		return ex instanceof FunctionsBadRequestException || ex instanceof FunctionsConflictException
				|| (ex instanceof FunctionsApiException api && "bad_request".equals(api.errorId()));
	}

	private static boolean notProvisioning(Throwable ex) {
		return !(ex instanceof ProvisioningException);
	}

	private static ProvisioningException failed(String verb, String resource, Throwable ex) {
		return new ProvisioningException(ProvisioningException.Reason.FAILED, "Could not " + verb + " " + resource,
				List.of(resource + ": " + ex.getMessage()), ex);
	}

	/**
	 * A declared namespace, what exists of it, and whether another instance created it
	 * while this one tried.
	 */
	private record NamespaceState(NamespaceDeclaration declaration, @Nullable Namespace existing,
			List<Trigger> triggers, boolean raced) {

		NamespaceState(NamespaceDeclaration declaration, @Nullable Namespace existing, List<Trigger> triggers) {
			this(declaration, existing, triggers, false);
		}

	}

	/**
	 * One trigger's change, with its declaration (none when it is not declared) and what
	 * exists of it (none when missing).
	 */
	private record TriggerStep(Change change, @Nullable TriggerDeclaration declared, @Nullable Trigger current) {

	}

}
