package io.github.dofunctions.client.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The code of a function of a project: a single file, or a folder whose files are
 * selected and zipped as doctl's deployer does it (nimbella/nimbella-deployer,
 * {@code src/finder-builder.ts}, {@code identifyActionFiles}, {@code processInclude},
 * {@code getIgnores}, {@code autozipBuilder}; {@code src/util.ts},
 * {@code actionFileToParts}, {@code SYSTEM_EXCLUDE_PATTERNS}).
 *
 * @param source the source text of a single file, or {@code null}
 * @param zip a zip file as it is, or {@code null}
 * @param files the files of a folder to zip, each under its name in the zip, or
 * {@code null}
 * @param runtime the runtime its files' extensions say, or {@code null}
 */
record FunctionCode(@Nullable String source, byte @Nullable [] zip, @Nullable Map<String, Path> files,
		@Nullable String runtime) {

	/**
	 * What doctl never deploys: {@code SYSTEM_EXCLUDE_PATTERNS} and the files
	 * {@code getIgnores} adds, in {@code .gitignore} form.
	 */
	static final List<String> SYSTEM_IGNORES = List.of(".gitignore", ".DS_Store", "**/.git/**", "**/*.swp", "**/*.swx",
			".ignore", ".build", "build.sh", "build.cmd", "__deployer__.zip");

	private static final IgnoreRules SYSTEM = new IgnoreRules(SYSTEM_IGNORES);

	/**
	 * Runtimes of extensions: {@code FileExtensionRuntimes} of {@code src/runtimes.ts}.
	 */
	private static final Map<String, String> RUNTIMES = Map.of("js", "nodejs:default", "ts", "nodejs:default", "py",
			"python:default", "go", "go:default", "php", "php:default");

	/**
	 * Return whether doctl skips a file: the system patterns, and the names holding
	 * {@code .nimbella}, {@code .deployed}, {@code _tmp_}, {@code .#} or ending with
	 * {@code ~}.
	 */
	static boolean systemExcluded(String relative) {
		return SYSTEM.ignores(relative) || relative.contains(".nimbella") || relative.contains(".deployed")
				|| relative.contains("_tmp_") || relative.contains(".#") || relative.endsWith("~");
	}

	/**
	 * Return the function name and runtime of a single file, as {@code actionFileToParts}
	 * says them: the name is all before the last {@code .}; {@code name.zip} holds code;
	 * {@code name.<kind>-<version>.zip} names its runtime.
	 */
	static String[] nameAndRuntime(String fileName) {
		int dot = fileName.lastIndexOf('.');
		if (dot <= 0) {
			return new String[] { fileName, null };
		}
		String extension = fileName.substring(dot + 1);
		String name = fileName.substring(0, dot);
		if (!"zip".equals(extension)) {
			return new String[] { name, RUNTIMES.get(extension) };
		}
		String[] parts = name.split("\\.");
		if (parts.length < 2) {
			return new String[] { name, null };
		}
		String last = parts[parts.length - 1];
		String mid = last;
		int nameParts = parts.length - 1;
		if (parts.length > 2 && last.matches("\\d+") && parts[parts.length - 2].contains("-")) {
			mid = parts[parts.length - 2] + "." + last;
			nameParts = parts.length - 2;
		}
		String runtime = mid.contains("-") ? mid.replaceFirst("-", ":") : mid + ":default";
		return new String[] { String.join(".", List.of(parts).subList(0, nameParts)), runtime };
	}

	/**
	 * Read a single file.
	 */
	static FunctionCode ofFile(Path file) {
		String fileName = file.getFileName().toString();
		String runtime = nameAndRuntime(fileName)[1];
		try {
			if (fileName.endsWith(".zip")) {
				return new FunctionCode(null, Files.readAllBytes(file), null, runtime);
			}
			if (fileName.endsWith(".jar")) {
				throw new ProjectException(file + ": a .jar is binary code of a runtime DigitalOcean does not offer");
			}
			return new FunctionCode(Files.readString(file, StandardCharsets.UTF_8), null, null, runtime);
		}
		catch (MalformedInputException ex) {
			throw new ProjectException(file + " is not UTF-8 text: a single file is deployed as source code, and "
					+ "code that is not text is deployed as a .zip", ex);
		}
		catch (IOException ex) {
			throw new ProjectException(file + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Read a folder: the files {@code .include} names, or else all its files but those
	 * {@code .ignore} and the system patterns ignore. One file is deployed as a single
	 * file, more are zipped.
	 * @param root the project's real folder
	 * @param folder the function's folder
	 * @param function the function's name, for messages
	 */
	static FunctionCode ofFolder(Path root, Path folder, String function) {
		Path include = Files.isRegularFile(folder.resolve(".include")) ? folder.resolve(".include")
				: folder.resolve(".source");
		boolean including = Files.isRegularFile(include);
		if (including && Files.exists(folder.resolve(".ignore"))) {
			throw new ProjectException("In " + folder + ": '.include' (or '.source') and '.ignore' may not both be "
					+ "present (doctl's message)");
		}
		Map<String, Path> files = including ? included(root, folder, include) : listed(root, folder);
		if (files.isEmpty()) {
			throw new ProjectException("function '" + function + "' has no included files in " + folder);
		}
		if (files.size() == 1) {
			return ofFile(files.values().iterator().next());
		}
		Set<String> runtimes = new LinkedHashSet<>();
		files.keySet().forEach((name) -> {
			String runtime = nameAndRuntime(name.substring(name.lastIndexOf('/') + 1))[1];
			if (runtime != null && !name.endsWith(".zip")) {
				runtimes.add(runtime);
			}
		});
		return new FunctionCode(null, null, files, (runtimes.size() == 1) ? runtimes.iterator().next()
				: (runtimes.isEmpty() ? null : "ambiguous: " + String.join(", ", runtimes)));
	}

	private static Map<String, Path> listed(Path root, Path folder) {
		IgnoreRules ignore = new IgnoreRules(readLines(folder.resolve(".ignore")));
		Map<String, Path> files = new TreeMap<>();
		for (Path file : walk(root, folder)) {
			String relative = relative(folder, file);
			if (!systemExcluded(relative) && !ignore.ignores(relative)) {
				files.put(relative, file);
			}
		}
		return files;
	}

	/**
	 * The files of an {@code .include}: each line a file or folder of the function, or of
	 * the project's {@code lib} folder ({@code ../../../lib/...}, zipped under its last
	 * name); absolute paths and other {@code ..} are refused with doctl's messages
	 * ({@code checkIncludeItems}).
	 */
	private static Map<String, Path> included(Path root, Path folder, Path include) {
		Map<String, Path> files = new TreeMap<>();
		for (String line : readLines(include)) {
			String item = line.trim();
			if (item.isEmpty()) {
				continue;
			}
			if (item.startsWith("/") || Path.of(item).isAbsolute()) {
				throw new ProjectException(include + ": Absolute paths are prohibited in an '.include' file");
			}
			if (item.contains("..") && !item.startsWith("../../../lib")) {
				throw new ProjectException(include + ": Illegal use of '..' in an '.include' file");
			}
			if (item.startsWith("./")) {
				item = item.substring(2);
			}
			while (item.endsWith("/")) {
				item = item.substring(0, item.length() - 1);
			}
			Path path = folder.resolve(item).normalize();
			if (!Files.exists(path)) {
				throw new ProjectException(path + " is included for '" + folder + "' but does not exist");
			}
			ProjectPaths.requireInside(root, path, "'" + item + "' of " + include);
			String name = item.contains("..") ? path.getFileName().toString() : item;
			if (Files.isDirectory(path)) {
				for (Path file : walk(root, path)) {
					String relative = relative(path, file);
					if (!systemExcluded(relative)) {
						files.put(name + "/" + relative, file);
					}
				}
			}
			else {
				files.put(name, path);
			}
		}
		return files;
	}

	private static List<Path> walk(Path root, Path folder) {
		try (Stream<Path> walk = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
			List<Path> files = new ArrayList<>();
			for (Path path : (Iterable<Path>) walk::iterator) {
				ProjectPaths.requireInside(root, path, relative(folder, path));
				if (!Files.isDirectory(path)) {
					files.add(path);
				}
			}
			return files;
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof FileSystemLoopException) {
				throw new ProjectException(folder + " holds a link loop: " + ex.getCause().getMessage(), ex);
			}
			throw new ProjectException(folder + " cannot be read: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new ProjectException(folder + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static String relative(Path folder, Path file) {
		StringBuilder name = new StringBuilder();
		for (Path part : folder.relativize(file)) {
			name.append((name.length() > 0) ? "/" : "").append(part);
		}
		return name.toString();
	}

	private static List<String> readLines(Path file) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ProjectException(file + " cannot be read: " + ex.getMessage(), ex);
		}
	}

}
