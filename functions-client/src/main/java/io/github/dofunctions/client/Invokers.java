package io.github.dofunctions.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.ManagedAccessKeyInfo;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The invokers and deployers of one {@link FunctionsTemplate}: one per namespace and
 * credential, every one of a namespace sharing its resilience and rate-limit state, and
 * the access keys made for those given no credential.
 */
final class Invokers {

	private static final Log logger = LogFactory.getLog(Invokers.class);

	/** Longest {@link #close()} waits for the managed access keys to be deleted. */
	static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

	private final FunctionsOperations operations;

	private final InvocationSettings settings;

	private final ApiClients apiHosts;

	private final JsonMapper json;

	private final Clock clock;

	private final FunctionsClientListener listener;

	private final ObservationRegistry observations;

	private final String keyName;

	private final Map<InvokerKey, FunctionInvoker> invokers = new ConcurrentHashMap<>();

	private final Map<InvokerKey, FunctionDeployer> deployers = new ConcurrentHashMap<>();

	private final Map<InvokerKey, ApiHostCalls> apiHostCalls = new ConcurrentHashMap<>();

	private final Map<String, NamespaceCalls> calls = new ConcurrentHashMap<>();

	private final Map<String, ManagedAccessKey> managedKeys = new ConcurrentHashMap<>();

	/**
	 * @param operations the control-plane client: reads namespaces, makes access keys
	 * @param apiHosts makes the clients of API hosts
	 */
	Invokers(FunctionsOperations operations, InvocationSettings settings, ApiClients apiHosts, JsonMapper json,
			Clock clock, FunctionsClientListener listener, ObservationRegistry observations) {
		this.operations = operations;
		this.settings = settings;
		this.apiHosts = apiHosts;
		this.json = json;
		this.clock = clock;
		this.listener = listener;
		this.observations = observations;
		this.keyName = managedKeyName(settings);
	}

	/**
	 * Return the invoker of a namespace, with the given credential, else the access key
	 * the settings give for the namespace, else a managed key.
	 */
	FunctionInvoker invoker(String namespaceId, @Nullable InvocationCredentials credentials) {
		InvocationCredentials given = (credentials != null) ? credentials : this.settings.accessKey(namespaceId);
		return this.invokers.computeIfAbsent(new InvokerKey(namespaceId, given), this::create);
	}

	/**
	 * Return the deployer of a namespace, with the given credential, else the access key
	 * the settings give for the namespace, else a managed key: the same calls as the
	 * namespace's invoker of that credential.
	 */
	FunctionDeployer deployer(String namespaceId, @Nullable InvocationCredentials credentials) {
		InvocationCredentials given = (credentials != null) ? credentials : this.settings.accessKey(namespaceId);
		return this.deployers.computeIfAbsent(new InvokerKey(namespaceId, given),
				(key) -> new WebClientFunctionDeployer(apiHostCalls(key), this.json));
	}

	private FunctionInvoker create(InvokerKey key) {
		return new WebClientFunctionInvoker(apiHostCalls(key), this.json, this.settings, this.clock);
	}

	private ApiHostCalls apiHostCalls(InvokerKey key) {
		return this.apiHostCalls.computeIfAbsent(key, (absent) -> {
			NamespaceCalls namespace = this.calls.computeIfAbsent(key.namespaceId(), this::createCalls);
			Mono<ApiExchange> apiHost = this.operations.getNamespace(key.namespaceId())
				.map((found) -> apiHost(found, namespace.rateLimit()))
				// Kept once resolved; a failure is not kept, so the next call tries
				// again.
				.cacheInvalidateIf((kept) -> false);
			InvocationCredentialSource credentials = (key.credentials() != null)
					? InvocationCredentialSource.of(key.credentials())
					: this.managedKeys.computeIfAbsent(key.namespaceId(), this::createManagedKey);
			return new ApiHostCalls(key.namespaceId(), apiHost, credentials, namespace.calls());
		});
	}

	/**
	 * Make the calls of a namespace: every invoker of the namespace, whatever its
	 * credential, shares its budget, concurrency limit, breaker and rate-limit state.
	 */
	private NamespaceCalls createCalls(String namespaceId) {
		RateLimitState rateLimit = new RateLimitState();
		return new NamespaceCalls(new ResilientCalls(this.settings.resilience(namespaceId), rateLimit,
				BudgetScopes.ofNamespace(namespaceId), this.listener, this.observations,
				this.settings.responseTimeout()), rateLimit);
	}

	private ManagedAccessKey createManagedKey(String namespaceId) {
		return new ManagedAccessKey(this.operations, namespaceId, this.settings.managedKeyPrefix(), this.keyName,
				this.settings.managedKeyLifetime(), this.settings.managedKeyRenewBefore(), this.clock);
	}

	/**
	 * Make the exchange with a namespace's API host; each request says its credential.
	 */
	private ApiExchange apiHost(Namespace namespace, RateLimitState rateLimit) {
		if (namespace.apiHost() == null || namespace.apiHost().isBlank()) {
			throw new FunctionsInvalidResponseException(ApiOperation.GET_NAMESPACE.operationName(), 200,
					"namespace " + namespace.id() + " has no api_host to call its functions on", null, null);
		}
		String apiHost = ApiClients.checkBaseUrl(namespace.apiHost());
		return new ApiExchange(this.apiHosts.webClient(apiHost), apiHost, null, this.json,
				(int) this.settings.maxResponseSize().toBytes(), this.clock, rateLimit);
	}

	/**
	 * Describe the access keys made for the invokers and not yet deleted, never with
	 * their secrets.
	 */
	List<ManagedAccessKeyInfo> managedAccessKeys() {
		return this.managedKeys.values()
			.stream()
			.flatMap((keys) -> keys.keys().stream())
			.sorted(Comparator.comparing(ManagedAccessKeyInfo::namespaceId))
			.toList();
	}

	/**
	 * Delete the access keys made for the invokers, waiting at most
	 * {@link #CLOSE_TIMEOUT}; from a thread that must not block, in the background.
	 */
	void close() {
		Mono<Void> deletes = Flux.fromIterable(this.managedKeys.values())
			.flatMap(ManagedAccessKey::close)
			.then()
			.timeout(CLOSE_TIMEOUT)
			.doOnError((ex) -> logger
				.info("Could not delete every access key this client made; they expire by " + "themselves: " + ex))
			.onErrorComplete();
		if (Schedulers.isInNonBlockingThread()) {
			deletes.subscribe();
		}
		else {
			deletes.block();
		}
	}

	/**
	 * The name of the managed keys but their number:
	 * {@code <prefix>[-<application>]-<instance>}, the instance random for each client.
	 */
	private static String managedKeyName(InvocationSettings settings) {
		StringBuilder name = new StringBuilder(settings.managedKeyPrefix());
		String application = settings.applicationName();
		if (application != null) {
			String part = application.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
			part = part.substring(0, Math.min(part.length(), 40)).replaceAll("^-+|-+$", "");
			if (!part.isEmpty()) {
				name.append('-').append(part);
			}
		}
		byte[] instance = new byte[4];
		new SecureRandom().nextBytes(instance);
		return name.append('-').append(HexFormat.of().formatHex(instance)).toString();
	}

	/**
	 * One invoker per namespace and credential.
	 */
	private record InvokerKey(String namespaceId, @Nullable InvocationCredentials credentials) {

	}

	/**
	 * The resilient calls of one namespace, and the rate-limit state of its API host,
	 * which paces them.
	 */
	private record NamespaceCalls(ResilientCalls calls, RateLimitState rateLimit) {

	}

}
