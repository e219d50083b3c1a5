package io.github.dofunctions.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the DigitalOcean Functions client.
 * <p>
 * The properties check themselves when Spring Boot binds them (a {@link Validator}, which
 * needs no Bean Validation provider): a value out of range or a base URL the client would
 * refuse fails start-up with one failure analysis that names every wrong property, its
 * value, where it was set and why.
 */
@ConfigurationProperties("do.functions")
public class FunctionsProperties implements Validator {

	/**
	 * Whether to auto-configure the DigitalOcean Functions client.
	 */
	private boolean enabled = true;

	/**
	 * DigitalOcean API token with the 'function' scopes. When unset, the DIGITALOCEAN_TOKEN
	 * environment variable is used.
	 */
	private @Nullable String token;

	/**
	 * Base URL of the DigitalOcean API. Plain http is accepted only for a loopback host.
	 */
	private String baseUrl = "https://api.digitalocean.com";

	/**
	 * Maximum time to establish a connection to the API.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Maximum time to wait for an answer once a request is sent.
	 */
	private Duration responseTimeout = Duration.ofSeconds(30);

	/**
	 * Product token of the application, sent in the User-Agent header before the
	 * starter's own, for example 'my-service/1.4'.
	 */
	private @Nullable String userAgent;

	/**
	 * Largest response body read from the control-plane API. A larger body fails the
	 * call. Answers of API hosts have their own limit, invocation.max-response-size.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(1);

	/**
	 * Deadline of a whole call: every attempt, wait and lookup together.
	 */
	private Duration callTimeout = Duration.ofMinutes(2);

	private final Retry retry = new Retry();

	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	private final RateLimit rateLimit = new RateLimit();

	private final Health health = new Health();

	private final Invocation invocation = new Invocation();

	/**
	 * Check only these properties.
	 * @param type the class of the object to check
	 * @return whether it is {@code FunctionsProperties}
	 */
	@Override
	public boolean supports(Class<?> type) {
		return FunctionsProperties.class.isAssignableFrom(type);
	}

	/**
	 * Reject every value out of range, and a base URL the client would refuse.
	 * @param target these properties
	 * @param errors where each rejected property is recorded
	 */
	@Override
	public void validate(Object target, Errors errors) {
		FunctionsPropertiesValidator.validate((FunctionsProperties) target, errors);
	}

	public Invocation getInvocation() {
		return this.invocation;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public @Nullable String getUserAgent() {
		return this.userAgent;
	}

	public void setUserAgent(@Nullable String userAgent) {
		this.userAgent = userAgent;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Retry of calls that failed in a way that may pass.
	 */
	public static class Retry {

		/**
		 * Whether to retry calls that failed with a 429, a 500, 502, 503 or 504, a
		 * timeout or a lost connection. Creates are retried only when it is safe.
		 */
		private boolean enabled = true;

		/**
		 * Attempts per call in all, the first included.
		 */
		private int maxAttempts = 5;

		/**
		 * Upper bound of the random wait before the first retry.
		 */
		private Duration initialBackoff = Duration.ofSeconds(1);

		/**
		 * Growth of the wait bound from one retry to the next.
		 */
		private double multiplier = 2.0;

		/**
		 * Largest bound of the wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(30);

		/**
		 * Longest a call waits for the rate limit, whether a 429 asks for it or pacing
		 * needs it. A longer wait fails the call at once with a rate-limit error.
		 */
		private Duration maxRateLimitWait = Duration.ofMinutes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxRateLimitWait() {
			return this.maxRateLimitWait;
		}

		public void setMaxRateLimitWait(Duration maxRateLimitWait) {
			this.maxRateLimitWait = maxRateLimitWait;
		}

	}

	/**
	 * Circuit breaker that stops calling the API while it keeps failing.
	 */
	public static class CircuitBreaker {

		/**
		 * Whether to send calls through the 'do-functions' circuit breaker.
		 */
		private boolean enabled = true;

		/**
		 * Percentage of failed calls in the sliding window at which the breaker opens.
		 * Only server errors, timeouts and connection failures count as failed.
		 */
		private float failureRateThreshold = 50;

		/**
		 * Number of most recent calls over which the failure rate is computed.
		 */
		private int slidingWindowSize = 20;

		/**
		 * Calls needed in the window before the failure rate is computed.
		 */
		private int minimumNumberOfCalls = 10;

		/**
		 * Time the breaker stays open, failing calls at once, before it lets trial
		 * calls through.
		 */
		private Duration waitDurationInOpenState = Duration.ofSeconds(30);

		/**
		 * Trial calls let through while half-open; the breaker closes when enough of
		 * them succeed.
		 */
		private int permittedNumberOfCallsInHalfOpenState = 3;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public int getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public int getMinimumNumberOfCalls() {
			return this.minimumNumberOfCalls;
		}

		public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
		}

		public Duration getWaitDurationInOpenState() {
			return this.waitDurationInOpenState;
		}

		public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
			this.waitDurationInOpenState = waitDurationInOpenState;
		}

		public int getPermittedNumberOfCallsInHalfOpenState() {
			return this.permittedNumberOfCallsInHalfOpenState;
		}

		public void setPermittedNumberOfCallsInHalfOpenState(int permittedNumberOfCallsInHalfOpenState) {
			this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
		}

	}

