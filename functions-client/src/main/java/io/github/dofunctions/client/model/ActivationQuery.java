package io.github.dofunctions.client.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which activations to list, newest first, and how many to fetch per request.
 *
 * @param function only activations of this function (its name without package), or
 * {@code null} for all
 * @param since only activations started at or after this time, or {@code null}
 * @param upto only activations started at or before this time, or {@code null} for those
 * started before the listing began; every page is asked with the same value, so
 * activations that start while the listing runs neither appear nor shift the pages
 * @param pageSize activations per request, 1 to {@value #MAX_PAGE_SIZE}
 */
public record ActivationQuery(@Nullable String function, @Nullable Instant since, @Nullable Instant upto,
		int pageSize) {

	/** Largest page the API serves. */
	public static final int MAX_PAGE_SIZE = 200;

	/**
	 * Create a query, checking its arguments.
	 * @param function function name, or {@code null}
	 * @param since earliest start, or {@code null}
	 * @param upto latest start, or {@code null}
	 * @param pageSize activations per request
	 * @throws IllegalArgumentException if the page size is out of range, the times are
	 * reversed, or the function name is blank
	 */
	public ActivationQuery {
		Assert.isTrue(function == null || !function.isBlank(), "function must not be blank");
		Assert.isTrue(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE,
				() -> "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize);
		Assert.isTrue(since == null || upto == null || !since.isAfter(upto), "since must not be after upto");
	}

	/**
	 * Return a query of every activation, in pages of {@value #MAX_PAGE_SIZE}.
	 * @return the query
	 */
	public static ActivationQuery all() {
		return new ActivationQuery(null, null, null, MAX_PAGE_SIZE);
	}

	/**
	 * Return a query of the activations of one function.
	 * @param function the function's name, without its package
	 * @return the query
	 */
	public static ActivationQuery ofFunction(String function) {
		return new ActivationQuery(function, null, null, MAX_PAGE_SIZE);
	}

	/**
	 * Return this query limited to activations started at or after a time.
	 * @param since the earliest start
	 * @return a copy with the limit
	 */
	public ActivationQuery withSince(Instant since) {
		return new ActivationQuery(this.function, since, this.upto, this.pageSize);
	}

	/**
	 * Return this query limited to activations started at or before a time.
	 * @param upto the latest start
	 * @return a copy with the limit
	 */
	public ActivationQuery withUpto(Instant upto) {
		return new ActivationQuery(this.function, this.since, upto, this.pageSize);
	}

	/**
	 * Return this query with another page size.
	 * @param pageSize activations per request, 1 to {@value #MAX_PAGE_SIZE}
	 * @return a copy with the page size
	 */
	public ActivationQuery withPageSize(int pageSize) {
		return new ActivationQuery(this.function, this.since, this.upto, pageSize);
	}

}
