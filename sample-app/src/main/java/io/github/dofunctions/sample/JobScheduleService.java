package io.github.dofunctions.sample;

import java.util.Map;
import java.util.Optional;

import io.github.dofunctions.autoconfigure.provisioning.FunctionsAdmin;
import io.github.dofunctions.autoconfigure.provisioning.NamespaceDeclaration;
import io.github.dofunctions.autoconfigure.provisioning.TriggerDeclaration;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.Trigger;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Manages the service's scheduled jobs at run time: the triggers of the namespace
 * declared under {@code do.functions.provisioning} in {@code application.yml}, which the
 * starter's {@link FunctionsAdmin} made exist, with the jobs' functions, before the web
 * server took its first request.
 */
@Service
public class JobScheduleService {

	private final FunctionsOperations functions;

	private final NamespaceDeclaration jobs;

	/**
	 * Create the service.
	 * @param functions the DigitalOcean Functions client
	 * @param admin what provisioned the declared namespace; the service uses its one
	 * declaration
	 */
	public JobScheduleService(FunctionsOperations functions, FunctionsAdmin admin) {
		this.functions = functions;
		this.jobs = admin.getDeclarations()
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No namespace is declared under do.functions.provisioning.namespaces"));
	}

	/**
	 * Return the declared job of a name.
	 * @param name the job's trigger name
	 * @return its declaration, if it is declared
	 */
	public Optional<TriggerDeclaration> job(String name) {
		return this.jobs.triggers().stream().filter((job) -> job.name().equals(name)).findFirst();
	}

	/**
	 * Find the service's namespace by its declared label. Looked up on each call: a
	 * namespace deleted and made again has another id.
	 * @return its identifier
	 */
	public Mono<String> namespaceId() {
		return this.functions.listNamespaces()
			.filter((namespace) -> this.jobs.label().equals(namespace.label()))
			.next()
			.map(Namespace::id)
			.switchIfEmpty(Mono.error(() -> new FunctionsNotFoundException("listNamespaces", "not_found",
					"namespace '" + this.jobs.label() + "' does not exist", null)));
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
		return namespaceId().flatMapMany(this.functions::listTriggers).map(TriggerView::of);
	}

	/**
	 * Get one trigger.
	 * @param name trigger name
	 * @return the trigger
	 */
	public Mono<TriggerView> trigger(String name) {
		return namespaceId().flatMap((ns) -> this.functions.getTrigger(ns, name)).map(TriggerView::of);
	}

	/**
	 * Pause or resume a trigger. A job declared without {@code enabled} stays as set
	 * across restarts.
	 * @param name trigger name
	 * @param enabled whether it should fire
	 * @return the trigger as updated
	 */
	public Mono<TriggerView> setEnabled(String name, boolean enabled) {
		return namespaceId()
			.flatMap((ns) -> this.functions.updateTrigger(ns, name, UpdateTriggerRequest.enabled(enabled)))
			.map(TriggerView::of);
	}

	/**
	 * Give a trigger a new schedule, keeping its parameters. The next start puts the
	 * declared schedule back.
	 * @param name trigger name
	 * @param cron five-field cron expression, in UTC
	 * @return the trigger as updated
	 */
	public Mono<TriggerView> reschedule(String name, @Nullable String cron) {
		return namespaceId()
			.flatMap((ns) -> this.functions.getTrigger(ns, name)
				.flatMap((current) -> this.functions.updateTrigger(ns, name,
						UpdateTriggerRequest.reschedule(cron, bodyOf(current)))))
			.map(TriggerView::of);
	}

	/**
	 * Delete a trigger. The next start creates it again if it is still declared.
	 * @param name trigger name
	 * @return completes when it is deleted
	 */
	public Mono<Void> delete(String name) {
		return namespaceId().flatMap((ns) -> this.functions.deleteTrigger(ns, name));
	}

	private static @Nullable Map<String, @Nullable Object> bodyOf(Trigger trigger) {
		return (trigger.scheduledDetails() != null) ? trigger.scheduledDetails().body() : null;
	}

}
