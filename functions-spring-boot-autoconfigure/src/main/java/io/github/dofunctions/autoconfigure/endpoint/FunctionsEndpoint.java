package io.github.dofunctions.autoconfigure.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.dofunctions.autoconfigure.RecentFunctionsCalls;
import io.github.dofunctions.autoconfigure.provisioning.FunctionsAdmin;
import io.github.dofunctions.autoconfigure.provisioning.LastPlan;
import io.github.dofunctions.autoconfigure.provisioning.NamespaceDeclaration;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningException;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningPlan;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningPlan.Change;
import io.github.dofunctions.autoconfigure.provisioning.TriggerDeclaration;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.model.ManagedAccessKeyInfo;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.model.ScheduledRuns;
import io.github.dofunctions.client.model.Trigger;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code functions} actuator endpoint: the declared namespaces and triggers with
 * their state at DigitalOcean (present, drifted, missing) and each trigger's last and
 * next run, the access keys the client made for itself, the rate-limit headroom, the
 * circuit breaker, and the latest successful and failed calls.
 * <p>
 * It spends no API quota: it shows what {@link FunctionsAdmin} last saw (start-up
 * provisioning, or the latest {@link FunctionsAdmin#plan() plan} or
 * {@link FunctionsAdmin#provision() provision}) and what recent calls saw. With
 * {@code refresh=true} it has the admin read DigitalOcean again first (a plan: one list
 * of namespaces, one list of triggers per declared namespace that exists, and the
 * packages and functions of a namespace that declares functions; nothing of the
 * namespaces changes). It never shows a secret: no token, namespace key, access-key
 * secret or trigger body.
 */
@Endpoint(id = "functions")
public class FunctionsEndpoint {

	/** A resource as declared. */
	static final String PRESENT = "present";

	/** A resource that exists but differs from its declaration. */
	static final String DRIFTED = "drifted";

	/** A declared resource that does not exist. */
	static final String MISSING = "missing";

	/** A declared resource not seen yet: no plan was computed. */
	static final String UNKNOWN = "unknown";

	private final FunctionsOperations functions;

	private final @Nullable FunctionsAdmin admin;

	private final @Nullable CircuitBreaker circuitBreaker;

	private final RecentFunctionsCalls recentCalls;

	/**
	 * Create the endpoint.
	 * @param functions the client, for its rate limit and managed access keys
	 * @param admin the admin of the declared resources, or {@code null} if there is none
	 * @param circuitBreaker the client's circuit breaker, or {@code null} if it has none
	 * @param recentCalls the latest successful and failed calls
	 */
	public FunctionsEndpoint(FunctionsOperations functions, @Nullable FunctionsAdmin admin,
			@Nullable CircuitBreaker circuitBreaker, RecentFunctionsCalls recentCalls) {
		this.functions = functions;
		this.admin = admin;
		this.circuitBreaker = circuitBreaker;
		this.recentCalls = recentCalls;
	}

	/**
	 * Describe the client and the declared resources.
	 * @param refresh whether to read DigitalOcean now (reads only) rather than show what
	 * was last seen; {@code false} when not given
	 * @return the description
	 */
	@ReadOperation
	public FunctionsDescriptor functions(@Nullable Boolean refresh) {
		return new FunctionsDescriptor(declared(Boolean.TRUE.equals(refresh)), this.functions.managedAccessKeys(),
				rateLimit(), circuitBreaker(), this.recentCalls.lastSuccess(), this.recentCalls.lastError());
	}

	private DeclaredDescriptor declared(boolean refresh) {
		if (this.admin == null) {
			return new DeclaredDescriptor(null, false, false, null, List.of(), List.of());
		}
		String refreshError = null;
		boolean refreshed = false;
		if (refresh && !this.admin.getDeclarations().isEmpty()) {
			try {
				this.admin.plan();
				refreshed = true;
			}
			catch (ProvisioningException ex) {
				refreshError = ex.getMessage();
			}
		}
		LastPlan last = this.admin.lastPlan();
		List<NamespaceDescriptor> namespaces = this.admin.getDeclarations()
			.stream()
			.map((declaration) -> namespace(declaration, last))
			.toList();
		return (last != null)
				? new DeclaredDescriptor(last.time(), last.provisioned(), refreshed, refreshError, namespaces,
						last.plan().problems())
				: new DeclaredDescriptor(null, false, refreshed, refreshError, namespaces, List.of());
	}

	private static NamespaceDescriptor namespace(NamespaceDeclaration declaration, @Nullable LastPlan last) {
		String label = declaration.label();
		ProvisioningPlan plan = (last != null) ? last.plan() : null;
		boolean provisioned = last != null && last.provisioned();
		Change change = (plan != null) ? change(plan, label, null) : null;
		List<TriggerDescriptor> triggers = declaration.triggers()
			.stream()
			.map((trigger) -> trigger(label, trigger, plan, provisioned))
			.toList();
		Set<String> declared = declaration.triggers()
			.stream()
			.map(TriggerDeclaration::name)
			.collect(Collectors.toSet());
		List<String> undeclared = (plan != null) ? plan.changes()
			.stream()
			.filter((candidate) -> label.equals(candidate.namespace()) && candidate.trigger() != null
					&& !declared.contains(candidate.trigger()))
			.filter((candidate) -> !(provisioned && candidate.action() == ProvisioningPlan.Action.DELETE))
			.map(Change::trigger)
			.toList() : List.of();
		String state = state(change, provisioned);
		return new NamespaceDescriptor(label, (plan != null) ? plan.namespaceId(label) : null, declaration.region(),
				state, differences(state, change), triggers, undeclared);
	}

	private static TriggerDescriptor trigger(String label, TriggerDeclaration declaration,
			@Nullable ProvisioningPlan plan, boolean provisioned) {
		Change change = (plan != null) ? change(plan, label, declaration.name()) : null;
		Trigger seen = (plan != null) ? plan.trigger(label, declaration.name()) : null;
		ScheduledRuns runs = (seen != null) ? seen.scheduledRuns() : null;
		String state = state(change, provisioned);
		return new TriggerDescriptor(declaration.name(), declaration.function(), declaration.cron(),
				(seen != null) ? seen.isEnabled() : null, state, differences(state, change),
				(runs != null) ? runs.lastRunAt() : null, (runs != null) ? runs.nextRunAt() : null);
	}

	private static @Nullable Change change(ProvisioningPlan plan, String label, @Nullable String trigger) {
		return plan.changes()
			.stream()
			.filter((change) -> label.equals(change.namespace())
					&& ((trigger != null) ? trigger.equals(change.trigger()) : change.trigger() == null))
			.findFirst()
			.orElse(null);
	}

	private static String state(@Nullable Change change, boolean provisioned) {
		if (change == null) {
			return UNKNOWN;
		}
		return switch (change.action()) {
			case UNCHANGED, DELETE -> PRESENT;
			case CREATE -> provisioned ? PRESENT : MISSING;
			case UPDATE, RECREATE -> provisioned ? PRESENT : DRIFTED;
			case CONFLICT -> DRIFTED;
		};
	}

	private static List<String> differences(String state, @Nullable Change change) {
		return (change != null && (DRIFTED.equals(state) || MISSING.equals(state))) ? change.reasons() : List.of();
	}

	private @Nullable RateLimitDescriptor rateLimit() {
		RateLimit latest = this.functions.rateLimit();
		return latest.isKnown() ? new RateLimitDescriptor(latest.limit(), latest.remaining(), latest.reset()) : null;
	}

	private @Nullable CircuitBreakerDescriptor circuitBreaker() {
		CircuitBreaker breaker = this.circuitBreaker;
		return (breaker != null) ? new CircuitBreakerDescriptor(breaker.getName(), breaker.getState().name(),
				breaker.getMetrics().getFailureRate()) : null;
	}

	/**
	 * What the endpoint shows.
	 *
	 * @param declared the declared namespaces and triggers, as last seen at DigitalOcean
	 * @param managedAccessKeys the access keys the client made for itself to call
	 * functions and has not deleted yet, never with their secrets
	 * @param rateLimit the hourly budget as the latest answer described it, {@code null}
	 * before any answer
	 * @param circuitBreaker the client's circuit breaker, {@code null} if it has none
	 * @param lastSuccess the latest successful call to the API, {@code null} if none yet
	 * @param lastError the latest failed call to the API, {@code null} if none yet
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FunctionsDescriptor(DeclaredDescriptor declared, List<ManagedAccessKeyInfo> managedAccessKeys,
			@Nullable RateLimitDescriptor rateLimit, @Nullable CircuitBreakerDescriptor circuitBreaker,
			@Nullable Map<String, Object> lastSuccess,
			@Nullable Map<String, Object> lastError) implements OperationResponseBody {

	}

	/**
	 * The declared namespaces and triggers, as last seen.
	 *
	 * @param seenAt when DigitalOcean was last read, {@code null} if it was not yet
	 * @param provisioned whether what was seen then was provisioned, so that the
	 * resources seen missing or drifted were made as declared
	 * @param refreshed whether this request read DigitalOcean again
	 * @param refreshError why reading DigitalOcean again failed, if it did; what was seen
	 * before is shown
	 * @param namespaces each declared namespace, in declaration order
	 * @param problems what keeps provisioning from writing, from the latest plan
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DeclaredDescriptor(@Nullable Instant seenAt, boolean provisioned, boolean refreshed,
			@Nullable String refreshError, List<NamespaceDescriptor> namespaces, List<String> problems) {

	}

	/**
	 * A declared namespace.
	 *
	 * @param label its label
	 * @param id its identifier ({@code fn-...}), {@code null} if missing or not seen yet
	 * @param region the declared region, {@code null} if none is declared
	 * @param state {@code present}, {@code drifted}, {@code missing} or {@code unknown}
	 * (not seen yet)
	 * @param differences what differs, when drifted or missing
	 * @param triggers its declared triggers
	 * @param undeclaredTriggers the names of its triggers that nothing declares
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NamespaceDescriptor(String label, @Nullable String id, @Nullable String region, String state,
			List<String> differences, List<TriggerDescriptor> triggers, List<String> undeclaredTriggers) {

	}

	/**
	 * A declared trigger. Its body is never shown.
	 *
	 * @param name its name
	 * @param function the declared function
	 * @param cron the declared schedule
	 * @param enabled whether it fires, as DigitalOcean said; {@code null} if not seen
	 * @param state {@code present}, {@code drifted}, {@code missing} or {@code unknown}
	 * (not seen yet)
	 * @param differences what differs, when drifted or missing
	 * @param lastRunAt when it last ran, as DigitalOcean said; {@code null} if never or
	 * not seen
	 * @param nextRunAt when it runs next, as DigitalOcean said; {@code null} if none is
	 * planned or not seen
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TriggerDescriptor(String name, String function, String cron, @Nullable Boolean enabled, String state,
			List<String> differences, @Nullable Instant lastRunAt, @Nullable Instant nextRunAt) {

	}

	/**
	 * The hourly request budget, as the latest answer's {@code ratelimit-*} headers said.
	 *
	 * @param limit requests allowed per hour
	 * @param remaining requests left
	 * @param reset when the oldest counted request expires and frees a slot
	 */
	public record RateLimitDescriptor(@Nullable Integer limit, @Nullable Integer remaining, @Nullable Instant reset) {

	}

	/**
	 * The client's circuit breaker.
	 *
	 * @param name its name
	 * @param state its state, such as {@code CLOSED} or {@code OPEN}
	 * @param failureRate its failure rate in percent, {@code -1.0} until enough calls
	 * were made
	 */
	public record CircuitBreakerDescriptor(String name, String state, float failureRate) {

	}

}
