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

	private static final Pattern ENTITY_NAME = Pattern
		.compile("[A-Za-z0-9_]|[A-Za-z0-9_][A-Za-z0-9_@ .&-]{0,254}[A-Za-z0-9_@.&-]");

	private static final String ENTITY_NAME_RULE = "must have 1 to 256 letters, digits, spaces or _ @ . & -, "
			+ "starting with a letter, digit or _ and not ending with a space";

	private static final int MAX_LABEL_LENGTH = 256;

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
	 * A function's name, {@code name} or {@code package/name}, each part an OpenWhisk
	 * entity name (apache/openwhisk, {@code EntityPath.scala}, {@code EntityName.REGEX}):
	 * the client's {@code ClientRules.functionName}, which a test holds this to.
	 */
	static @Nullable String functionName(@Nullable String function) {
		if (function == null || function.isBlank()) {
			return "must not be null or blank";
		}
		String[] parts = function.split("/", -1);
		if (parts.length > 2) {
			return "must be 'name' or 'package/name', with at most one '/'";
		}
		for (String part : parts) {
			if (!ENTITY_NAME.matcher(part).matches()) {
				return "must be 'name' or 'package/name', each part " + ENTITY_NAME_RULE;
			}
		}
		return null;
	}

	/**
	 * A new trigger's name, an OpenWhisk entity name: the client's
	 * {@code ClientRules.triggerName}, which a test holds this to.
	 */
	static @Nullable String triggerName(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return "must not be null or blank";
		}
		return ENTITY_NAME.matcher(name).matches() ? null : ENTITY_NAME_RULE;
	}

	/**
	 * A new namespace's label: the client's {@code ClientRules.label}, which a test holds
	 * this to.
	 */
	static @Nullable String label(@Nullable String label) {
		if (label == null || label.isBlank()) {
			return "must not be null or blank";
		}
		if (label.length() > MAX_LABEL_LENGTH) {
			return "must have at most " + MAX_LABEL_LENGTH + " characters, not " + label.length();
		}
		if (label.codePoints().anyMatch((c) -> Character.getType(c) == Character.CONTROL)) {
			return "must not contain control characters";
		}
		return null;
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
