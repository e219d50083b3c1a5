package io.github.dofunctions.emulator;

import java.util.regex.Pattern;

import io.github.dofunctions.client.model.ClientRules;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's settings rules, each returning why a value is refused ({@code null} when
 * it is accepted) without naming the setting, so that the builder names its method, the
 * command line its option and the properties' validator its property.
 */
public final class EmulatorRules {

	private static final int MAX_NAMESPACE_ID_NAME = 64;

	private static final Pattern NAMESPACE_ID = Pattern.compile("fn-[A-Za-z0-9_-]{1," + MAX_NAMESPACE_ID_NAME + "}");

	private static final Pattern LONG_NAMESPACE_ID = Pattern
		.compile("fn-[A-Za-z0-9_-]{" + (MAX_NAMESPACE_ID_NAME + 1) + ",}");

	private EmulatorRules() {
	}

	static @Nullable String port(int port) {
		return (port < 0 || port > 65535) ? "must be between 0 (a free one) and 65535, not " + port : null;
	}

	/**
	 * The rule of a text setting that must be given.
	 * @param value the value
	 * @return why it is refused, or {@code null}
	 */
	public static @Nullable String notBlank(@Nullable String value) {
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
	 * name that is one path segment serves, so that a test can use a readable one, of at
	 * most {@value #MAX_NAMESPACE_ID_NAME} characters after {@code fn-}.
	 * @param namespaceId the id
	 * @return why it is refused, or {@code null}
	 */
	public static @Nullable String namespaceId(@Nullable String namespaceId) {
		if (namespaceId != null && LONG_NAMESPACE_ID.matcher(namespaceId).matches()) {
			return "must have at most " + MAX_NAMESPACE_ID_NAME + " characters after fn-, not "
					+ (namespaceId.length() - 3) + " (" + ApiHandler.quote(namespaceId) + ")";
		}
		return (namespaceId == null || !NAMESPACE_ID.matcher(namespaceId).matches())
				? "must be fn- followed by letters, digits, '-' or '_' (as in fn-<uuid>), not "
						+ ((namespaceId != null) ? ApiHandler.quote(namespaceId) : "null")
				: null;
	}

	/**
	 * A namespace's label: what DigitalOcean's create refuses, the emulator refuses at
	 * start-up ({@link ClientRules#label(String)}).
	 * @param label the label
	 * @return why it is refused, or {@code null}
	 */
	public static @Nullable String label(@Nullable String label) {
		String blank = notBlank(label);
		return (blank != null) ? blank : ClientRules.label(label);
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
