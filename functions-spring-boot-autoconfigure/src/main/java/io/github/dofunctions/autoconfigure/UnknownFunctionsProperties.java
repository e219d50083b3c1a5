package io.github.dofunctions.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Finds the properties under {@code do.functions} that nothing binds, a typo such as
 * {@code do.functions.tokn} or {@code do.functions.retry.max-atempts}, which Spring Boot
 * would otherwise ignore in silence. The properties there are are read from the metadata
 * the configuration processor writes into each module's jar
 * ({@code META-INF/spring-configuration-metadata.json}), so that the emulator's
 * properties are checked when it is on the class path. Without it,
 * {@code do.functions.emulator.*} is accepted, since the emulator is often a test
 * dependency while the production configuration names it, but switching it on is refused:
 * the client would call DigitalOcean with the real token instead. Environment variables
 * are not checked: their names are read loosely ({@code DO_FUNCTIONS_RETRY_MAXATTEMPTS})
 * and a platform may set some of its own.
 */
final class UnknownFunctionsProperties {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("do.functions");

	private static final ConfigurationPropertyName EMULATOR = ConfigurationPropertyName.of("do.functions.emulator");

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private UnknownFunctionsProperties() {
	}

	/**
	 * Describe each property set under {@code do.functions} that is not one: its name,
	 * where it was set and the nearest property there is. Never its value, which may be a
	 * secret.
	 * @param environment the application's environment
	 * @return one sentence per unknown property, empty if there is none
	 */
	static List<String> describe(Environment environment) {
		Known known = Known.read();
		if (known.names().isEmpty()) {
			return List.of();
		}
		Set<String> reasons = new LinkedHashSet<>();
		if (!known.hasEmulator()
				&& Boolean.TRUE.equals(environment.getProperty("do.functions.emulator.enabled", Boolean.class))) {
			reasons.add("do.functions.emulator.enabled is true, but the emulator (io.github.dofunctions:"
					+ "functions-emulator) is not on the class path: the client would call DigitalOcean instead");
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource
					|| !(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			iterable.filter(PREFIX::isAncestorOf)
				.stream()
				.filter((name) -> !known.accepts(name))
				.forEach((name) -> reasons.add(describe(name, source.getConfigurationProperty(name), known)));
		}
		return new ArrayList<>(reasons);
	}

	private static String describe(ConfigurationPropertyName name, @Nullable ConfigurationProperty property,
			Known known) {
		StringBuilder reason = new StringBuilder(name.toString()).append(" is not a property of this starter");
		if (property != null && property.getOrigin() != null) {
			reason.append(" (set in ").append(property.getOrigin()).append(')');
		}
		String nearest = known.nearest(name.toString());
		reason.append((nearest != null) ? "; did you mean " + nearest + "?"
				: "; the properties under do.functions are listed in the configuration reference");
		return reason.toString();
	}

	/**
	 * The properties the modules declare: each name, and the names of maps, whose keys
	 * are the user's.
	 */
	private record Known(Set<ConfigurationPropertyName> names, Set<ConfigurationPropertyName> maps,
			boolean hasEmulator) {

		static Known read() {
			Set<ConfigurationPropertyName> names = new LinkedHashSet<>();
			Set<ConfigurationPropertyName> maps = new LinkedHashSet<>();
			JsonMapper json = JsonMapper.builder().build();
			try {
				ClassLoader loader = UnknownFunctionsProperties.class.getClassLoader();
				for (URL url : Collections.list(loader.getResources(METADATA))) {
					try (InputStream metadata = url.openStream()) {
						JsonNode properties = json.readTree(metadata).path("properties");
						for (JsonNode property : properties) {
							ConfigurationPropertyName name = ConfigurationPropertyName
								.adapt(property.path("name").asString(), '.');
							if (PREFIX.isAncestorOf(name)) {
								names.add(name);
								if (property.path("type").asString().startsWith("java.util.Map<")) {
									maps.add(name);
								}
							}
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the configuration metadata of the classpath", ex);
			}
			return new Known(names, maps, names.stream().anyMatch(EMULATOR::isAncestorOf));
		}

		boolean accepts(ConfigurationPropertyName name) {
			return this.names.contains(name) || (EMULATOR.isAncestorOf(name) && !this.hasEmulator)
					|| this.maps.stream().anyMatch((map) -> map.isAncestorOf(name));
		}

		/**
		 * The property whose name is fewest edits away, if it is near enough to be what
		 * was meant.
		 */
		@Nullable String nearest(String name) {
			return this.names.stream()
				.map(ConfigurationPropertyName::toString)
				.min(Comparator.comparingInt((candidate) -> distance(name, candidate)))
				.filter((candidate) -> distance(name, candidate) <= Math.max(2, name.length() / 5))
				.orElse(null);
		}

		/**
		 * The Levenshtein distance: insertions, deletions and substitutions.
		 */
		private static int distance(String a, String b) {
			int[] previous = new int[b.length() + 1];
			int[] current = new int[b.length() + 1];
			for (int j = 0; j <= b.length(); j++) {
				previous[j] = j;
			}
			for (int i = 1; i <= a.length(); i++) {
				current[0] = i;
				for (int j = 1; j <= b.length(); j++) {
					int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
					current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
				}
				int[] swap = previous;
				previous = current;
				current = swap;
			}
			return previous[b.length()];
		}

	}

}