	/**
	 * Client-side pacing within DigitalOcean's rate limits.
	 */
	public static class RateLimit {

		/**
		 * Whether to pace calls to the per-minute budget, and hold them while the
		 * hourly budget is spent.
		 */
		private boolean enabled = true;

		/**
		 * Client-side budget of requests in any sliding minute. DigitalOcean allows 250
		 * per token: share it between the instances that use one token with
		 * store=redis.
		 */
		private int requestsPerMinute = 250;

		/**
		 * Where the budget's bookings are kept: 'local' to this instance, or 'redis' to
		 * share one budget between every instance that uses the token, through Spring
		 * Boot's Redis connection (spring.data.redis.*).
		 */
		private Store store = Store.LOCAL;

		/**
		 * Part of the budget an instance books locally while Redis does not answer, above
		 * 0 and at most 1: for example 1 divided by the number of instances.
		 */
		private double fallbackShare = 0.5;

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public double getFallbackShare() {
			return this.fallbackShare;
		}

		public void setFallbackShare(double fallbackShare) {
			this.fallbackShare = fallbackShare;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getRequestsPerMinute() {
			return this.requestsPerMinute;
		}

		public void setRequestsPerMinute(int requestsPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
		}

	}

	/**
	 * Where the rate-limit budget's bookings are kept.
	 */
	public enum Store {

		/**
		 * In this instance.
		 */
		LOCAL,

		/**
		 * In Redis, shared by every instance that uses the token.
		 */
		REDIS

	}

	/**
	 * The 'doFunctions' health indicator.
	 */
	public static class Health {

		/**
		 * Whether an open circuit breaker reports DOWN. Off by default, so that an outage
		 * at DigitalOcean does not fail every instance's probes.
		 */
		private boolean downWhenCircuitOpen;

		public boolean isDownWhenCircuitOpen() {
			return this.downWhenCircuitOpen;
		}

		public void setDownWhenCircuitOpen(boolean downWhenCircuitOpen) {
			this.downWhenCircuitOpen = downWhenCircuitOpen;
		}

	}

	/**
	 * Calls of functions, on their namespace's API host. Retries and circuit-breaker
	 * thresholds are those of the control-plane API, but every namespace has its own
	 * breaker and budget.
	 */
	public static class Invocation {

		/**
		 * Namespace (fn-<uuid>) whose functions the FunctionInvoker bean calls. No bean
		 * is defined when unset; FunctionsOperations.invoker(namespaceId) serves any
		 * namespace.
		 */
		private @Nullable String namespaceId;

		/**
		 * Id (dof_v1_...) of the access key that authenticates calls. When unset, the
		 * client makes and renews access keys of its own (see managed-key).
		 */
		private @Nullable String accessKeyId;

		/**
		 * Secret of the access key.
		 */
		private @Nullable String accessKeySecret;

