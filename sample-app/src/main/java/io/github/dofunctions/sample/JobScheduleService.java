package io.github.dofunctions.sample;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsBadRequestException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.ScheduledDetails;
import io.github.dofunctions.client.model.Trigger;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.sample.ProvisioningReport.TriggerOutcome;
import io.github.dofunctions.sample.ProvisioningReport.TriggerOutcome.Action;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Keeps the namespace and the scheduled triggers declared under {@code jobs.*} in place
 * at DigitalOcean, and manages them at run time. On the embedded emulator it also deploys
 * the jobs' functions ({@link JobFunctions}) before it makes their triggers.
 * <p>
 * Provisioning is idempotent: it creates what is missing, puts back a schedule that
 * drifted, and leaves the rest alone. Two instances provisioning at once both end with
 * the same single namespace and triggers: the one that loses a create race finds what the
 * other created. A trigger's {@code enabled} setting applies when it is created; pausing
 * and resuming through the API is run-time state that a restart keeps.
 */
@Service
public class JobScheduleService {

	private static final Log logger = LogFactory.getLog(JobScheduleService.class);

	private final FunctionsOperations functions;

	private final JobsProperties jobs;

	private final @Nullable JobFunctions jobFunctions;

	private final AtomicReference<String> namespaceId = new AtomicReference<>();

	private final Mono<String> firstProvisioning;

	/**
	 * Create the service.
	 * @param functions the DigitalOcean Functions client
	 * @param jobs the declared namespace and triggers
	 * @param jobFunctions the jobs' functions, when the service deploys them
	 */
	public JobScheduleService(FunctionsOperations functions, JobsProperties jobs,
			ObjectProvider<JobFunctions> jobFunctions) {
		this.functions = functions;
		this.jobs = jobs;
		this.jobFunctions = jobFunctions.getIfAvailable();
		// Requests that arrive while start-up provisioning runs wait for it instead of
		// provisioning again; a failed attempt is not kept, so the next request retries.
		this.firstProvisioning = Mono.defer(this::provision)
			.map(ProvisioningReport::namespaceId)
			.cache((id) -> Duration.ofMillis(Long.MAX_VALUE), (error) -> Duration.ZERO, () -> Duration.ZERO);
	}

	/**
	 * Provision once, at start-up; later calls share the result.
	 * @return the identifier of the namespace
	 */
	public Mono<String> ensureProvisioned() {
		return Mono.justOrEmpty(this.namespaceId.get()).switchIfEmpty(this.firstProvisioning);
	}

	/**
	 * Bring DigitalOcean in line with the declared namespace and triggers.
	 * @return what was found and done
	 */
	public Mono<ProvisioningReport> provision() {
		return ensureNamespace()
			.flatMap((found) -> deployFunctions(found.namespace().id())
				.flatMap((functionChanges) -> Flux.fromIterable(this.jobs.getTriggers())
					.concatMap((job) -> ensureTrigger(found.namespace().id(), job))
					.collectList()
					.map((outcomes) -> new ProvisioningReport(found.namespace().id(),
							this.jobs.getNamespace().getLabel(), found.created(), functionChanges, outcomes))))
			.doOnNext((report) -> {
				this.namespaceId.set(report.namespaceId());
				logger.info("Provisioned " + report.summary());
			});
	}

	/**
	 * List the namespaces of the account.
	 * @return the namespaces, without their keys
	 */
	public Flux<NamespaceView> namespaces() {
		return this.functions.listNamespaces().map(NamespaceView::of);
	}

	/**
	 * List the triggers of the service's namespace.
	 * @return the triggers
	 */
	public Flux<TriggerView> triggers() {
		return ensureProvisioned().flatMapMany(this.functions::listTriggers).map(TriggerView::of);
	}

	/**
	 * Get one trigger.
	 * @param name trigger name
	 * @return the trigger
	 */
	public Mono<TriggerView> trigger(String name) {
		return ensureProvisioned().flatMap((ns) -> this.functions.getTrigger(ns, name)).map(TriggerView::of);
	}

	/**
	 * Pause or resume a trigger.
	 * @param name trigger name
	 * @param enabled whether it should fire
	 * @return the trigger as updated
	 */
	public Mono<TriggerView> setEnabled(String name, boolean enabled) {
		return ensureProvisioned()
			.flatMap((ns) -> this.functions.updateTrigger(ns, name, UpdateTriggerRequest.enabled(enabled)))
			.map(TriggerView::of);
	}

