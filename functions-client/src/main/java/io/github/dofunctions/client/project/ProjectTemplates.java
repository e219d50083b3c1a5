package io.github.dofunctions.client.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templating of {@code project.yml}, as doctl's deployer does it before reading the
 * YAML (nimbella/nimbella-deployer, {@code src/util.ts},
 * {@code substituteFromEnvAndFiles};
 * docs.digitalocean.com/products/functions/reference/project-configuration,
 * "Templating"):
 * <ul>
 * <li>{@code ${NAME}} anywhere in the text, quoted or not, is replaced by the variable's
 * value, newlines written {@code \n}; {@code ${|NAME}} without that escaping;</li>
 * <li>{@code $(A B)} (or {@code ${A B}}, deprecated) by the JSON object {@code {"A":
 * value, "B": value}};</li>
 * <li>{@code ${<file}} by the JSON object of a file of the project, JSON or
 * {@code .env};</li>
 * <li>{@code $NAME} without braces is left as it is.</li>
 * </ul>
 * A variable is looked up in the process environment first, then in the env file. A
 * variable that is undefined or empty is an error, as the deployer reports it: "The
 * following substitutions could not be resolved".
 */
final class ProjectTemplates {

	private static final Pattern ENV_LINE = Pattern.compile("^\\s*(?:export\\s+)?([\\w.-]+)\\s*=\\s*(.*?)\\s*$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProjectTemplates() {
	}