		/**
		 * How long a caller waits for a function's result, following demoted calls,
		 * unless the invocation sets its own deadline.
		 */
		private Duration deadline = Duration.ofMinutes(5);

		/**
		 * Maximum time to wait for the answer to one request on an API host. Keep it
		 * above the platform's blocking limit (30 seconds), after which a blocking call is
		 * demoted and answers at once.
		 */
		private Duration responseTimeout = Duration.ofSeconds(90);

		/**
		 * Largest answer read from an API host. The default holds an activation with
		 * the platform's largest result (1 MB) and logs (256 KB).
		 */
		private DataSize maxResponseSize = DataSize.ofMegabytes(4);

		/**
		 * First interval between polls of a demoted or started activation; each next
		 * interval is twice as long, up to max-poll-interval.
		 */
		private Duration pollInterval = Duration.ofMillis(500);

		/**
		 * Longest interval between polls of an activation.
		 */
		private Duration maxPollInterval = Duration.ofSeconds(5);

		/**
		 * Client-side budget of requests per minute per namespace. DigitalOcean allows
		 * 600 invocations a minute per namespace.
		 */
		private int requestsPerMinute = 600;

		/**
		 * Most requests in flight at once per namespace; the others wait. DigitalOcean
		 * runs 120 invocations at once per namespace.
		 */
		private int maxConcurrency = 120;

		private final ManagedKey managedKey = new ManagedKey();

		public ManagedKey getManagedKey() {
			return this.managedKey;
		}

		public DataSize getMaxResponseSize() {
			return this.maxResponseSize;
		}

		public void setMaxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
		}

		public @Nullable String getNamespaceId() {
			return this.namespaceId;
		}

		public void setNamespaceId(@Nullable String namespaceId) {
			this.namespaceId = namespaceId;
		}

		public @Nullable String getAccessKeyId() {
			return this.accessKeyId;
		}

		public void setAccessKeyId(@Nullable String accessKeyId) {
			this.accessKeyId = accessKeyId;
		}

		public @Nullable String getAccessKeySecret() {
			return this.accessKeySecret;
		}

		public void setAccessKeySecret(@Nullable String accessKeySecret) {
			this.accessKeySecret = accessKeySecret;
		}

		public Duration getDeadline() {
			return this.deadline;
		}

		public void setDeadline(Duration deadline) {
			this.deadline = deadline;
		}

		public Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		public void setResponseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getMaxPollInterval() {
			return this.maxPollInterval;
		}

		public void setMaxPollInterval(Duration maxPollInterval) {
			this.maxPollInterval = maxPollInterval;
		}

		public int getRequestsPerMinute() {
			return this.requestsPerMinute;
		}

		public void setRequestsPerMinute(int requestsPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
		}

		public int getMaxConcurrency() {
			return this.maxConcurrency;
		}

		public void setMaxConcurrency(int maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
		}

		/**
		 * Access keys the client makes for itself when no access-key-id is set.
		 */
		public static class ManagedKey {

			/**
			 * Prefix of the names of the keys the client makes, followed by the
			 * application's name (spring.application.name), an id of the running instance
			 * and a number. Expired keys that carry it may be deleted by any instance.
			 */
			private String namePrefix = "do-functions";

			/**
			 * Lifetime (expires_in) of each key, whole hours of at least one.
			 */
			private Duration lifetime = Duration.ofDays(1);

			/**
			 * How long before a key expires the next is made, in the background; must be
			 * shorter than the lifetime.
			 */
			private Duration renewBefore = Duration.ofHours(1);

			public String getNamePrefix() {
				return this.namePrefix;
			}

			public void setNamePrefix(String namePrefix) {
				this.namePrefix = namePrefix;
			}

			public Duration getLifetime() {
				return this.lifetime;
			}

			public void setLifetime(Duration lifetime) {
				this.lifetime = lifetime;
			}

			public Duration getRenewBefore() {
				return this.renewBefore;
			}

			public void setRenewBefore(Duration renewBefore) {
				this.renewBefore = renewBefore;
			}

		}
	}

}
