package io.github.dofunctions.emulator;

import org.jspecify.annotations.Nullable;

/**
 * The emulator's settings rules, each returning why a value is refused ({@code null} when
 * it is accepted) without naming the setting, so that the builder names its method and
 * the command line its option.
 */
final class EmulatorRules {

	private EmulatorRules() {
	}

	static @Nullable String port(int port) {
		return (port < 0 || port > 65535) ? "must be between 0 (a free one) and 65535, not " + port : null;
	}

	static @Nullable String token(@Nullable String token) {
		return (token == null || token.isBlank()) ? "must not be blank" : null;
	}

	static @Nullable String atLeastOne(int value) {
		return (value < 1) ? "must be at least 1, not " + value : null;
	}

	static @Nullable String notNegative(int value) {
		return (value < 0) ? "must not be negative, not " + value : null;
	}

	/**
	 * Throw when a rule refuses a value.
	 * @param name how the caller names the setting
	 * @param reason what the rule answered
	 */
	static void check(String name, @Nullable String reason) {
		if (reason != null) {
			throw new IllegalArgumentException(name + " " + reason);
		}
	}

}