	/**
	 * Give a trigger a new schedule, keeping its parameters.
	 * @param name trigger name
	 * @param cron five-field cron expression, in UTC
	 * @return the trigger as updated
	 */
	public Mono<TriggerView> reschedule(String name, @Nullable String cron) {
		return ensureProvisioned()
			.flatMap((ns) -> this.functions.getTrigger(ns, name)
				.flatMap((current) -> this.functions.updateTrigger(ns, name,
						UpdateTriggerRequest.reschedule(cron, bodyOf(current)))))
			.map(TriggerView::of);
	}

	/**
	 * Delete a trigger. Provisioning creates it again at the next start if it is still
	 * declared.
	 * @param name trigger name
	 * @return completes when it is deleted
	 */
	public Mono<Void> delete(String name) {
		return ensureProvisioned().flatMap((ns) -> this.functions.deleteTrigger(ns, name));
	}

	private Mono<Integer> deployFunctions(String namespaceId) {
		if (this.jobFunctions == null) {
			return Mono.just(0);
		}
		return this.jobFunctions.deploy(namespaceId).map((report) -> report.done().size());
	}

	private Mono<FoundNamespace> ensureNamespace() {
		String label = this.jobs.getNamespace().getLabel();
		Mono<Namespace> existing = this.functions.listNamespaces().filter((ns) -> label.equals(ns.label())).next();
		return existing.map((ns) -> new FoundNamespace(ns, false))
			.switchIfEmpty(Mono.defer(() -> this.functions
				.createNamespace(new CreateNamespaceRequest(this.jobs.getNamespace().getRegion(), label))
				.map((ns) -> new FoundNamespace(ns, true))
				// Another instance created it first: use theirs. DigitalOcean's OpenAPI
				// description answers an invalid create-namespace 404 with the id
				// bad_request.
				.onErrorResume(JobScheduleService::isBadRequest,
						(ex) -> existing.map((ns) -> new FoundNamespace(ns, false)).switchIfEmpty(Mono.error(ex)))));
	}

	private static boolean isBadRequest(Throwable ex) {
		return ex instanceof FunctionsBadRequestException
				|| (ex instanceof FunctionsApiException api && "bad_request".equals(api.errorId()));
	}

	private Mono<TriggerOutcome> ensureTrigger(String ns, JobsProperties.Job job) {
		return this.functions.getTrigger(ns, job.getName())
			.flatMap((existing) -> reconcile(ns, job, existing))
			.onErrorResume(FunctionsNotFoundException.class,
					(missing) -> this.functions.createTrigger(ns, declared(job))
						.thenReturn(new TriggerOutcome(job.getName(), Action.CREATED))
						// Another instance created it first: check theirs against the
						// declaration.
						.onErrorResume(FunctionsBadRequestException.class,
								(ex) -> this.functions.getTrigger(ns, job.getName())
									.flatMap((existing) -> reconcile(ns, job, existing))));
	}

	private Mono<TriggerOutcome> reconcile(String ns, JobsProperties.Job job, Trigger existing) {
		if (!job.getFunction().equals(existing.function())) {
			return this.functions.deleteTrigger(ns, job.getName())
				.then(this.functions.createTrigger(ns, declared(job)))
				.thenReturn(new TriggerOutcome(job.getName(), Action.RECREATED));
		}
		ScheduledDetails current = existing.scheduledDetails();
		boolean drifted = current == null || !job.getCron().equals(current.cron())
				|| !Objects.equals(normalized(job.getBody()), normalized(current.body()));
		if (!drifted) {
			return Mono.just(new TriggerOutcome(job.getName(), Action.UNCHANGED));
		}
		return this.functions
			.updateTrigger(ns, job.getName(), UpdateTriggerRequest.reschedule(job.getCron(), normalized(job.getBody())))
			.thenReturn(new TriggerOutcome(job.getName(), Action.UPDATED));
	}

	private static CreateTriggerRequest declared(JobsProperties.Job job) {
		return CreateTriggerRequest
			.scheduled(job.getName(), job.getFunction(), job.getCron(), normalized(job.getBody()))
			.withEnabled(job.isEnabled());
	}

	private static @Nullable Map<String, @Nullable Object> bodyOf(Trigger trigger) {
		return (trigger.scheduledDetails() != null) ? trigger.scheduledDetails().body() : null;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, @Nullable Object> normalized(@Nullable Map<String, ?> body) {
		return (body == null || body.isEmpty()) ? null : (Map<String, @Nullable Object>) body;
	}

	private record FoundNamespace(Namespace namespace, boolean created) {

	}

}
