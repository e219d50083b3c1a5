package io.github.dofunctions.emulator;

import org.jspecify.annotations.Nullable;

/**
 * The limits of a deployed function, in OpenWhisk's units ({@code ActionLimits}): timeout
 * in milliseconds, memory and logs in megabytes, concurrency as activations a container
 * runs at once. The ranges are DigitalOcean's where it documents them (Functions
 * "Limits": a timeout of at most 15 minutes, memory from 128 MB to 1 GB, 256 MB by
 * default) and OpenWhisk's otherwise ({@code application.conf}: timeout at least 100 ms,
 * logs 0 to 10 MB, 10 MB by default, concurrency 1). DigitalOcean's default timeout is
 * not on its limits page; the emulator takes 3 seconds, what a function deployed without
 * limits is given there.
 *
 * @param timeout milliseconds
 * @param memory megabytes
 * @param logs megabytes
 * @param concurrency activations at once
 */
record ActionLimits(int timeout, int memory, int logs, int concurrency) {

	static final int MIN_TIMEOUT = 100;

	static final int MAX_TIMEOUT = 15 * 60 * 1000;

	static final int DEFAULT_TIMEOUT = 3000;

	static final int MIN_MEMORY = 128;

	static final int MAX_MEMORY = 1024;

	static final int DEFAULT_MEMORY = 256;

	static final int MIN_LOGS = 0;

	static final int MAX_LOGS = 10;

	static final int DEFAULT_LOGS = 10;

	static final ActionLimits DEFAULTS = new ActionLimits(DEFAULT_TIMEOUT, DEFAULT_MEMORY, DEFAULT_LOGS, 1);

	/**
	 * Check a timeout, with OpenWhisk's messages
	 * ({@code Messages.durationBelowAllowedThreshold} and
	 * {@code durationExceedsAllowedThreshold}, field {@code duration}).
	 * @return why it is out of range, or {@code null}
	 */
	static @Nullable String timeoutProblem(long timeout) {
		if (timeout < MIN_TIMEOUT) {
			return "duration " + timeout + " milliseconds below allowed threshold of " + MIN_TIMEOUT + " milliseconds";
		}
		if (timeout > MAX_TIMEOUT) {
			return "duration " + timeout + " milliseconds exceeds allowed threshold of " + MAX_TIMEOUT
					+ " milliseconds";
		}
		return null;
	}

	/**
	 * Check a size in megabytes, with OpenWhisk's messages
	 * ({@code Messages.sizeBelowAllowedThreshold} and
	 * {@code sizeExceedsAllowedThreshold}).
	 * @param field {@code memory} or {@code log}, OpenWhisk's field names
	 * @return why it is out of range, or {@code null}
	 */
	static @Nullable String sizeProblem(String field, long megabytes, int min, int max) {
		if (megabytes < min) {
			return field + " size " + megabytes + " MB below allowed threshold of " + min + " MB";
		}
		if (megabytes > max) {
			return field + " size " + megabytes + " MB exceeds allowed threshold of " + max + " MB";
		}
		return null;
	}

	/**
	 * Check a concurrency, with OpenWhisk's messages
	 * ({@code Messages.concurrencyBelowAllowedThreshold} and
	 * {@code concurrencyExceedsAllowedThreshold}).
	 * @return why it is out of range, or {@code null}
	 */
	static @Nullable String concurrencyProblem(long concurrency) {
		if (concurrency < 1) {
			return "concurrency " + concurrency + " below allowed threshold of 1";
		}
		if (concurrency > 1) {
			return "concurrency " + concurrency + " exceeds allowed threshold of 1";
		}
		return null;
	}

}
