package io.github.dofunctions.autoconfigure;

import java.time.Duration;

import io.github.dofunctions.client.model.ClientRules;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * The checks of {@link FunctionsProperties} that need no other bean: ranges, and the base
 * URL by the client's own rule. Run by Spring Boot when the properties are bound, so that
 * every wrong value is reported at once, in one failure analysis naming each property (as
 * it is written in configuration, {@code do.functions.retry.max-attempts}), its value,
 * where it was set and why it is wrong.
 */
final class FunctionsPropertiesValidator {

	private FunctionsPropertiesValidator() {
	}

	static void validate(FunctionsProperties properties, Errors errors) {
		if (!properties.isEnabled()) {
			return;
		}
		String baseUrl = properties.getBaseUrl();
		// Credentials and query in the URL are masked in the report too.
		rule(errors, "base-url", ClientRules.redactedUrl(baseUrl), ClientRules.baseUrl(baseUrl));
		String token = properties.getToken();
		if (token != null && !token.isBlank()) {
			// A token's surrounding white space, as from a file, is dropped; the value is
			// never shown: it is a secret.
			rule(errors, "token", "******", ClientRules.token(token.strip()));
		}
		rule(errors, "user-agent", maskControlCharacters(properties.getUserAgent()),
				ClientRules.userAgent(properties.getUserAgent()));
		String namespaceId = properties.getInvocation().getNamespaceId();
		if (namespaceId != null && !namespaceId.isBlank()) {
			rule(errors, "invocation.namespace-id", namespaceId, ClientRules.namespaceId(namespaceId));
		}
		positive(errors, "connect-timeout", properties.getConnectTimeout());
		positive(errors, "response-timeout", properties.getResponseTimeout());
		positive(errors, "call-timeout", properties.getCallTimeout());
		positive(errors, "max-response-size", properties.getMaxResponseSize());
		retry(properties.getRetry(), errors);
		circuitBreaker(properties.getCircuitBreaker(), errors);
		FunctionsProperties.RateLimit rateLimit = properties.getRateLimit();
		if (rateLimit.isEnabled()) {
			atLeastOne(errors, "rate-limit.requests-per-minute", rateLimit.getRequestsPerMinute(),
					": DigitalOcean's limit is a number of requests a minute (set do.functions.rate-limit.enabled=false "
							+ "to send calls with no budget)");
		}
		double share = rateLimit.getFallbackShare();
		if (!(share > 0 && share <= 1)) {
			reject(errors, "rate-limit.fallback-share", share, "must be above 0 and at most 1");
		}
		invocation(properties.getInvocation(), errors);
	}

	private static @Nullable String maskControlCharacters(@Nullable String value) {
		return (value != null) ? value.replaceAll("[^\\x20-\\x7e]", "?") : null;
	}

	private static void retry(FunctionsProperties.Retry retry, Errors errors) {
		Duration maxRateLimitWait = retry.getMaxRateLimitWait();
		if (maxRateLimitWait == null || maxRateLimitWait.isNegative()) {
			reject(errors, "retry.max-rate-limit-wait", maxRateLimitWait, "must not be negative");
		}
		if (!retry.isEnabled()) {
			return;
		}
		atLeastOne(errors, "retry.max-attempts", retry.getMaxAttempts(),
				", the first attempt included (set do.functions.retry.enabled=false for no retry)");
		positive(errors, "retry.initial-backoff", retry.getInitialBackoff());
		if (!(retry.getMultiplier() >= 1)) {
			reject(errors, "retry.multiplier", retry.getMultiplier(), "must be at least 1");
		}
		if (isPositive(retry.getInitialBackoff())
				&& (retry.getMaxBackoff() == null || retry.getMaxBackoff().compareTo(retry.getInitialBackoff()) < 0)) {
			reject(errors, "retry.max-backoff", retry.getMaxBackoff(),
					"must not be below do.functions.retry.initial-backoff (" + retry.getInitialBackoff() + ")");
		}
	}

	private static void circuitBreaker(FunctionsProperties.CircuitBreaker breaker, Errors errors) {
		if (!breaker.isEnabled()) {
			return;
		}
		float threshold = breaker.getFailureRateThreshold();
		if (!(threshold > 0 && threshold <= 100)) {
			reject(errors, "circuit-breaker.failure-rate-threshold", threshold,
					"must be a percentage above 0 and at most 100");
		}
		atLeastOne(errors, "circuit-breaker.sliding-window-size", breaker.getSlidingWindowSize(), "");
		atLeastOne(errors, "circuit-breaker.minimum-number-of-calls", breaker.getMinimumNumberOfCalls(), "");
		positive(errors, "circuit-breaker.wait-duration-in-open-state", breaker.getWaitDurationInOpenState());
		atLeastOne(errors, "circuit-breaker.permitted-number-of-calls-in-half-open-state",
				breaker.getPermittedNumberOfCallsInHalfOpenState(), "");
	}

	private static void invocation(FunctionsProperties.Invocation invocation, Errors errors) {
		positive(errors, "invocation.deadline", invocation.getDeadline());
		positive(errors, "invocation.response-timeout", invocation.getResponseTimeout());
		positive(errors, "invocation.max-response-size", invocation.getMaxResponseSize());
		Duration poll = invocation.getPollInterval();
		if (poll == null || poll.toMillis() < 1) {
			reject(errors, "invocation.poll-interval", poll, "must be at least 1ms");
		}
		else if (invocation.getMaxPollInterval() == null || invocation.getMaxPollInterval().compareTo(poll) < 0) {
			reject(errors, "invocation.max-poll-interval", invocation.getMaxPollInterval(),
					"must not be below do.functions.invocation.poll-interval (" + poll + ")");
		}
		atLeastOne(errors, "invocation.requests-per-minute", invocation.getRequestsPerMinute(),
				": DigitalOcean's limit is a number of invocations a minute per namespace");
		atLeastOne(errors, "invocation.max-concurrency", invocation.getMaxConcurrency(), "");
	}

	private static void positive(Errors errors, String property, @Nullable Duration value) {
		if (!isPositive(value)) {
			reject(errors, property, value, "must be positive");
		}
	}

	private static void positive(Errors errors, String property, @Nullable DataSize value) {
		if (value == null || value.toBytes() <= 0) {
			reject(errors, property, value, "must be positive");
		}
	}

	private static boolean isPositive(@Nullable Duration value) {
		return value != null && !value.isNegative() && !value.isZero();
	}

	private static void atLeastOne(Errors errors, String property, int value, String why) {
		if (value < 1) {
			reject(errors, property, value, "must be at least 1" + why);
		}
	}

	/**
	 * Record the reason a client rule gave, if it gave one.
	 */
	private static void rule(Errors errors, String property, @Nullable Object value, @Nullable String reason) {
		if (reason != null) {
			reject(errors, property, value, reason);
		}
	}

	/**
	 * Record a wrong property under the name it has in configuration: Boot's analysis
	 * prints the field as given, and finds where the value was set from the same name.
	 */
	private static void reject(Errors errors, String property, @Nullable Object value, String reason) {
		if (errors instanceof BindingResult result) {
			result.addError(new FieldError(errors.getObjectName(), property, value, false,
					new String[] { "do.functions." + property }, null, reason));
		}
		else {
			errors.reject("do.functions." + property, "do.functions." + property + " " + reason);
		}
	}

}
