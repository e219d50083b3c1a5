package io.github.dofunctions.client;

import java.time.Duration;
import java.util.function.Function;

import io.github.dofunctions.client.resilience.FunctionsResilience;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How a {@link FunctionsTemplate} calls functions: the resilience of each namespace, how
 * long callers wait for a result, how demoted calls are polled, and the HTTP client used
 * on the namespaces' API hosts.
 */
public final class InvocationSettings {

	private final Function<String, FunctionsResilience> resilience;

	private final Duration deadline;

	private final Duration pollInterval;

	private final Duration maxPollInterval;

	private final WebClient.@Nullable Builder webClientBuilder;

	private InvocationSettings(Builder builder) {
		this.resilience = builder.resilience;
		this.deadline = builder.deadline;
		this.pollInterval = builder.pollInterval;
		this.maxPollInterval = builder.maxPollInterval;
		this.webClientBuilder = builder.webClientBuilder;
	}

	/**
	 * Return the default settings: {@link FunctionsResilience#invocationDefaults(String)}
	 * for each namespace, a five-minute deadline, polls from half a second apart growing
	 * to five seconds, and the template's own HTTP client.
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

	FunctionsResilience resilience(String namespaceId) {
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
	 * Builds {@link InvocationSettings}, starting from the defaults.
	 */
	public static final class Builder {

		private Function<String, FunctionsResilience> resilience = FunctionsResilience::invocationDefaults;

		private Duration deadline = Duration.ofMinutes(5);

		private Duration pollInterval = Duration.ofMillis(500);

		private Duration maxPollInterval = Duration.ofSeconds(5);

		private WebClient.@Nullable Builder webClientBuilder;

		private Builder() {
		}

		/**
		 * Set how the calls to each namespace's functions are retried, paced and cut
		 * off. Called once per namespace: each needs its own breaker and budget.
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
		 * Use the given builder, copied, for calls to API hosts, for example with a
		 * response timeout longer than the platform's blocking limit (about a minute).
		 * @param webClientBuilder the builder to copy, or {@code null} for the
		 * template's
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
