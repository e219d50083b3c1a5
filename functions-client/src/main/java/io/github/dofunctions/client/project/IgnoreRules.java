package io.github.dofunctions.client.project;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a function folder's {@code .ignore} file. The deployer reads them with the
 * npm package {@code ignore}, which follows {@code .gitignore}'s rules
 * (nimbella/nimbella-deployer, {@code src/finder-builder.ts}, {@code getIgnores}): a
 * pattern without a {@code /} (other than at its end) matches a name at any depth, one
 * with a {@code /} is anchored at the folder; {@code *}, {@code ?}, {@code **} and
 * {@code [...]} as in globs; a trailing {@code /} matches folders only; {@code !}
 * re-includes; {@code #} starts a comment; a folder ignored ignores all under it.
 */
final class IgnoreRules {

	private final List<Rule> rules = new ArrayList<>();

	IgnoreRules(List<String> lines) {
		for (String line : lines) {
			add(line);
		}
	}

	private void add(String given) {
		String line = given.stripTrailing();
		if (line.isEmpty() || line.startsWith("#")) {
			return;
		}
		boolean negated = line.startsWith("!");
		if (negated) {
			line = line.substring(1);
		}
		else if (line.startsWith("\\!") || line.startsWith("\\#")) {
			line = line.substring(1);
		}
		boolean directoryOnly = line.endsWith("/");
		if (directoryOnly) {
			line = line.substring(0, line.length() - 1);
		}
		boolean anchored = line.contains("/");
		if (line.startsWith("/")) {
			line = line.substring(1);
		}
		if (line.isEmpty()) {
			return;
		}
		String regex = (anchored ? "" : "(?:.*/)?") + globToRegex(line);
		this.rules.add(new Rule(Pattern.compile(regex), negated, directoryOnly));
	}

	private static String globToRegex(String glob) {
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			if (glob.startsWith("**/", i)) {
				regex.append("(?:.*/)?");
				i += 2;
			}
			else if (glob.startsWith("/**", i) && i + 3 == glob.length()) {
				regex.append("/.*");
				i += 2;
			}
			else if (glob.startsWith("**", i)) {
				regex.append(".*");
				i += 1;
			}
			else if (c == '*') {
				regex.append("[^/]*");
			}
			else if (c == '?') {
				regex.append("[^/]");
			}
			else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
				int close = glob.indexOf(']', i + 1);
				String inside = glob.substring(i + 1, close);
				regex.append('[').append(inside.startsWith("!") ? "^" + inside.substring(1) : inside).append(']');
				i = close;
			}
			else if (c == '\\' && i + 1 < glob.length()) {
				regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return regex.toString();
	}

	/**
	 * Return whether a file is ignored.
	 * @param path the file's path relative to the function's folder, names separated by
	 * {@code /}
	 */
	boolean ignores(String path) {
		String[] names = path.split("/");
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < names.length; i++) {
			prefix.append((i > 0) ? "/" : "").append(names[i]);
			boolean directory = i < names.length - 1;
			boolean ignored = false;
			for (Rule rule : this.rules) {
				if ((!rule.directoryOnly() || directory) && rule.pattern().matcher(prefix).matches()) {
					ignored = !rule.negated();
				}
			}
			if (ignored) {
				return true;
			}
		}
		return false;
	}

	private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {

	}

}
