package io.github.dofunctions.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.dofunctions.client.Envelopes.AccessKeyEnvelope;
import io.github.dofunctions.client.Envelopes.AccessKeyList;
import io.github.dofunctions.client.Envelopes.NamespaceEnvelope;
import io.github.dofunctions.client.Envelopes.NamespaceList;
import io.github.dofunctions.client.Envelopes.TriggerEnvelope;
import io.github.dofunctions.client.Envelopes.TriggerList;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsOrphanedAccessKeyException;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.ClientRules;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.ManagedAccessKeyInfo;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.model.Trigger;
import io.github.dofunctions.client.model.UpdateAccessKeyRequest;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link FunctionsOperations} on Spring's reactive {@link WebClient}.
 * <p>
 * Built with {@link #builder()}; with Spring Boot the starter builds one from
 * {@code do.functions.*} properties. The template takes a copy of the
 * {@link WebClient.Builder} it is given and sets on the copy what the API needs: the base
 * URL with strict encoding of path variables, JSON and authentication headers, masked
 * request details in logs. It reads and writes JSON with its own mapper, never the
 * application's.
 * <p>
 * {@link #close()} deletes the access keys the template made for its invokers; with
 * Spring Boot it is called when the application context closes.
 */
public final class FunctionsTemplate implements FunctionsOperations, AutoCloseable {

	/** Base URL of DigitalOcean's public API. */
	public static final String DEFAULT_BASE_URL = "https://api.digitalocean.com";

	/** Default largest response body the client reads: 1 MiB. */
	public static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(1);

	/** Default time one attempt on the control-plane API may take: 30 seconds. */
	public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	private final String baseUrl;

	private final ApiExchange exchange;

	private final RateLimitState rateLimit;

	private final ResilientCalls calls;

	private final Invokers invokers;

	private FunctionsTemplate(Builder builder) {
		this.baseUrl = builder.baseUrl; // checked when it was set
		JsonMapper json = FunctionsJson.mapper();
		FunctionsClientListener listener = FunctionsClientListener.of(builder.listeners);
		ObservationRegistry observations = (builder.observationRegistry != null) ? builder.observationRegistry
				: ObservationRegistry.NOOP;
		this.rateLimit = new RateLimitState();
		ApiClients controlPlane = new ApiClients(builder.webClientBuilder, builder.userAgent,
				builder.observationRegistry);
		this.exchange = new ApiExchange(controlPlane.webClient(this.baseUrl), ApiExchange.bearer(builder.token), json,
				(int) builder.maxResponseSize.toBytes(), builder.clock, this.rateLimit);
		this.calls = new ResilientCalls(builder.resilience, this.rateLimit, BudgetScopes.ofToken(builder.token),
				listener, observations, builder.responseTimeout);
		WebClient.Builder apiHostBuilder = (builder.invocation.webClientBuilder() != null)
				? builder.invocation.webClientBuilder() : builder.webClientBuilder;
		this.invokers = new Invokers(this, builder.invocation,
				new ApiClients(apiHostBuilder, builder.userAgent, builder.observationRegistry), json, builder.clock,
				listener, observations);
	}

	/**
	 * Start building a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Flux<Namespace> listNamespaces() {
		return list(ApiOperation.LIST_NAMESPACES, NamespaceList.class);
	}

	@Override
	public Mono<Namespace> getNamespace(String namespaceId) {
		requireSegment(namespaceId, "namespaceId");
		return one(ApiOperation.GET_NAMESPACE, null, NamespaceEnvelope.class, namespaceId);
	}

	@Override
	public Mono<Namespace> createNamespace(CreateNamespaceRequest request) {
		Assert.notNull(request, "request must not be null");
		return create(ApiOperation.CREATE_NAMESPACE, request, NamespaceEnvelope.class,
				(earliest, lostAnswer) -> attempt(ApiOperation.LIST_NAMESPACES, NamespaceList.class)
					.filter((namespace) -> request.label().equals(namespace.label())
							&& createdSince(namespace.createdAt(), earliest))
					.next());
	}

	@Override
	public Mono<Void> deleteNamespace(String namespaceId) {
		requireSegment(namespaceId, "namespaceId");
		return delete(ApiOperation.DELETE_NAMESPACE, namespaceId);
	}

	@Override
	public Flux<Trigger> listTriggers(String namespaceId) {
		requireSegment(namespaceId, "namespaceId");
		return list(ApiOperation.LIST_TRIGGERS, TriggerList.class, namespaceId);
	}

	@Override
	public Mono<Trigger> getTrigger(String namespaceId, String triggerName) {
		requireSegment(namespaceId, "namespaceId");
		requireSegment(triggerName, "triggerName");
		return one(ApiOperation.GET_TRIGGER, null, TriggerEnvelope.class, namespaceId, triggerName);
	}

	@Override
	public Mono<Trigger> createTrigger(String namespaceId, CreateTriggerRequest request) {
		requireSegment(namespaceId, "namespaceId");
		Assert.notNull(request, "request must not be null");
		return create(ApiOperation.CREATE_TRIGGER, request, TriggerEnvelope.class,
				(earliest, lostAnswer) -> this.exchange
					.one(ApiOperation.GET_TRIGGER, null, TriggerEnvelope.class, namespaceId, request.name())
					.onErrorResume(FunctionsNotFoundException.class, (ex) -> Mono.empty())
					.filter((trigger) -> createdSince(trigger.createdAt(), earliest)),
				namespaceId);
	}

	@Override
	public Mono<Trigger> updateTrigger(String namespaceId, String triggerName, UpdateTriggerRequest request) {
		requireSegment(namespaceId, "namespaceId");
		requireSegment(triggerName, "triggerName");
		Assert.notNull(request, "request must not be null");
		return one(ApiOperation.UPDATE_TRIGGER, request, TriggerEnvelope.class, namespaceId, triggerName);
	}

	@Override
	public Mono<Void> deleteTrigger(String namespaceId, String triggerName) {
		requireSegment(namespaceId, "namespaceId");
		requireSegment(triggerName, "triggerName");
		return delete(ApiOperation.DELETE_TRIGGER, namespaceId, triggerName);
	}

	@Override
	public Flux<AccessKey> listAccessKeys(String namespaceId) {
		requireSegment(namespaceId, "namespaceId");
		return list(ApiOperation.LIST_ACCESS_KEYS, AccessKeyList.class, namespaceId);
	}

	/**
	 * Creates an access key. If an attempt's answer is lost and the key turns out to
	 * exist, its secret is gone with that answer: the call fails with a
	 * {@link FunctionsOrphanedAccessKeyException} naming the key, rather than return a
	 * key without its secret or delete a key that someone else may hold.
	 */
	@Override
	public Mono<AccessKey> createAccessKey(String namespaceId, CreateAccessKeyRequest request) {
		requireSegment(namespaceId, "namespaceId");
		Assert.notNull(request, "request must not be null");
		return create(ApiOperation.CREATE_ACCESS_KEY, request, AccessKeyEnvelope.class,
				(earliest, lostAnswer) -> attempt(ApiOperation.LIST_ACCESS_KEYS, AccessKeyList.class, namespaceId)
					.filter((key) -> request.name().equals(key.name()) && createdSince(key.createdAt(), earliest))
					.next()
					.flatMap((orphan) -> Mono.error(new FunctionsOrphanedAccessKeyException(
							ApiOperation.CREATE_ACCESS_KEY.operationName(), orphan, lostAnswer))),
				namespaceId);
	}

	@Override
	public Mono<AccessKey> updateAccessKey(String namespaceId, String keyId, UpdateAccessKeyRequest request) {
		requireSegment(namespaceId, "namespaceId");
		requireSegment(keyId, "keyId");
		Assert.notNull(request, "request must not be null");
		return one(ApiOperation.UPDATE_ACCESS_KEY, request, AccessKeyEnvelope.class, namespaceId, keyId);
	}

	@Override
	public Mono<Void> deleteAccessKey(String namespaceId, String keyId) {
		requireSegment(namespaceId, "namespaceId");
		requireSegment(keyId, "keyId");
		return delete(ApiOperation.DELETE_ACCESS_KEY, namespaceId, keyId);
	}

	@Override
	public FunctionInvoker invoker(String namespaceId) {
		requireSegment(namespaceId, "namespaceId");
		return this.invokers.invoker(namespaceId, null);
	}

	@Override
	public FunctionInvoker invoker(String namespaceId, InvocationCredentials credentials) {
		requireSegment(namespaceId, "namespaceId");
		Assert.notNull(credentials, "credentials must not be null");
		return this.invokers.invoker(namespaceId, credentials);
	}

	@Override
	public FunctionDeployer deployer(String namespaceId) {
		requireSegment(namespaceId, "namespaceId");
		return this.invokers.deployer(namespaceId, null);
	}

	@Override
	public FunctionDeployer deployer(String namespaceId, InvocationCredentials credentials) {
		requireSegment(namespaceId, "namespaceId");
		Assert.notNull(credentials, "credentials must not be null");
		return this.invokers.deployer(namespaceId, credentials);
	}

	/**
	 * A call answered with one resource: the operation's request, through the resilience
	 * as one operator.
	 */
	private <T> Mono<T> one(ApiOperation operation, @Nullable Object body, Class<? extends Envelopes.Single<T>> type,
			Object... uriVariables) {
		return this.exchange.one(operation, body, type, uriVariables).transformDeferred(this.calls.call(operation));
	}

	/**
	 * A call answered with a list of resources.
	 */
	private <T> Flux<T> list(ApiOperation operation, Class<? extends Envelopes.Many<T>> type, Object... uriVariables) {
		return this.exchange.list(operation, type, uriVariables)
			.transformDeferred(this.calls.call(operation))
			.flatMapIterable(Function.identity());
	}

	/**
	 * A listing sent once, as part of a call already under way (a create's lookup).
	 */
	private <T> Flux<T> attempt(ApiOperation operation, Class<? extends Envelopes.Many<T>> type,
			Object... uriVariables) {
		return this.exchange.list(operation, type, uriVariables).flatMapIterable(Function.identity());
	}

	private Mono<Void> delete(ApiOperation operation, Object... uriVariables) {
		return this.exchange.discard(operation, uriVariables).transformDeferred(this.calls.call(operation));
	}

	private <T> Mono<T> create(ApiOperation operation, Object body, Class<? extends Envelopes.Single<T>> type,
			CreateLookup<T> lookup, Object... uriVariables) {
		return this.exchange.one(operation, body, type, uriVariables)
			.transformDeferred(this.calls.create(operation, lookup));
	}

	/**
	 * Whether a resource found after a lost answer is the call's work: created since the
	 * call started. One without a creation time is taken to be, since a duplicate would
	 * be refused by the API anyway.
	 */
	private static boolean createdSince(@Nullable Instant createdAt, Instant earliest) {
		return createdAt == null || !createdAt.isBefore(earliest);
	}

	@Override
	public RateLimit rateLimit() {
		return this.rateLimit.latest();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The keys this template's invokers and deployers made for the namespaces they were
	 * given no credential for, including one a renewal replaced until it is deleted.
	 */
	@Override
	public List<ManagedAccessKeyInfo> managedAccessKeys() {
		return this.invokers.managedAccessKeys();
	}

	/**
	 * Delete the access keys this template made for its invokers, and the expired keys
	 * that carry their prefix, once a renewal under way has ended (best effort: a key
	 * that cannot be deleted within ten seconds expires by itself). The template stays
	 * usable: an invoker that needs a key again makes a new one.
	 */
	@Override
	public void close() {
		this.invokers.close();
	}

	@Override
	public String toString() {
		return "FunctionsTemplate[baseUrl=" + this.baseUrl + "]";
	}

	/**
	 * Check a value that becomes one path segment. Every character is percent-encoded
	 * except the unreserved ones, so a name cannot add segments; {@code .} and {@code ..}
	 * are refused because servers and proxies resolve them as relative paths.
	 */
	private static void requireSegment(@Nullable String value, String name) {
		Assert.hasText(value, () -> name + " must not be null or blank");
		Assert.isTrue(!value.equals(".") && !value.equals(".."), () -> name + " must not be '.' or '..'");
	}

	/**
	 * Builds a {@link FunctionsTemplate}.
	 */
	public static final class Builder {

		private WebClient.Builder webClientBuilder = WebClient.builder();

		private String baseUrl = DEFAULT_BASE_URL;

		private @Nullable Supplier<String> token;

		private @Nullable String userAgent;

		private DataSize maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

		private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

		private Clock clock = Clock.systemUTC();

		private FunctionsResilience resilience = FunctionsResilience.defaults();

		private final List<FunctionsClientListener> listeners = new ArrayList<>();

		private @Nullable ObservationRegistry observationRegistry;

		private InvocationSettings invocation = InvocationSettings.defaults();

		private Builder() {
		}

		/**
		 * Set how the template's {@link FunctionsTemplate#invoker(String) invokers} call
		 * functions.
		 * @param invocation the settings, {@link InvocationSettings#defaults()} by
		 * default
		 * @return this builder
		 */
		public Builder invocation(InvocationSettings invocation) {
			Assert.notNull(invocation, "invocation must not be null");
			this.invocation = invocation;
			return this;
		}

		/**
		 * Tell a listener what the calls do: retries, {@code 429}s, pacing waits and
		 * completed calls. May be called more than once.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(FunctionsClientListener listener) {
			Assert.notNull(listener, "listener must not be null");
			this.listeners.add(listener);
			return this;
		}

		/**
		 * Observe each call as {@code do.functions.client.calls}, and each HTTP request
		 * as WebClient does, in the given registry. With Spring Boot, its
		 * {@code WebClient.Builder} already carries the application's registry.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			Assert.notNull(observationRegistry, "observationRegistry must not be null");
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Set how calls are retried, paced and cut off.
		 * @param resilience the resilience, {@link FunctionsResilience#defaults()} by
		 * default; {@link FunctionsResilience#none()} sends each call once, as it comes
		 * @return this builder
		 */
		public Builder resilience(FunctionsResilience resilience) {
			Assert.notNull(resilience, "resilience must not be null");
			this.resilience = resilience;
			return this;
		}

		/**
		 * Use the given builder, copied, for the template's {@link WebClient}: its
		 * connector, filters and observation settings apply to every call.
		 * @param webClientBuilder the builder to copy; not modified
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			Assert.notNull(webClientBuilder, "webClientBuilder must not be null");
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * Set the base URL of the API. Plain {@code http} is accepted only for a loopback
		 * host (such as the emulator), since the token would otherwise cross the network
		 * in clear text.
		 * @param baseUrl the base URL, {@value FunctionsTemplate#DEFAULT_BASE_URL} by
		 * default
		 * @return this builder
		 * @throws IllegalArgumentException at once if it is blank, not an absolute http
		 * or https URL, or plain http to a host that is not loopback
		 */
		public Builder baseUrl(String baseUrl) {
			Assert.hasText(baseUrl, "baseUrl must not be null or blank");
			this.baseUrl = ApiClients.checkBaseUrl(baseUrl);
			return this;
		}

		/**
		 * Set the API token.
		 * @param token a DigitalOcean personal access token or OAuth token
		 * @return this builder
		 * @throws IllegalArgumentException if it is blank or holds white space or control
		 * characters (which no header can carry); the message never shows the token
		 */
		public Builder token(String token) {
			// The rule's reason never shows the token: it is a secret.
			ClientRules.check("token", ClientRules.token(token));
			return tokenSupplier(() -> token);
		}

		/**
		 * Set where the API token comes from. The supplier is asked on every request, so
		 * a rotated token takes effect at once.
		 * @param token supplier of the current token
		 * @return this builder
		 */
		public Builder tokenSupplier(Supplier<String> token) {
			Assert.notNull(token, "token must not be null");
			this.token = token;
			return this;
		}

		/**
		 * Set the application's product token, sent in the {@code User-Agent} header
		 * before this client's own.
		 * @param userAgent a product token such as {@code my-service/1.4}, or
		 * {@code null}
		 * @return this builder
		 */
		public Builder userAgent(@Nullable String userAgent) {
			ClientRules.check("userAgent", ClientRules.userAgent(userAgent));
			this.userAgent = userAgent;
			return this;
		}

		/**
		 * Set the largest response body the client reads from the control-plane API; a
		 * larger one fails the call with a
		 * {@link io.github.dofunctions.client.error.FunctionsInvalidResponseException}.
		 * Answers of API hosts have their own limit,
		 * {@link InvocationSettings.Builder#maxResponseSize(DataSize)}.
		 * @param maxResponseSize the limit, 1 MiB by default
		 * @return this builder
		 */
		public Builder maxResponseSize(DataSize maxResponseSize) {
			Assert.notNull(maxResponseSize, "maxResponseSize must not be null");
			Assert.isTrue(maxResponseSize.toBytes() > 0 && maxResponseSize.toBytes() <= Integer.MAX_VALUE,
					"maxResponseSize must be between 1 byte and 2 GiB");
			this.maxResponseSize = maxResponseSize;
			return this;
		}

		/**
		 * Set how long one attempt on the control-plane API may take, from its start
		 * until the last byte of the answer, whatever the HTTP connector: an attempt cut
		 * by it fails with a
		 * {@link io.github.dofunctions.client.error.FunctionsTimeoutException}, which
		 * GET, PUT and DELETE calls retry. The connector's own read timeout, where it has
		 * one, may cover less: the JDK {@code HttpClient} times only the headers before
		 * JDK 26 (JDK-8208693). API hosts have their own,
		 * {@link InvocationSettings.Builder#responseTimeout(Duration)}.
		 * @param responseTimeout the timeout, {@link #DEFAULT_RESPONSE_TIMEOUT} by
		 * default
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			Assert.isTrue(responseTimeout != null && responseTimeout.toMillis() > 0,
					"responseTimeout must be at least 1 ms");
			this.responseTimeout = responseTimeout;
			return this;
		}

		/**
		 * Set the clock used to read {@code retry-after} dates, for tests.
		 * @param clock the clock, the system UTC clock by default
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "clock must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Build the template.
		 * @return the template
		 * @throws IllegalArgumentException if no token is set or the base URL is invalid
		 * or insecure
		 */
		public FunctionsTemplate build() {
			Assert.notNull(this.token, "token must be set: a DigitalOcean API token is required");
			return new FunctionsTemplate(this);
		}

	}

}
