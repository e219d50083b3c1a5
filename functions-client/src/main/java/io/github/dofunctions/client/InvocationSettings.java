package io.github.dofunctions.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.dofunctions.client.model.ClientRules;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How a {@link FunctionsTemplate} calls functions: the resilience of each namespace, how
 * long callers wait for a result, how demoted calls are polled, the access keys the
 * client makes for itself, and the HTTP client used on the namespaces' API hosts.
 */
public final class InvocationSettings {

	/** Default prefix of the names of the access keys the client makes. */
	public static final String DEFAULT_MANAGED_KEY_PREFIX = "do-functions";

	/**
	 * Default largest answer read from an API host: 4 MB. DigitalOcean allows a 1 MB
	 * result and 256 KB of logs per activation (Functions "Limits"); an activation record
	 * carries both, and JSON escaping with the timestamp of each log line can more than
	 * double the logs.
	 */
	public static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(4);

	/**
	 * Default time an attempt on an API host may take until the whole answer has come: 90
	 * seconds, room for a blocking invocation, which the platform answers within 30
	 * seconds or turns asynchronous ("How to Call Long-running Functions
	 * Asynchronously"), and for a slow network.
	 */
	public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(90);

	private final Function<String, FunctionsResilience> resilience;

	private final Duration deadline;

	private final Duration responseTimeout;

	private final Duration pollInterval;

	private final Duration maxPollInterval;

	private final WebClient.@Nullable Builder webClientBuilder;

	private final DataSize maxResponseSize;

	private final String managedKeyPrefix;

	private final @Nullable String applicationName;

	private final Duration managedKeyLifetime;

	private final Duration managedKeyRenewBefore;

	private final Map<String, InvocationCredentials> accessKeys;

	private InvocationSettings(Builder builder) {
		this.resilience = builder.resilience;
		this.deadline = builder.deadline;
		this.responseTimeout = builder.responseTimeout;
		this.pollInterval = builder.pollInterval;
		this.maxPollInterval = builder.maxPollInterval;
		this.webClientBuilder = builder.webClientBuilder;
		this.maxResponseSize = builder.maxResponseSize;
		this.managedKeyPrefix = builder.managedKeyPrefix;
		this.applicationName = builder.applicationName;
		this.managedKeyLifetime = builder.managedKeyLifetime;
		this.managedKeyRenewBefore = builder.managedKeyRenewBefore;
		this.accessKeys = Map.copyOf(builder.accessKeys);
	}

	/**
	 * Return the default settings: {@link FunctionsResilience#invocationDefaults(String)}
	 * for each namespace, a five-minute deadline, polls from half a second apart growing
	 * to five seconds, answers of up to {@link #DEFAULT_MAX_RESPONSE_SIZE}, managed
	 * access keys named {@value #DEFAULT_MANAGED_KEY_PREFIX}{@code -...} that live a day
	 * and are renewed an hour before they expire, and the template's own HTTP client.
	 * @return the default settings
	 */
	public static InvocationSettings defaults() {
		return builder().build();
	}

	/**
	 * Start building settings from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the resilience of the calls to a namespace's functions: made anew for each
	 * namespace, each needing its own breaker and budget.
	 * @param namespaceId the namespace
	 * @return the resilience of its calls
	 */
	public FunctionsResilience resilience(String namespaceId) {
		return this.resilience.apply(namespaceId);
	}

	/**
	 * Return how long a caller waits for a result unless the invocation says otherwise.
	 * @return the default deadline
	 */
	public Duration deadline() {
		return this.deadline;
	}

	/**
	 * Return how long one attempt on an API host may take, from its start until the last
	 * byte of the answer.
	 * @return the response timeout
	 */
	public Duration responseTimeout() {
		return this.responseTimeout;
	}

	/**
	 * Return the first interval between polls of an activation.
	 * @return the first poll interval
	 */
	public Duration pollInterval() {
		return this.pollInterval;
	}

	/**
	 * Return the longest interval between polls of an activation.
	 * @return the longest poll interval
	 */
	public Duration maxPollInterval() {
		return this.maxPollInterval;
	}

