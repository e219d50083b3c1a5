package io.github.dofunctions.emulator;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The emulator's settings rules, each returning why a value is refused ({@code null} when
 * it is accepted) without naming the setting, so that the builder names its method and
 * the command line its option.
 */
final class EmulatorRules {

	private static final Pattern NAMESPACE_ID = Pattern.compile("fn-[A-Za-z0-9_-]{1,64}");

	private EmulatorRules() {
	}

	static @Nullable String port(int port) {
		return (port < 0 || port > 65535) ? "must be between 0 (a free one) and 65535, not " + port : null;
	}

	static @Nullable String notBlank(@Nullable String value) {
		return (value == null || value.isBlank()) ? "must not be blank" : null;
	}

	static @Nullable String atLeastOne(int value) {
		return (value < 1) ? "must be at least 1, not " + value : null;
	}

	static @Nullable String notNegative(int value) {
		return (value < 0) ? "must not be negative, not " + value : null;
	}

	/**
	 * A namespace id chosen for a test: DigitalOcean's are {@code fn-<uuid>} ("A unique
	 * string format of UUID with a prefix fn-", its OpenAPI description); any {@code fn-}
	 * name that is one path segment serves, so that a test can use a readable one.
	 */
	static @Nullable String namespaceId(@Nullable String namespaceId) {
		return (namespaceId == null || !NAMESPACE_ID.matcher(namespaceId).matches())
				? "must be fn- followed by letters, digits, '-' or '_' (as in fn-<uuid>), not "
						+ ((namespaceId != null) ? ApiHandler.quote(namespaceId) : "null")
				: null;
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
