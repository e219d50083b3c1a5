package io.github.dofunctions.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
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
public class FunctionsProperties implements Validator, EnvironmentAware {

	/**
	 * Create the properties with their defaults.
	 */
	public FunctionsProperties() {
	}

	/**
	 * Whether to auto-configure the DigitalOcean Functions client.
	 */
	private boolean enabled = true;

	/**
	 * DigitalOcean API token with the 'function' scopes. When unset, the
	 * DIGITALOCEAN_TOKEN environment variable is used.
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
	 * Maximum time one attempt on the control-plane API may take, until the last byte of
	 * its answer, whatever the HTTP connector. GET, PUT and DELETE calls cut by it are
	 * retried.
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

	private final Problemdetails problemdetails = new Problemdetails();

	private @Nullable Environment environment;

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
	 * Reject every value out of range, a base URL the client would refuse, and every
	 * property set under {@code do.functions} that is not one.
	 * @param target these properties
	 * @param errors where each rejected property is recorded
	 */
	@Override
	public void validate(Object target, Errors errors) {
		if (this.environment != null) {
			UnknownFunctionsProperties.describe(this.environment)
				.forEach((reason) -> errors.reject("do.functions.unknown", reason));
		}
		FunctionsPropertiesValidator.validate((FunctionsProperties) target, errors);
	}

	/**
	 * Take the environment the properties are bound from, to refuse the properties set
	 * under {@code do.functions} that are not properties (a typo, such as
	 * {@code do.functions.tokn}).
	 * @param environment the application's environment
	 */
	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Return the {@code do.functions.invocation.*} properties.
	 * @return the properties, never {@code null}
	 */
	public Invocation getInvocation() {
		return this.invocation;
	}

	/**
	 * Return {@code do.functions.enabled}.
	 * @return the value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set {@code do.functions.enabled}.
	 * @param enabled the value
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return {@code do.functions.token}.
	 * @return the value
	 */
	public @Nullable String getToken() {
		return this.token;
	}

	/**
	 * Set {@code do.functions.token}.
	 * @param token the value
	 */
	public void setToken(@Nullable String token) {
		this.token = token;
	}

	/**
	 * Return {@code do.functions.base-url}.
	 * @return the value
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Set {@code do.functions.base-url}.
	 * @param baseUrl the value
	 */
	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Return {@code do.functions.connect-timeout}.
	 * @return the value
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Set {@code do.functions.connect-timeout}.
	 * @param connectTimeout the value
	 */
	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Return {@code do.functions.response-timeout}.
	 * @return the value
	 */
	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	/**
	 * Set {@code do.functions.response-timeout}.
	 * @param responseTimeout the value
	 */
	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	/**
	 * Return {@code do.functions.user-agent}.
	 * @return the value
	 */
	public @Nullable String getUserAgent() {
		return this.userAgent;
	}

	/**
	 * Set {@code do.functions.user-agent}.
	 * @param userAgent the value
	 */
	public void setUserAgent(@Nullable String userAgent) {
		this.userAgent = userAgent;
	}

	/**
	 * Return {@code do.functions.max-response-size}.
	 * @return the value
	 */
	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	/**
	 * Set {@code do.functions.max-response-size}.
	 * @param maxResponseSize the value
	 */
	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	/**
	 * Return {@code do.functions.call-timeout}.
	 * @return the value
	 */
	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	/**
	 * Set {@code do.functions.call-timeout}.
	 * @param callTimeout the value
	 */
	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	/**
	 * Return the {@code do.functions.retry.*} properties.
	 * @return the properties, never {@code null}
	 */
	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Return the {@code do.functions.circuit-breaker.*} properties.
	 * @return the properties, never {@code null}
	 */
	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	/**
	 * Return the {@code do.functions.rate-limit.*} properties.
	 * @return the properties, never {@code null}
	 */
	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	/**
	 * Return the {@code do.functions.health.*} properties.
	 * @return the properties, never {@code null}
	 */
	public Health getHealth() {
		return this.health;
	}

	/**
	 * Return the {@code do.functions.problemdetails.*} properties.
	 * @return the properties, never {@code null}
	 */
	public Problemdetails getProblemdetails() {
		return this.problemdetails;
	}

	/**
	 * Retry of calls that failed in a way that may pass.
	 */
	public static class Retry {

		/**
		 * Create the properties with their defaults.
		 */
		public Retry() {
		}

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

