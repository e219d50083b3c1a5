package io.github.dofunctions.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Compiles every {@code ```java} block of {@code README.md} and {@code docs/*.md} against
 * this module's test class path (the starter, the emulator, Spring WebFlux and Spring's
 * web annotations, Spring Boot's test support), so that the documentation's examples
 * cannot drift from the API. Each block must be a complete compilation unit: its imports
 * shown and every type it uses defined or imported. A block that does not compile fails
 * with its file, the line its code starts on and the compiler's diagnostics, their line
 * numbers those of the Markdown file.
 */
class DocumentationSnippetsTests {

	private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)\\s*$");

	private static final Pattern PUBLIC_TYPE = Pattern.compile(
			"^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
			Pattern.MULTILINE);

	@TempDir
	static Path output;

	private static JavaCompiler compiler;

	private static StandardJavaFileManager fileManager;

	@BeforeAll
	static void compiler() {
		compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler).as("a JDK's compiler (javax.tools), not a JRE").isNotNull();
		fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
	}

	@AfterAll
	static void closeFileManager() throws IOException {
		fileManager.close();
	}

	@TestFactory
	Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
		Path root = projectRoot();
		List<Path> documents = new ArrayList<>();
		documents.add(root.resolve("README.md"));
		try (Stream<Path> pages = Files.list(root.resolve("docs"))) {
			pages.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		List<Snippet> snippets = new ArrayList<>();
		for (Path document : documents) {
			snippets.addAll(javaSnippets(root, document));
		}
		assertThat(snippets).as("java snippets in %s", documents).hasSizeGreaterThan(10);
		return snippets.stream().map((snippet) -> DynamicTest.dynamicTest(snippet.location(), () -> compile(snippet)));
	}

	private static void compile(Snippet snippet) throws IOException {
		Path classes = Files.createTempDirectory(output, "snippet");
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
				"-classpath", testClassPath(), "-d", classes.toString());
		JavaFileObject source = new SnippetSource(snippet);
		boolean compiled = compiler.getTask(null, fileManager, diagnostics, options, null, List.of(source)).call();
		if (!compiled) {
			String messages = diagnostics.getDiagnostics()
				.stream()
				.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
				.map((diagnostic) -> describe(snippet, diagnostic))
				.collect(Collectors.joining("\n"));
			fail("The java snippet of %s, starting at line %d, does not compile:%n%s", snippet.file(),
					snippet.firstLine(), messages);
		}
	}

	private static String describe(Snippet snippet, Diagnostic<? extends JavaFileObject> diagnostic) {
		long line = diagnostic.getLineNumber();
		String where = (line > 0) ? snippet.file() + ":" + (snippet.firstLine() + line - 1) : snippet.file();
		return "  " + where + ": " + diagnostic.getMessage(Locale.ROOT);
	}

	/**
	 * The class path the tests run with: Surefire's, which it also passes in
	 * {@code surefire.test.class.path} when {@code java.class.path} only names its booter
	 * jar.
	 */
	private static String testClassPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	private static Path projectRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			if (Files.isRegularFile(directory.resolve("mvnw")) && Files.isRegularFile(directory.resolve("README.md"))) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException(
				"No project root (with mvnw and README.md) above " + Path.of("").toAbsolutePath());
	}

	static List<Snippet> javaSnippets(Path root, Path document) {
		List<String> lines;
		try {
			lines = Files.readAllLines(document, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String file = root.relativize(document).toString().replace(File.separatorChar, '/');
		List<Snippet> snippets = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher opening = FENCE.matcher(lines.get(i));
			if (!opening.matches()) {
				continue;
			}
			String indent = opening.group(1);
			int end = i + 1;
			while (end < lines.size() && !lines.get(end).strip().equals("```")) {
				end++;
			}
			if (end == lines.size()) {
				throw new IllegalStateException(file + ":" + (i + 1) + ": a code block that is never closed");
			}
			if (opening.group(2).equals("java")) {
				StringBuilder code = new StringBuilder();
				for (String line : lines.subList(i + 1, end)) {
					code.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
				}
				snippets.add(new Snippet(file, i + 2, code.toString()));
			}
			i = end;
		}
		return snippets;
	}

	record Snippet(String file, int firstLine, String code) {

		String location() {
			return this.file + ":" + this.firstLine;
		}

		String sourceName() {
			Matcher publicType = PUBLIC_TYPE.matcher(this.code);
			return publicType.find() ? publicType.group(1) : "Snippet";
		}

	}

	private static final class SnippetSource extends SimpleJavaFileObject {

		private final String code;

		SnippetSource(Snippet snippet) {
			super(URI.create("string:///" + snippet.sourceName() + Kind.SOURCE.extension), Kind.SOURCE);
			this.code = snippet.code();
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.code;
		}

	}

}
