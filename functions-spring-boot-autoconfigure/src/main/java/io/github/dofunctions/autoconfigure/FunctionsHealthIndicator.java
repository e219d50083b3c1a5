package io.github.dofunctions.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FallbackBudgetStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the DigitalOcean Functions client, from what recent calls saw: the circuit
 * breaker, the rate-limit headroom, the latest success and error. It never calls the API,
 * so a health probe costs no quota.
 * <p>
 * An open breaker is shown in the details but keeps the status {@code UP} unless
 * {@code do.functions.health.down-when-circuit-open} is set: an outage at DigitalOcean
 * should not make every instance of an application fail its probes and be restarted.
 */
public class FunctionsHealthIndicator implements HealthIndicator {

	private final @Nullable CircuitBreaker circuitBreaker;

	private final Supplier<RateLimit> rateLimit;

	private final RecentFunctionsCalls recentCalls;

	private final boolean downWhenCircuitOpen;

	private final @Nullable BudgetStore budgetStore;

	/**
	 * Create the indicator.
	 * @param circuitBreaker the client's circuit breaker, or {@code null} if it has none
	 * @param rateLimit what the latest answer said of the hourly budget
	 * @param recentCalls the latest success and error
	 * @param downWhenCircuitOpen whether an open breaker reports {@code DOWN}
	 */
	public FunctionsHealthIndicator(@Nullable CircuitBreaker circuitBreaker, Supplier<RateLimit> rateLimit,
			RecentFunctionsCalls recentCalls, boolean downWhenCircuitOpen) {
		this(circuitBreaker, rateLimit, recentCalls, downWhenCircuitOpen, null);
	}

	/**
	 * Create the indicator, telling where the rate-limit budget is kept.
	 * @param circuitBreaker the client's circuit breaker, or {@code null} if it has none
	 * @param rateLimit what the latest answer said of the hourly budget
	 * @param recentCalls the latest success and error
	 * @param downWhenCircuitOpen whether an open breaker reports {@code DOWN}
	 * @param budgetStore where the budget's bookings are kept, or {@code null} not to
	 * tell
	 */
	public FunctionsHealthIndicator(@Nullable CircuitBreaker circuitBreaker, Supplier<RateLimit> rateLimit,
			RecentFunctionsCalls recentCalls, boolean downWhenCircuitOpen, @Nullable BudgetStore budgetStore) {
		this.circuitBreaker = circuitBreaker;
		this.rateLimit = rateLimit;
		this.recentCalls = recentCalls;
		this.downWhenCircuitOpen = downWhenCircuitOpen;
		this.budgetStore = budgetStore;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		if (this.circuitBreaker != null) {
			CircuitBreaker.State state = this.circuitBreaker.getState();
			Map<String, Object> breaker = new LinkedHashMap<>();
			breaker.put("name", this.circuitBreaker.getName());
			breaker.put("state", state.name());
			breaker.put("failureRate", this.circuitBreaker.getMetrics().getFailureRate());
			health.withDetail("circuitBreaker", breaker);
			if (state == CircuitBreaker.State.OPEN && this.downWhenCircuitOpen) {
				health.down();
			}
		}
		RateLimit latest = this.rateLimit.get();
		if (latest.isKnown()) {
			Map<String, Object> budget = new LinkedHashMap<>();
			budget.put("limit", latest.limit());
			budget.put("remaining", latest.remaining());
			budget.put("reset", String.valueOf(latest.reset()));
			health.withDetail("rateLimit", budget);
		}
		if (this.budgetStore instanceof FallbackBudgetStore shared) {
			// Shared through Redis: say so, and say when this instance books alone.
			Map<String, Object> store = new LinkedHashMap<>();
			store.put("shared", shared.unreachableSince() == null);
			if (shared.unreachableSince() != null) {
				store.put("localSince", String.valueOf(shared.unreachableSince()));
			}
			health.withDetail("rateLimitStore", store);
		}
		Map<String, Object> lastSuccess = this.recentCalls.lastSuccess();
		if (lastSuccess != null) {
			health.withDetail("lastSuccess", lastSuccess);
		}
		Map<String, Object> lastError = this.recentCalls.lastError();
		if (lastError != null) {
			health.withDetail("lastError", lastError);
		}
		return health.build();
	}

}
