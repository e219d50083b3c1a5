package io.github.dofunctions.client.model;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The limits of a function's runs. DigitalOcean allows a timeout of up to 15 minutes and
 * memory from 128 MB to 1 GB, 256 MB by default
 * (docs.digitalocean.com/products/functions/details/limits); OpenWhisk's shortest timeout
 * is 100 ms ({@code TimeLimit.MIN_DURATION}, apache/openwhisk).
 *
 * @param timeout how long a run may take, {@code null} for the platform's default
 * @param memory the memory of a run in megabytes, {@code null} for the platform's default
 */
public record FunctionLimits(@Nullable Duration timeout, @Nullable Integer memory) {

	/** Shortest timeout: 100 ms. */
	public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

	/** Longest timeout: 15 minutes. */
	public static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);

	/** Least memory: 128 MB. */
	public static final int MIN_MEMORY = 128;

	/** Most memory: 1 GB, 1024 MB. */
	public static final int MAX_MEMORY = 1024;

	/**
	 * Create limits, checking them.
	 * @param timeout how long a run may take, {@code null} for the platform's default
	 * @param memory the memory of a run in megabytes, {@code null} for the platform's
	 * default
	 * @throws IllegalArgumentException if the timeout or memory is out of the platform's
	 * range
	 */
	public FunctionLimits {
		Assert.isTrue(timeout == null || (timeout.compareTo(MIN_TIMEOUT) >= 0 && timeout.compareTo(MAX_TIMEOUT) <= 0),
				() -> "limits.timeout must be from 100 ms to 15 minutes, not " + timeout.toMillis() + " ms");
		Assert.isTrue(memory == null || (memory >= MIN_MEMORY && memory <= MAX_MEMORY),
				() -> "limits.memory must be from 128 to 1024 MB, not " + memory);
	}

	/**
	 * Return the platform's defaults: no limit given.
	 * @return limits with neither timeout nor memory
	 */
	public static FunctionLimits defaults() {
		return new FunctionLimits(null, null);
	}

}
