package io.github.dofunctions.client.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * The hourly request budget of the token, as the {@code ratelimit-*} headers of the
 * latest response described it.
 *
 * @param limit requests allowed per hour ({@code ratelimit-limit}), {@code null} until a
 * response has carried the headers
 * @param remaining requests left in the current hour ({@code ratelimit-remaining}),
 * {@code null} until a response has carried the headers
 * @param reset when the oldest counted request expires and frees a slot
 * ({@code ratelimit-reset}), {@code null} until a response has carried the headers
 */
public record RateLimit(@Nullable Integer limit, @Nullable Integer remaining, @Nullable Instant reset) {

	private static final RateLimit UNKNOWN = new RateLimit(null, null, null);

	/**
	 * Return the rate limit reported before any response has described it.
	 * @return a rate limit with every field {@code null}
	 */
	public static RateLimit unknown() {
		return UNKNOWN;
	}

	/**
	 * Return whether a response has described the budget.
	 * @return {@code true} if every field is known
	 */
	@JsonIgnore
	public boolean isKnown() {
		return this.limit != null && this.remaining != null && this.reset != null;
	}

}