		/**
		 * Return {@code do.functions.retry.enabled}.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set {@code do.functions.retry.enabled}.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return {@code do.functions.retry.max-attempts}.
		 * @return the value
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Set {@code do.functions.retry.max-attempts}.
		 * @param maxAttempts the value
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * Return {@code do.functions.retry.initial-backoff}.
		 * @return the value
		 */
		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		/**
		 * Set {@code do.functions.retry.initial-backoff}.
		 * @param initialBackoff the value
		 */
		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		/**
		 * Return {@code do.functions.retry.multiplier}.
		 * @return the value
		 */
		public double getMultiplier() {
			return this.multiplier;
		}

		/**
		 * Set {@code do.functions.retry.multiplier}.
		 * @param multiplier the value
		 */
		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		/**
		 * Return {@code do.functions.retry.max-backoff}.
		 * @return the value
		 */
		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		/**
		 * Set {@code do.functions.retry.max-backoff}.
		 * @param maxBackoff the value
		 */
		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		/**
		 * Return {@code do.functions.retry.max-rate-limit-wait}.
		 * @return the value
		 */
		public Duration getMaxRateLimitWait() {
			return this.maxRateLimitWait;
		}

		/**
		 * Set {@code do.functions.retry.max-rate-limit-wait}.
		 * @param maxRateLimitWait the value
		 */
		public void setMaxRateLimitWait(Duration maxRateLimitWait) {
			this.maxRateLimitWait = maxRateLimitWait;
		}

	}

	/**
	 * Circuit breaker that stops calling the API while it keeps failing.
	 */
	public static class CircuitBreaker {

		/**
		 * Create the properties with their defaults.
		 */
		public CircuitBreaker() {
		}

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
		 * Time the breaker stays open, failing calls at once, before it lets trial calls
		 * through.
		 */
		private Duration waitDurationInOpenState = Duration.ofSeconds(30);

		/**
		 * Trial calls let through while half-open; the breaker closes when enough of them
		 * succeed.
		 */
		private int permittedNumberOfCallsInHalfOpenState = 3;

		/**
		 * Return {@code do.functions.circuit-breaker.enabled}.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set {@code do.functions.circuit-breaker.enabled}.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return {@code do.functions.circuit-breaker.failure-rate-threshold}.
		 * @return the value
		 */
		public float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		/**
		 * Set {@code do.functions.circuit-breaker.failure-rate-threshold}.
		 * @param failureRateThreshold the value
		 */
		public void setFailureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		/**
		 * Return {@code do.functions.circuit-breaker.sliding-window-size}.
		 * @return the value
		 */
		public int getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		/**
		 * Set {@code do.functions.circuit-breaker.sliding-window-size}.
		 * @param slidingWindowSize the value
		 */
		public void setSlidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		/**
		 * Return {@code do.functions.circuit-breaker.minimum-number-of-calls}.
		 * @return the value
		 */
		public int getMinimumNumberOfCalls() {
			return this.minimumNumberOfCalls;
		}

		/**
		 * Set {@code do.functions.circuit-breaker.minimum-number-of-calls}.
		 * @param minimumNumberOfCalls the value
		 */
		public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
		}

		/**
		 * Return {@code do.functions.circuit-breaker.wait-duration-in-open-state}.
		 * @return the value
		 */
		public Duration getWaitDurationInOpenState() {
			return this.waitDurationInOpenState;
		}