	/**
	 * Read an env file as the deployer does ({@code getPropsFromFile}): a JSON object, or
	 * else {@code KEY=VALUE} lines as the {@code dotenv} package reads them (comments,
	 * quotes, {@code export}); lines of neither form are skipped as dotenv skips them.
	 */
	static Map<String, String> readEnvFile(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ProjectException("env file " + file + " cannot be read: " + ex.getClass().getSimpleName(), ex);
		}
		return parseProperties(text);
	}

	static Map<String, String> parseProperties(String text) {
		Map<String, String> json = parseJsonObject(text);
		if (json != null) {
			return json;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : text.split("\r?\n|\r")) {
			Matcher matcher = ENV_LINE.matcher(line);
			if (!line.trim().startsWith("#") && matcher.matches()) {
				values.put(matcher.group(1), envValue(matcher.group(2)));
			}
		}
		return values;
	}

	private static @Nullable Map<String, String> parseJsonObject(String text) {
		try {
			JsonNode node = JSON.readTree(text);
			if (node == null || !node.isObject()) {
				return null;
			}
			Map<String, String> values = new LinkedHashMap<>();
			node.properties()
				.forEach((entry) -> values.put(entry.getKey(),
						entry.getValue().isString() ? entry.getValue().stringValue() : entry.getValue().toString()));
			return values;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String envValue(String raw) {
		if (raw.length() >= 2) {
			char quote = raw.charAt(0);
			if ((quote == '"' || quote == '\'' || quote == '`') && raw.indexOf(quote, 1) > 0) {
				String inner = raw.substring(1, raw.indexOf(quote, 1));
				return (quote == '"') ? inner.replace("\\n", "\n").replace("\\r", "\r") : inner;
			}
		}
		int comment = raw.indexOf(" #");
		return ((comment >= 0) ? raw.substring(0, comment) : raw).trim();
	}

	/**
	 * Substitute the variables of a text.
	 * @param text the text of {@code project.yml}
	 * @param file the file, for messages
	 * @param folder the project's folder, against which {@code ${<file}} is resolved
	 * @param variables the variables, process environment first
	 * @return the text substituted and where its parts came from
	 */
	static Substituted substitute(String text, Path file, Path folder, Lookup variables) {
		StringBuilder result = new StringBuilder();
		List<int[]> spans = new ArrayList<>();
		Set<String> unresolved = new LinkedHashSet<>();
		Set<String> values = new LinkedHashSet<>();
		int position = 0;
		while (true) {
			int brace = text.indexOf("${", position);
			int paren = text.indexOf("$(", position);
			int start = (brace < 0) ? paren : (paren < 0) ? brace : Math.min(brace, paren);
			if (start < 0) {
				break;
			}
			char terminator = (start == brace) ? '}' : ')';
			int end = text.indexOf(terminator, start + 2);
			if (end < 0) {
				int[] lineColumn = lineColumn(text, start);
				throw new ProjectException(file + " line " + lineColumn[0] + ", column " + lineColumn[1]
						+ ": runaway variable name or path directive (no closing '" + terminator + "')");
			}
			result.append(text, position, start);
			String name = text.substring(start + 2, end).trim();
			String replacement;
			if (terminator == ')' || name.matches(".*\\s.*")) {
				replacement = dictionary(name, variables, unresolved, values);
			}
			else if (name.startsWith("<")) {
				replacement = fromFile(name.substring(1).trim(), folder, values);
				if (replacement == null) {
					unresolved.add(name);
				}
			}
			else {
				boolean raw = name.startsWith("|");
				String variable = raw ? name.substring(1).trim() : name;
				String value = variables.get(variable);
				if (value == null || value.isEmpty()) {
					unresolved.add(variable);
					replacement = null;
				}
				else {
					values.add(value);
					replacement = raw ? value : value.replace("\n", "\\n");
				}
			}
			String written = (replacement != null) ? replacement : "<" + name + ">";
			spans.add(new int[] { start, end + 1, result.length(), result.length() + written.length() });
			result.append(written);
			position = end + 1;
		}
		result.append(text.substring(position));
		if (!unresolved.isEmpty()) {
			throw new ProjectException(file + ": the following substitutions could not be resolved: '"
					+ String.join("', '", unresolved) + "' (undefined or empty in the environment and the env file)");
		}
		return new Substituted(text, result.toString(), spans, values);
	}

	private static String dictionary(String names, Lookup variables, Set<String> unresolved, Set<String> values) {
		Map<String, String> object = new LinkedHashMap<>();
		for (String name : names.trim().split("\\s+")) {
			String value = variables.get(name);
			if (value == null || value.isEmpty()) {
				unresolved.add(name);
			}
			else {
				values.add(value);
				object.put(name, value);
			}
		}
		return JSON.writeValueAsString(object);
	}

	private static @Nullable String fromFile(String relative, Path folder, Set<String> values) {
		Path file = folder.resolve(relative).normalize();
		if (!Files.isRegularFile(file)) {
			return null;
		}
		ProjectPaths.requireInside(folder, file, "${<" + relative + "}");
		Map<String, String> properties = readEnvFile(file);
		values.addAll(properties.values());
		return properties.isEmpty() ? null : JSON.writeValueAsString(properties);
	}

	static int[] lineColumn(String text, int offset) {
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < offset && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new int[] { line, offset - lineStart + 1 };
	}

	/**
	 * Where variables are looked up.
	 */
	@FunctionalInterface
	interface Lookup {

		@Nullable String get(String name);

	}

	/**
	 * A substituted text: the original, the result, the substituted spans (original start
	 * and end, result start and end) and the values written, which are secrets.
	 */
	record Substituted(String original, String text, List<int[]> spans, Set<String> values) {

		/**
		 * Return the line and column in the original text of a line and column of the
		 * substituted text; inside a substitution, where the substitution starts.
		 */
		int[] originalLineColumn(int line, int column) {
			int offset = 0;
			for (int current = 1; current < line && offset < this.text.length(); offset++) {
				if (this.text.charAt(offset) == '\n') {
					current++;
				}
			}
			offset = Math.min(offset + Math.max(column - 1, 0), this.text.length());
			int shift = 0;
			for (int[] span : this.spans) {
				if (offset < span[2]) {
					break;
				}
				if (offset < span[3]) {
					return lineColumn(this.original, span[0]);
				}
				shift = span[1] - span[3];
			}
			return lineColumn(this.original, offset + shift);
		}

		/**
		 * Return a message with every substituted value of four characters or more masked
		 * (shorter ones would mask ordinary words).
		 */
		String mask(String message) {
			String masked = message;
			for (String value : this.values) {
				if (value.length() >= 4) {
					masked = masked.replace(value, "******");
				}
			}
			return masked;
		}

	}

}
