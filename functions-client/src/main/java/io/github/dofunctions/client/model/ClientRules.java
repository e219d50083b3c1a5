package io.github.dofunctions.client.model;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The rules of the client's settings, each one function that returns why a value breaks
 * it, or {@code null} when it does not. The client's builders throw an
 * {@link IllegalArgumentException} with the reason after the setting's name
 * ({@link #check}); Spring Boot's properties validator reports the same reason against
 * the property. A reason never repeats a secret.
 */
public final class ClientRules {

	private static final Pattern MANAGED_KEY_PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private static final Pattern API_PATH = Pattern.compile("(?i).*/v2/?");

	/**
	 * An authority's user information: anything up to the last {@code @} of the text,
	 * even with a {@code /}, {@code ?} or {@code #} in it (a password may hold one, and a
	 * base URL has no query in which an {@code @} could stand).
	 */
	private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:)?(//)?.*@");

	/**
	 * Apache OpenWhisk's {@code EntityName.REGEX}, for names of at most 256 characters.
	 */
	private static final Pattern ENTITY_NAME = Pattern
		.compile("[A-Za-z0-9_]|[A-Za-z0-9_][A-Za-z0-9_@ .&-]{0,254}[A-Za-z0-9_@.&-]");

	private static final String ENTITY_NAME_RULE = "must have 1 to 256 letters, digits, spaces or _ @ . & -, "
			+ "starting with a letter, digit or _ and not ending with a space";

	private static final int MAX_LABEL_LENGTH = 256;

	private ClientRules() {
	}

	/**
	 * Throw if a rule was broken.
	 * @param name the setting's name, which starts the message
	 * @param reason what a rule returned
	 * @throws IllegalArgumentException with the name and the reason, if there is one
	 */
	public static void check(String name, @Nullable String reason) {
		if (reason != null) {
			throw new IllegalArgumentException(name + " " + reason);
		}
	}

	/**
	 * The rule of an API token: one word of visible ASCII characters, since it is sent in
	 * a header (DigitalOcean's tokens are {@code dop_v1_} and hex digits). White space of
	 * any kind (a no-break space or a zero-width space pasted with it included) and
	 * control characters are refused. The reason never shows the token.
	 * @param token a DigitalOcean personal access token or OAuth token
	 * @return why it is not one, or {@code null}
	 */
	public static @Nullable String token(@Nullable String token) {
		if (token == null || token.isBlank()) {
			return "must not be null or blank";
		}
		if (!token.chars().allMatch((c) -> c > ' ' && c < 0x7f)) {
			return "must not contain white space or control characters: it is sent in a header, as visible ASCII "
					+ "characters only";
		}
		return null;
	}

	/**
	 * The rule of the API's base URL: an absolute http or https URL without credentials,
	 * query or fragment, that does not end with the API's own {@code /v2}, and plain http
	 * only to a loopback host (such as the emulator), since the token would otherwise
	 * cross the network in clear text. Only IP literals are resolved, never a name. The
	 * reason quotes the URL as {@link #redactedUrl} gives it.
	 * @param baseUrl the base URL
	 * @return why it is not one, or {@code null}
	 */
	public static @Nullable String baseUrl(@Nullable String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			return "must not be null or blank";
		}
		// Read on the text, before parsing: a URL that does not parse, or whose host
		// does not, still must not have its credentials repeated.
		if (USER_INFO.matcher(baseUrl.trim()).find()) {
			return "must not carry credentials (user:password@host): the client authenticates with the token";
		}
		String shown = "'" + redactedUrl(baseUrl) + "'";
		URI uri;
		try {
			uri = URI.create(baseUrl.trim());
		}
		catch (IllegalArgumentException ex) {
			return shown + " is not a valid URL";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			return shown + " must be an absolute http or https URL";
		}
		if (!scheme.equals("https") && !isLoopback(uri.getHost())) {
			return shown + " uses plain http to a host that is not loopback: the API token would cross the "
					+ "network unencrypted. Use https, or http only for localhost (such as the emulator)";
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			return shown + " must not have a query or a fragment";
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		if (API_PATH.matcher(path).matches()) {
			return shown + " must not end with /v2: the client adds the API's paths (/v2/functions/...) "
					+ "itself; use " + uri.resolve("/").toString().replaceAll("/$", "")
					+ path.replaceAll("(?i)/v2/?$", "");
		}
		return null;
	}

	/**
	 * Return a URL as it may be shown in a message or a report: what stands before an
	 * {@code @} in its authority (credentials), and its query and fragment, are replaced
	 * by {@code ******}. Works on the text, so a URL that does not parse is redacted too.
	 * @param url a URL, or {@code null}
	 * @return the URL without what may be a secret, or {@code null}
	 */
	public static @Nullable String redactedUrl(@Nullable String url) {
		if (url == null) {
			return null;
		}
		String rest = url.strip();
		String userInfo = "";
		Matcher credentials = USER_INFO.matcher(rest);
		if (credentials.find()) {
			userInfo = Objects.toString(credentials.group(1), "") + Objects.toString(credentials.group(2), "")
					+ "******@";
			rest = rest.substring(credentials.end());
		}
		return userInfo + rest.replaceFirst("([?#]).*", "$1******");
	}

	/**
	 * The rule of the application's product token, sent in the {@code User-Agent} header:
	 * visible ASCII characters and spaces, since a header carries no line break (nor
	 * U+2028 or U+0085, which some readers take for one) and Netty writes other
	 * characters as bytes they are not.
	 * @param userAgent the product token, or {@code null} for none
	 * @return why it cannot be sent, or {@code null}
	 */
	public static @Nullable String userAgent(@Nullable String userAgent) {
		if (userAgent != null && !userAgent.chars().allMatch((c) -> c >= ' ' && c < 0x7f)) {
			return "must contain only visible ASCII characters and spaces: it is sent in a header, which carries no "
					+ "line break, control character or other character as written";
		}
		return null;
	}

	/**
	 * The rule of a function's name, {@code name} or {@code package/name}, each part an
	 * OpenWhisk entity name, as the API host serving the functions reads it:
	 * {@value #ENTITY_NAME_RULE} (apache/openwhisk, {@code EntityPath.scala},
	 * {@code EntityName.REGEX} and {@code ENTITY_NAME_MAX_LENGTH}).
	 * @param function the function's name
	 * @return why it is not one, or {@code null}
	 */
	public static @Nullable String functionName(@Nullable String function) {
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
	 * The rule of a new trigger's name. DigitalOcean's OpenAPI description and
	 * documentation give none ("The trigger's unique name within the namespace"); the
	 * name is a path segment of every later call, so the client asks of it what OpenWhisk
	 * asks of every name in a namespace: {@value #ENTITY_NAME_RULE}. A trigger made
	 * otherwise can still be read, updated and deleted.
	 * @param name the trigger's name
	 * @return why it is not one, or {@code null}
	 */
	public static @Nullable String triggerName(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return "must not be null or blank";
		}
		return ENTITY_NAME.matcher(name).matches() ? null : ENTITY_NAME_RULE;
	}

	/**
	 * The rule of a new namespace's label. DigitalOcean's OpenAPI description gives none
	 * ("The namespace's unique name"); the client refuses what cannot be a name shown in
	 * a control panel or a log line: control characters, and more than
	 * {@value #MAX_LABEL_LENGTH} characters, the longest name OpenWhisk gives an entity.
	 * @param label the label
	 * @return why it is not one, or {@code null}
	 */
	public static @Nullable String label(@Nullable String label) {
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
	 * The rule of a namespace id, as DigitalOcean's OpenAPI description gives it: "A
	 * unique string format of UUID with a prefix fn-".
	 * @param namespaceId the id
	 * @return why it is not one, or {@code null}
	 */
	public static @Nullable String namespaceId(@Nullable String namespaceId) {
		if (namespaceId == null || !namespaceId.startsWith("fn-")) {
			return "must be a namespace id, fn-<uuid> (the namespace's 'namespace' field, Namespace.id()), not its "
					+ "label or uuid";
		}
		return null;
	}

	/**
	 * The rule of an access key's lifetime as the client asks for it
	 * ({@code expires_in}): whole hours, at least one.
	 * @param lifetime the lifetime
	 * @return why it is not one, or {@code null}
	 */
	public static @Nullable String keyLifetime(@Nullable Duration lifetime) {
		if (lifetime == null || lifetime.compareTo(Duration.ofHours(1)) < 0 || lifetime.toMinutesPart() != 0
				|| lifetime.toSecondsPart() != 0 || lifetime.toNanosPart() != 0) {
			return lifetime + " must be a whole number of hours of at least 1h";
		}
		return null;
	}

	/**
	 * The rule of when a managed access key is renewed: some time before it expires.
	 * @param renewBefore how long before the key expires the next is made
	 * @param lifetime the key's lifetime
	 * @return why it cannot be, or {@code null}
	 */
	public static @Nullable String renewBefore(@Nullable Duration renewBefore, @Nullable Duration lifetime) {
		if (renewBefore == null || renewBefore.isNegative() || renewBefore.isZero()
				|| (lifetime != null && renewBefore.compareTo(lifetime) >= 0)) {
			return renewBefore + " must be positive and shorter than the lifetime " + lifetime;
		}
		return null;
	}

	/**
	 * The rule of the prefix of the names of the access keys the client makes.
	 * @param prefix the prefix
	 * @return why it cannot be one, or {@code null}
	 */
	public static @Nullable String managedKeyPrefix(@Nullable String prefix) {
		if (prefix == null || !MANAGED_KEY_PREFIX.matcher(prefix).matches()) {
			return "'" + prefix + "' must be 1 to 32 letters, digits, '-' or '_'";
		}
		return null;
	}

	private static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		// Only IP literals are resolved here: a name would need a DNS lookup, and DNS
		// can point anywhere.
		boolean ipLiteral = name.startsWith("[") || name.matches("[0-9.]+");
		if (!ipLiteral) {
			return false;
		}
		try {
			return InetAddress.getByName(name).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