		/**
		 * Set {@code do.functions.circuit-breaker.wait-duration-in-open-state}.
		 * @param waitDurationInOpenState the value
		 */
		public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
			this.waitDurationInOpenState = waitDurationInOpenState;
		}

		/**
		 * Return
		 * {@code do.functions.circuit-breaker.permitted-number-of-calls-in-half-open-state}.
		 * @return the value
		 */
		public int getPermittedNumberOfCallsInHalfOpenState() {
			return this.permittedNumberOfCallsInHalfOpenState;
		}

		/**
		 * Set
		 * {@code do.functions.circuit-breaker.permitted-number-of-calls-in-half-open-state}.
		 * @param permittedNumberOfCallsInHalfOpenState the value
		 */
		public void setPermittedNumberOfCallsInHalfOpenState(int permittedNumberOfCallsInHalfOpenState) {
			this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
		}

	}

	/**
	 * Client-side pacing within DigitalOcean's rate limits.
	 */
	public static class RateLimit {

		/**
		 * Create the properties with their defaults.
		 */
		public RateLimit() {
		}

		/**
		 * Whether to pace calls to the per-minute budget, and hold them while the hourly
		 * budget is spent.
		 */
		private boolean enabled = true;

		/**
		 * Client-side budget of requests in any sliding minute. DigitalOcean allows 250
		 * per token: share it between the instances that use one token with store=redis.
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

		/**
		 * Return {@code do.functions.rate-limit.store}.
		 * @return the value
		 */
		public Store getStore() {
			return this.store;
		}

		/**
		 * Set {@code do.functions.rate-limit.store}.
		 * @param store the value
		 */
		public void setStore(Store store) {
			this.store = store;
		}

		/**
		 * Return {@code do.functions.rate-limit.fallback-share}.
		 * @return the value
		 */
		public double getFallbackShare() {
			return this.fallbackShare;
		}

		/**
		 * Set {@code do.functions.rate-limit.fallback-share}.
		 * @param fallbackShare the value
		 */
		public void setFallbackShare(double fallbackShare) {
			this.fallbackShare = fallbackShare;
		}

		/**
		 * Return {@code do.functions.rate-limit.enabled}.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set {@code do.functions.rate-limit.enabled}.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return {@code do.functions.rate-limit.requests-per-minute}.
		 * @return the value
		 */
		public int getRequestsPerMinute() {
			return this.requestsPerMinute;
		}

		/**
		 * Set {@code do.functions.rate-limit.requests-per-minute}.
		 * @param requestsPerMinute the value
		 */
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
		 * Create the properties with their defaults.
		 */
		public Health() {
		}

		/**
		 * Whether an open circuit breaker reports DOWN. Off by default, so that an outage
		 * at DigitalOcean does not fail every instance's probes.
		 */
		private boolean downWhenCircuitOpen;

		/**
		 * Return {@code do.functions.health.down-when-circuit-open}.
		 * @return the value
		 */
		public boolean isDownWhenCircuitOpen() {
			return this.downWhenCircuitOpen;
		}

		/**
		 * Set {@code do.functions.health.down-when-circuit-open}.
		 * @param downWhenCircuitOpen the value
		 */
		public void setDownWhenCircuitOpen(boolean downWhenCircuitOpen) {
			this.downWhenCircuitOpen = downWhenCircuitOpen;
		}

	}

	/**
	 * The client's failures as HTTP answers of a Spring MVC or WebFlux application.
	 */
	public static class Problemdetails {

		/**
		 * Create the properties with their defaults.
		 */
		public Problemdetails() {
		}

		/**
		 * Whether a controller's failed call of DigitalOcean answers an RFC 9457 problem
		 * detail (404, 409, 429 with retry-after, 502, 503, 504) instead of a 500, as
		 * spring.mvc.problemdetails.enabled does for Spring's own errors.
		 */
		private boolean enabled;

		/**
		 * Return {@code do.functions.problemdetails.enabled}.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set {@code do.functions.problemdetails.enabled}.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Calls of functions, on their namespace's API host. Retries and circuit-breaker
	 * thresholds are those of the control-plane API, but every namespace has its own
	 * breaker and budget.
	 */
	public static class Invocation {

		/**
		 * Create the properties with their defaults.
		 */
		public Invocation() {
		}

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
		 * Maximum time one attempt on an API host may take, until the last byte of its
		 * answer, whatever the HTTP connector. Keep it above the platform's blocking
		 * limit (30 seconds), after which a blocking call is demoted and answers at once.
		 */
		private Duration responseTimeout = Duration.ofSeconds(90);

		/**
		 * Largest answer read from an API host. The default holds an activation with the
		 * platform's largest result (1 MB) and logs (256 KB).
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
		 * Most invocations running at once per namespace, a demoted one until its
		 * activation ends; the others wait. DigitalOcean runs 120 invocations at once per
		 * namespace.
		 */
		private int maxConcurrency = 120;

		private final ManagedKey managedKey = new ManagedKey();

		/**
		 * Return the {@code do.functions.invocation.managed-key.*} properties.
		 * @return the properties, never {@code null}
		 */
		public ManagedKey getManagedKey() {
			return this.managedKey;
		}

		/**
		 * Return {@code do.functions.invocation.max-response-size}.
		 * @return the value
		 */
		public DataSize getMaxResponseSize() {
			return this.maxResponseSize;
		}

		/**
		 * Set {@code do.functions.invocation.max-response-size}.
		 * @param maxResponseSize the value
		 */
		public void setMaxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
		}

		/**
		 * Return {@code do.functions.invocation.namespace-id}.
		 * @return the value
		 */
		public @Nullable String getNamespaceId() {
			return this.namespaceId;
		}

		/**
		 * Set {@code do.functions.invocation.namespace-id}.
		 * @param namespaceId the value
		 */
		public void setNamespaceId(@Nullable String namespaceId) {
			this.namespaceId = namespaceId;
		}

		/**
		 * Return {@code do.functions.invocation.access-key-id}.
		 * @return the value
		 */
		public @Nullable String getAccessKeyId() {
			return this.accessKeyId;
		}

		/**
		 * Set {@code do.functions.invocation.access-key-id}.
		 * @param accessKeyId the value
		 */
		public void setAccessKeyId(@Nullable String accessKeyId) {
			this.accessKeyId = accessKeyId;
		}

		/**
		 * Return {@code do.functions.invocation.access-key-secret}.
		 * @return the value
		 */
		public @Nullable String getAccessKeySecret() {
			return this.accessKeySecret;
		}

		/**
		 * Set {@code do.functions.invocation.access-key-secret}.
		 * @param accessKeySecret the value
		 */
		public void setAccessKeySecret(@Nullable String accessKeySecret) {
			this.accessKeySecret = accessKeySecret;
		}

		/**
		 * Return {@code do.functions.invocation.deadline}.
		 * @return the value
		 */
		public Duration getDeadline() {
			return this.deadline;
		}

		/**
		 * Set {@code do.functions.invocation.deadline}.
		 * @param deadline the value
		 */
		public void setDeadline(Duration deadline) {
			this.deadline = deadline;
		}

		/**
		 * Return {@code do.functions.invocation.response-timeout}.
		 * @return the value
		 */
		public Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		/**
		 * Set {@code do.functions.invocation.response-timeout}.
		 * @param responseTimeout the value
		 */
		public void setResponseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

		/**
		 * Return {@code do.functions.invocation.poll-interval}.
		 * @return the value
		 */
		public Duration getPollInterval() {
			return this.pollInterval;
		}

		/**
		 * Set {@code do.functions.invocation.poll-interval}.
		 * @param pollInterval the value
		 */
		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		/**
		 * Return {@code do.functions.invocation.max-poll-interval}.
		 * @return the value
		 */
		public Duration getMaxPollInterval() {
			return this.maxPollInterval;
		}

		/**
		 * Set {@code do.functions.invocation.max-poll-interval}.
		 * @param maxPollInterval the value
		 */
		public void setMaxPollInterval(Duration maxPollInterval) {
			this.maxPollInterval = maxPollInterval;
		}

		/**
		 * Return {@code do.functions.invocation.requests-per-minute}.
		 * @return the value
		 */
		public int getRequestsPerMinute() {
			return this.requestsPerMinute;
		}

		/**
		 * Set {@code do.functions.invocation.requests-per-minute}.
		 * @param requestsPerMinute the value
		 */
		public void setRequestsPerMinute(int requestsPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
		}

		/**
		 * Return {@code do.functions.invocation.max-concurrency}.
		 * @return the value
		 */
		public int getMaxConcurrency() {
			return this.maxConcurrency;
		}

		/**
		 * Set {@code do.functions.invocation.max-concurrency}.
		 * @param maxConcurrency the value
		 */
		public void setMaxConcurrency(int maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
		}

		/**
		 * Access keys the client makes for itself when no access-key-id is set.
		 */
		public static class ManagedKey {

			/**
			 * Create the properties with their defaults.
			 */
			public ManagedKey() {
			}

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

			/**
			 * Return {@code do.functions.invocation.managed-key.name-prefix}.
			 * @return the value
			 */
			public String getNamePrefix() {
				return this.namePrefix;
			}

			/**
			 * Set {@code do.functions.invocation.managed-key.name-prefix}.
			 * @param namePrefix the value
			 */
			public void setNamePrefix(String namePrefix) {
				this.namePrefix = namePrefix;
			}

			/**
			 * Return {@code do.functions.invocation.managed-key.lifetime}.
			 * @return the value
			 */
			public Duration getLifetime() {
				return this.lifetime;
			}

			/**
			 * Set {@code do.functions.invocation.managed-key.lifetime}.
			 * @param lifetime the value
			 */
			public void setLifetime(Duration lifetime) {
				this.lifetime = lifetime;
			}

			/**
			 * Return {@code do.functions.invocation.managed-key.renew-before}.
			 * @return the value
			 */
			public Duration getRenewBefore() {
				return this.renewBefore;
			}

			/**
			 * Set {@code do.functions.invocation.managed-key.renew-before}.
			 * @param renewBefore the value
			 */
			public void setRenewBefore(Duration renewBefore) {
				this.renewBefore = renewBefore;
			}

		}

	}

}