	BackOffExecution pollIntervals() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.pollInterval.toMillis(), 2.0);
		backOff.setMaxInterval(this.maxPollInterval.toMillis());
		return backOff.start();
	}

	WebClient.@Nullable Builder webClientBuilder() {
		return this.webClientBuilder;
	}

	/**
	 * Return the largest answer read from an API host.
	 * @return the limit
	 */
	public DataSize maxResponseSize() {
		return this.maxResponseSize;
	}

	/**
	 * Return the prefix of the names of the access keys the client makes.
	 * @return the prefix
	 */
	public String managedKeyPrefix() {
		return this.managedKeyPrefix;
	}

	/**
	 * Return the application's name, part of the names of the access keys the client
	 * makes.
	 * @return the name, or {@code null} for none
	 */
	public @Nullable String applicationName() {
		return this.applicationName;
	}

	/**
	 * Return the lifetime ({@code expires_in}) of the access keys the client makes.
	 * @return the lifetime, whole hours
	 */
	public Duration managedKeyLifetime() {
		return this.managedKeyLifetime;
	}

	/**
	 * Return the access key given for a namespace's invokers.
	 * @param namespaceId the namespace
	 * @return its access key, or {@code null} if the client makes its own for it
	 */
	public @Nullable InvocationCredentials accessKey(String namespaceId) {
		return this.accessKeys.get(namespaceId);
	}

	/**
	 * Return how long before a managed access key expires the next is made.
	 * @return the time left to a key when it is renewed
	 */
	public Duration managedKeyRenewBefore() {
		return this.managedKeyRenewBefore;
	}

	/**
	 * Builds {@link InvocationSettings}, starting from the defaults.
	 */
	public static final class Builder {

		private Function<String, FunctionsResilience> resilience = FunctionsResilience::invocationDefaults;

		private Duration deadline = Duration.ofMinutes(5);

		private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

		private Duration pollInterval = Duration.ofMillis(500);

		private Duration maxPollInterval = Duration.ofSeconds(5);

		private WebClient.@Nullable Builder webClientBuilder;

		private DataSize maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

		private String managedKeyPrefix = DEFAULT_MANAGED_KEY_PREFIX;

		private @Nullable String applicationName;

		private Duration managedKeyLifetime = Duration.ofDays(1);

		private Duration managedKeyRenewBefore = Duration.ofHours(1);

		private final Map<String, InvocationCredentials> accessKeys = new HashMap<>();

		private Builder() {
		}

		/**
		 * Authenticate the calls to a namespace's functions with the given access key,
		 * instead of one the client makes for itself: {@code invoker(namespaceId)} then
		 * uses it. A key given this way is never replaced nor deleted by the client.
		 * @param namespaceId the namespace the key belongs to
		 * @param accessKey the key's id and secret
		 * @return this builder
		 */
		public Builder accessKey(String namespaceId, InvocationCredentials accessKey) {
			Assert.hasText(namespaceId, "namespaceId must not be null or blank");
			Assert.notNull(accessKey, "accessKey must not be null");
			this.accessKeys.put(namespaceId, accessKey);
			return this;
		}

		/**
		 * Set how the calls to each namespace's functions are retried, paced and cut off.
		 * Called once per namespace: each needs its own breaker and budget.
		 * @param resilience makes the resilience of a namespace from its id
		 * @return this builder
		 */
		public Builder resilience(Function<String, FunctionsResilience> resilience) {
			Assert.notNull(resilience, "resilience must not be null");
			this.resilience = resilience;
			return this;
		}

		/**
		 * Set how long a caller waits for a result unless the invocation says otherwise.
		 * @param deadline the deadline, five minutes by default
		 * @return this builder
		 */
		public Builder deadline(Duration deadline) {
			Assert.isTrue(deadline != null && !deadline.isNegative() && !deadline.isZero(),
					"deadline must be positive");
			this.deadline = deadline;
			return this;
		}

		/**
		 * Set how long one attempt on an API host may take, from its start until the last
		 * byte of the answer, whatever the HTTP connector: an attempt cut by it fails
		 * with a {@link io.github.dofunctions.client.error.FunctionsTimeoutException}
		 * (the function may have run). The connector's own read timeout, where it has
		 * one, may cover less: the JDK {@code HttpClient} times only the headers before
		 * JDK 26 (JDK-8208693).
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
		 * Set how often a demoted or started activation is polled: first after
		 * {@code first}, then twice as long each time, up to {@code max}.
		 * @param first the first interval, half a second by default
		 * @param max the longest interval, five seconds by default
		 * @return this builder
		 */
		public Builder pollInterval(Duration first, Duration max) {
			Assert.isTrue(first != null && first.toMillis() > 0, "first poll interval must be at least 1 ms");
			Assert.isTrue(max != null && max.compareTo(first) >= 0, "max poll interval must not be below the first");
			this.pollInterval = first;
			this.maxPollInterval = max;
			return this;
		}

		/**
		 * Set the largest answer read from an API host; a larger one fails the call with
		 * a {@link io.github.dofunctions.client.error.FunctionsInvalidResponseException}.
		 * @param maxResponseSize the limit, {@link #DEFAULT_MAX_RESPONSE_SIZE} by default
		 * @return this builder
		 */
		public Builder maxResponseSize(DataSize maxResponseSize) {
			Assert.isTrue(
					maxResponseSize != null && maxResponseSize.toBytes() > 0
							&& maxResponseSize.toBytes() <= Integer.MAX_VALUE,
					"maxResponseSize must be between 1 byte and 2 GiB");
			this.maxResponseSize = maxResponseSize;
			return this;
		}

		/**
		 * Set how the access keys the client makes for itself are named:
		 * {@code <prefix>-<application>-<instance>-<n>}, where the instance is random for
		 * each template and {@code n} counts its keys of a namespace.
		 * @param prefix the prefix,
		 * {@value InvocationSettings#DEFAULT_MANAGED_KEY_PREFIX} by default: letters,
		 * digits, {@code -} and {@code _}; expired keys that carry it may be deleted
		 * @param applicationName the application's name, or {@code null} for none;
		 * characters other than letters, digits and {@code -} become {@code -}
		 * @return this builder
		 */
		public Builder managedKeyName(String prefix, @Nullable String applicationName) {
			ClientRules.check("managed key prefix", ClientRules.managedKeyPrefix(prefix));
			this.managedKeyPrefix = prefix;
			this.applicationName = applicationName;
			return this;
		}

		/**
		 * Set how long the access keys the client makes for itself live, and when the
		 * next is made.
		 * @param lifetime the {@code expires_in} of each key, whole hours of at least
		 * one, a day by default
		 * @param renewBefore how long before a key expires the next is made, an hour by
		 * default; less than the lifetime
		 * @return this builder
		 */
		public Builder managedKeyLifetime(Duration lifetime, Duration renewBefore) {
			ClientRules.check("lifetime", ClientRules.keyLifetime(lifetime));
			ClientRules.check("renewBefore", ClientRules.renewBefore(renewBefore, lifetime));
			this.managedKeyLifetime = lifetime;
			this.managedKeyRenewBefore = renewBefore;
			return this;
		}

		/**
		 * Use the given builder, copied, for calls to API hosts, for example with a
		 * connector of its own.
		 * @param webClientBuilder the builder to copy, or {@code null} for the template's
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.@Nullable Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public InvocationSettings build() {
			return new InvocationSettings(this);
		}

	}

}
