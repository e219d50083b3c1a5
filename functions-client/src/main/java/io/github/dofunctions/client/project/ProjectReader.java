package io.github.dofunctions.client.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.FunctionLimits;
import io.github.dofunctions.client.model.WebExport;

/**
 * Reads a doctl project, {@code project.yml} and {@code packages/}, into a
 * {@link Project}, as {@code doctl serverless deploy} reads it with its deployer
 * (nimbella/nimbella-deployer, {@code src/project-reader.ts}, {@code src/util.ts},
 * {@code src/finder-builder.ts}; docs.digitalocean.com/products/functions/reference/
 * project-configuration, .../how-to/structure-projects, .../reference/build-process).
 * <ul>
 * <li>{@code packages/<package>/<function>} is a function: a single file (its runtime
 * from the extension: {@code .js} and {@code .ts} {@code nodejs:default}, {@code .py}
 * {@code python:default}, {@code .go} {@code go:default}, {@code .php}
 * {@code php:default}) or a folder, zipped, its files chosen by {@code .include} or
 * {@code .ignore}; {@code packages/default} holds the functions outside any package.
 * Functions in {@code project.yml} get their settings there; files without an entry are
 * functions too.</li>
 * <li>{@code project.yml} is templated with {@code ${NAME}} first (see
 * {@link ProjectTemplates}), from {@link Options#environment()} and then the env file.
 * Every key is checked: one unknown, or one doctl knows but this reader does not carry
 * out, is an error naming its path ({@code packages[0].functions[1].limts}), never
 * dropped.</li>
 * <li>Folders with {@code build.sh} or {@code package.json} are built locally first, when
 * {@link Options#build()}. Remote builds ({@code doctl serverless deploy --remote-build},
 * {@code remoteBuild: true}) are not offered.</li>
 * </ul>
 */
public final class ProjectReader {

	private static final String CONFIG_FILE = "project.yml";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column (\\d+)");

	private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

	/** Top-level keys doctl knows that this reader does not carry out. */
	private static final Set<String> UNSUPPORTED_PROJECT_KEYS = Set.of("targetNamespace", "cleanNamespace", "web",
			"bucket", "actionWrapPackage");

	private final Path root;

	private final Path configFile;

	private final Options options;

	private ProjectTemplates.@Nullable Substituted substituted;

	private @Nullable ProjectValues projectValues;

	private ProjectReader(Path root, Options options) {
		this.root = root;
		this.configFile = root.resolve(CONFIG_FILE);
		this.options = options;
	}

	/**
	 * Read the project in a folder.
	 * @param folder the project's folder, holding {@code project.yml} (optional, as for
	 * doctl) and {@code packages/}
	 * @param options the environment, env file and builds
	 * @return the project
	 * @throws ProjectException if the folder is not a project, {@code project.yml} is
	 * malformed (with its line and column) or says what doctl refuses or this reader does
	 * not carry out, a variable is undefined, a function has no code, a path leaves the
	 * folder, a function is refused by {@link FunctionDefinition} (over 48 MB, say), or a
	 * build fails or its tool is missing
	 */
	public static Project read(Path folder, Options options) {
		if (!Files.isDirectory(folder)) {
			throw new ProjectException("project folder " + folder + " is not a directory");
		}
		Path root;
		try {
			root = folder.toRealPath();
		}
		catch (IOException ex) {
			throw new ProjectException("project folder " + folder + " cannot be read: " + ex.getMessage(), ex);
		}
		return new ProjectReader(root, options).read();
	}

	private Project read() {
		Map<String, String> fileValues = envFileValues();
		Map<String, PackageConfig> configured = Files.isRegularFile(this.configFile) ? readConfig(fileValues)
				: new LinkedHashMap<>();
		ProjectValues project = (this.projectValues != null) ? this.projectValues
				: new ProjectValues(Map.of(), Map.of());
		Map<String, Map<String, Path>> found = scanPackages();
		List<String> names = new ArrayList<>(configured.keySet());
		found.keySet().stream().filter((name) -> !configured.containsKey(name)).forEach(names::add);
		List<ProjectPackage> packages = new ArrayList<>();
		for (String name : names) {
			PackageConfig config = configured.getOrDefault(name, PackageConfig.empty(name));
			Map<String, Path> files = found.getOrDefault(name, Map.of());
			packages.add(readPackage(config, files, project));
		}
		return new Project(this.root, packages);
	}

	// project.yml

	private Map<String, PackageConfig> readConfig(Map<String, String> fileValues) {
		String text;
		try {
			text = Files.readString(this.configFile, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ProjectException(this.configFile + " cannot be read: " + ex.getMessage(), ex);
		}
		int tab = text.indexOf('\t');
		if (tab >= 0) {
			// loadProjectConfig, src/util.ts: "YAML configuration may not contain tabs"
			int[] at = ProjectTemplates.lineColumn(text, tab);
			throw new ProjectException(this.configFile + " line " + at[0] + ", column " + at[1]
					+ ": YAML configuration may not contain tabs (doctl's rule)");
		}
		Map<String, String> environment = this.options.environment();
		this.substituted = ProjectTemplates.substitute(text, this.configFile, this.root, (name) -> {
			String value = environment.get(name);
			return (value != null && !value.isEmpty()) ? value : fileValues.get(name);
		});
		JsonNode tree;
		try {
			tree = YAML.readTree(this.substituted.text());
		}
		catch (JacksonException ex) {
			throw yamlError(ex);
		}
		if (tree == null || tree.isNull() || tree.isMissingNode()) {
			throw new ProjectException(this.configFile + ": configuration is empty or unparseable (doctl's message)");
		}
		Node top = new Node(tree, "");
		top.requireObject();
		Map<String, PackageConfig> packages = new LinkedHashMap<>();
		Map<String, Object> parameters = Map.of();
		Map<String, String> environmentValues = Map.of();
		for (Node key : top.properties()) {
			switch (key.name()) {
				case "parameters" -> parameters = key.objectMap();
				case "environment" -> environmentValues = key.environment();
				case "packages" -> {
					for (Node item : key.elements()) {
						PackageConfig config = PackageConfig.of(item);
						if (packages.put(config.name(), config) != null) {
							throw new ProjectException(item.error("package '" + config.name() + "' is declared twice"));
						}
					}
				}
				default -> throw new ProjectException(key.error(UNSUPPORTED_PROJECT_KEYS.contains(key.name())
						? "doctl's '" + key.name() + "' is not supported by this reader" : "unknown key"));
			}
		}
		this.projectValues = new ProjectValues(parameters, environmentValues);
		return packages;
	}

	private Map<String, String> envFileValues() {
		Path envFile = this.options.envFile();
		if (envFile != null) {
			if (!Files.isRegularFile(envFile)) {
				// readTopLevel, src/project-reader.ts
				throw new ProjectException("The specified environment file '" + envFile + "' does not exist");
			}
			return ProjectTemplates.readEnvFile(envFile);
		}
		// readTopLevel: without --env, a .env file in the project's folder is the env
		// file.
		Path dotEnv = this.root.resolve(".env");
		return Files.isRegularFile(dotEnv) ? ProjectTemplates.readEnvFile(dotEnv) : Map.of();
	}

	private ProjectException yamlError(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		String message = String.valueOf(ex.getOriginalMessage());
		// SnakeYAML Engine's message: the context and the problem, each followed by an
		// indented quote of its line, which may hold substituted values; the lines are
		// dropped, the values masked, and the problem's "line L, column C" preferred to
		// Jackson's location, which is the context's.
		List<String> parts = message.lines().filter((line) -> !line.isBlank() && !line.startsWith(" ")).toList();
		String problem = String.join("; ", parts);
		int line = (location != null) ? location.getLineNr() : -1;
		int column = (location != null) ? location.getColumnNr() : -1;
		Matcher mark = YAML_MARK.matcher(message);
		while (mark.find()) {
			line = Integer.parseInt(mark.group(1));
			column = Integer.parseInt(mark.group(2));
		}
		ProjectTemplates.Substituted text = this.substituted;
		if (text != null) {
			problem = text.mask(problem);
		}
		if (line < 1 || text == null) {
			return new ProjectException(this.configFile + ": malformed YAML: " + problem);
		}
		int[] at = text.originalLineColumn(line, column);
		return new ProjectException(
				this.configFile + " line " + at[0] + ", column " + at[1] + ": malformed YAML: " + problem);
	}

	// packages/

	private Map<String, Map<String, Path>> scanPackages() {
		Path packages = this.root.resolve("packages");
		Map<String, Map<String, Path>> found = new TreeMap<>();
		if (!Files.exists(packages)) {
			return found;
		}
		Path real = ProjectPaths.requireInside(this.root, packages, "packages");
		for (Path entry : list(real)) {
			String name = entry.getFileName().toString();
			if (FunctionCode.systemExcluded(name)) {
				continue;
			}
			ProjectPaths.requireInside(this.root, entry, "packages/" + name);
			if (!Files.isDirectory(entry)) {
				// buildPkgArray: files directly in packages/ are strays, not deployed.
				this.options.output().accept("Skipped packages/" + name + ": not in a package's folder");
				continue;
			}
			Map<String, Path> functions = new TreeMap<>();
			Map<String, String> seen = new TreeMap<>();
			for (Path file : list(entry)) {
				String fileName = file.getFileName().toString();
				if (FunctionCode.systemExcluded(fileName)) {
					continue;
				}
				ProjectPaths.requireInside(this.root, file, "packages/" + name + "/" + fileName);
				boolean folder = Files.isDirectory(file);
				String function = folder ? fileName : FunctionCode.nameAndRuntime(fileName)[0];
				String use = folder ? "as a directory" : "as " + fileName;
				String before = seen.put(function, use);
				if (before != null) {
					// readPackage, duplicateName
					throw new ProjectException("packages/" + name + ": the function name '" + function
							+ "' appears twice, once " + before + " and once " + use);
				}
				functions.put(function, file);
			}
			found.put(name, functions);
		}
		return found;
	}

	private static List<Path> list(Path folder) {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.sorted().toList();
		}
		catch (IOException ex) {
			throw new ProjectException(folder + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	private ProjectPackage readPackage(PackageConfig config, Map<String, Path> files, ProjectValues project) {
		boolean isDefault = ProjectPackage.DEFAULT.equals(config.name());
		List<String> names = new ArrayList<>(config.functions().keySet());
		files.keySet().stream().filter((name) -> !config.functions().containsKey(name)).forEach(names::add);
		List<ProjectFunction> functions = new ArrayList<>();
		for (String name : names) {
			FunctionConfig function = config.functions().getOrDefault(name, FunctionConfig.empty(name));
			String fullName = isDefault ? name : config.name() + "/" + name;
			Path code = files.get(name);
			if (code == null) {
				Path folder = this.root.resolve("packages").resolve(config.name());
				throw new ProjectException("function '" + fullName + "' of " + CONFIG_FILE + " has no code: looked for "
						+ folder.resolve(name) + " (a folder) and " + folder.resolve(name) + ".<extension> (a file)");
			}
			functions.add(readFunction(fullName, function, config, code));
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		Map<String, String> environment = new LinkedHashMap<>();
		if (!isDefault) {
			// onlyDeployPackage, src/deploy.ts: the project's parameters and environment
			// under the package's own; the default package is not deployed.
			parameters.putAll(project.parameters());
			environment.putAll(project.environment());
		}
		parameters.putAll(config.parameters());
		environment.putAll(config.environment());
		return new ProjectPackage(config.name(), parameters, environment, config.annotations(), functions);
	}

	private ProjectFunction readFunction(String name, FunctionConfig config, PackageConfig pkg, Path path) {
		FunctionCode code;
		if (Files.isDirectory(path)) {
			String build = FunctionBuilds.buildOf(path, name);
			if (build != null && this.options.build()) {
				FunctionBuilds.build(path, name, build, this.options.environment(), this.options.output());
			}
			code = FunctionCode.ofFolder(this.root, path, name);
		}
		else {
			code = FunctionCode.ofFile(path);
		}
		String runtime = (config.runtime() != null) ? config.runtime() : code.runtime();
		if (runtime == null || runtime.startsWith("ambiguous: ")) {
			throw new ProjectException("function '" + name + "': the runtime cannot be told from " + path
					+ ((runtime != null) ? " (" + runtime + ")" : "") + "; say 'runtime:' in " + CONFIG_FILE);
		}
		// adjustWebExportFlags, src/project-reader.ts: the function's web, else its
		// package's, else true.
		Object web = (config.web() != null) ? config.web() : (pkg.web() != null) ? pkg.web() : Boolean.TRUE;
		try {
			FunctionDefinition.Builder builder = FunctionDefinition.builder(name).runtime(runtime);
			if (code.files() != null) {
				builder.files(code.files());
			}
			else if (code.zip() != null) {
				builder.zip(code.zip());
			}
			else {
				builder.code(String.valueOf(code.source()));
			}
			if (config.main() != null) {
				builder.main(config.main());
			}
			builder.parameters(config.parameters());
			builder.environment(config.environment());
			config.annotations().forEach(builder::annotation);
			builder.limits(config.limits());
			builder.web(Boolean.TRUE.equals(web) ? WebExport.ON : "raw".equals(web) ? WebExport.RAW : WebExport.OFF);
			if (config.webSecret() != null) {
				builder.webSecret(config.webSecret());
			}
			List<ProjectTrigger> triggers = config.triggers()
				.stream()
				.map((trigger) -> new ProjectTrigger(trigger.name(), name, trigger.cron(), trigger.body(),
						trigger.enabled()))
				.toList();
			return new ProjectFunction(builder.build(), config.web() != null || pkg.web() != null, triggers);
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			throw new ProjectException("function '" + name + "': " + ex.getMessage(), ex);
		}
	}

	// The configuration's parts

	private record ProjectValues(Map<String, Object> parameters, Map<String, String> environment) {

	}

	private record PackageConfig(String name, Map<String, Object> parameters, Map<String, String> environment,
			Map<String, Object> annotations, @Nullable Object web, Map<String, FunctionConfig> functions) {

		static PackageConfig empty(String name) {
			return new PackageConfig(name, Map.of(), Map.of(), Map.of(), null, Map.of());
		}

		/** validatePackageSpec, src/util.ts. */
		static PackageConfig of(Node node) {
			node.requireObject();
			String name = node.requiredString("name");
			boolean isDefault = ProjectPackage.DEFAULT.equals(name);
			Map<String, Object> parameters = Map.of();
			Map<String, String> environment = Map.of();
			Map<String, Object> annotations = Map.of();
			Object web = null;
			Map<String, FunctionConfig> functions = new LinkedHashMap<>();
			String functionsKey = null;
			for (Node key : node.properties()) {
				switch (key.name()) {
					case "name" -> {
					}
					case "functions", "actions" -> {
						if (functionsKey != null) {
							throw new ProjectException(
									key.error("'functions' and 'actions' are the same list: " + "give one"));
						}
						functionsKey = key.name();
						for (Node item : key.elements()) {
							FunctionConfig function = FunctionConfig.of(item);
							if (functions.put(function.name(), function) != null) {
								throw new ProjectException(
										item.error("function '" + function.name() + "' is declared twice"));
							}
						}
					}
					case "shared", "clean" -> {
						if (key.bool()) {
							throw new ProjectException(key.error(isDefault
									? "'" + key.name() + "' must be absent or false for the default package "
											+ "(doctl's message)"
									: "'" + key.name() + ": true' is not supported by this reader"));
						}
					}
					case "web" -> web = key.web();
					case "environment" -> environment = key.environment();
					case "parameters" -> parameters = key.objectMap();
					case "annotations" -> annotations = key.objectMap();
					default -> throw new ProjectException(key.error("unknown key"));
				}
				if (isDefault && Set.of("parameters", "annotations", "environment").contains(key.name())
						&& !key.node().isEmpty()) {
					// doctl refuses parameters and annotations; the environment would be
					// lost as well, the default package not being deployed.
					throw new ProjectException(
							key.error("'" + key.name() + "' must be absent or empty for the default package"));
				}
			}
			return new PackageConfig(name, parameters, environment, annotations, web, functions);
		}

	}

	private record FunctionConfig(String name, @Nullable String runtime, @Nullable String main,
			Map<String, Object> parameters, Map<String, String> environment, Map<String, Object> annotations,
			FunctionLimits limits, @Nullable Object web, @Nullable String webSecret, List<TriggerConfig> triggers) {

		private static final Map<String, String> FORBIDDEN_ANNOTATIONS = Map.of("require-whisk-auth", "webSecure",
				"web-export", "web=true|false|\"raw\"", "raw-http", "web=raw");

		static FunctionConfig empty(String name) {
			return new FunctionConfig(name, null, null, Map.of(), Map.of(), Map.of(), FunctionLimits.defaults(), null,
					null, List.of());
		}

		/** validateActionSpec, src/util.ts. */
		static FunctionConfig of(Node node) {
			node.requireObject();
			String name = node.requiredString("name");
			String runtime = null;
			String main = null;
			Map<String, Object> parameters = Map.of();
			Map<String, String> environment = Map.of();
			Map<String, Object> annotations = Map.of();
			FunctionLimits limits = FunctionLimits.defaults();
			Object web = null;
			String webSecret = null;
			List<TriggerConfig> triggers = List.of();
			for (Node key : node.properties()) {
				switch (key.name()) {
					case "name", "localBuild" -> {
						if (key.name().equals("localBuild")) {
							key.bool();
						}
					}
					case "runtime" -> runtime = key.optionalString();
					case "main" -> main = key.optionalString();
					// binary marks code sent base64; read from the file's extension here.
					case "binary" -> key.bool();
					case "web" -> web = key.web();
					case "webSecure" -> {
						if (key.node().isString()) {
							webSecret = key.node().stringValue();
						}
						else if (!key.node().isBoolean() || key.node().booleanValue()) {
							// true is allowed only in the 'nimbella' namespace
							throw new ProjectException(key.error(
									"'webSecure' member of an 'action' must be a boolean false or a string (doctl's message)"));
						}
					}
					case "parameters" -> parameters = key.objectMap();
					case "environment" -> environment = key.environment();
					case "annotations" -> {
						annotations = key.objectMap();
						for (String annotation : annotations.keySet()) {
							String instead = FORBIDDEN_ANNOTATIONS.get(annotation);
							if (instead != null) {
								throw new ProjectException(
										key.error("the '" + annotation + "' annotation may not be set explicitly; use '"
												+ instead + "' (doctl's message)"));
							}
						}
					}
					case "limits" -> limits = key.limits();
					case "triggers" -> {
						List<TriggerConfig> list = new ArrayList<>();
						for (Node item : key.elements()) {
							list.add(TriggerConfig.of(item));
						}
						triggers = list;
					}
					case "remoteBuild", "clean" -> {
						if (key.bool()) {
							throw new ProjectException(
									key.error("'" + key.name() + ": true' is not supported by this reader"));
						}
					}
					case "sequence" -> throw new ProjectException(
							key.error("sequences are not supported by this reader (a FunctionDefinition holds code)"));
					case "docker", "file" -> throw new ProjectException(
							key.error("doctl's '" + key.name() + "' is not supported by this reader"));
					default -> throw new ProjectException(key.error("unknown key"));
				}
			}
			return new FunctionConfig(name, runtime, main, parameters, environment, annotations, limits, web, webSecret,
					triggers);
		}

	}

	private record TriggerConfig(String name, String cron, @Nullable Map<String, Object> body, boolean enabled) {

		/** validateTriggers and validateSchedulerSourceDetails, src/util.ts. */
		static TriggerConfig of(Node node) {
			node.requireObject();
			String name = node.requiredString("name");
			String cron = null;
			Map<String, Object> body = null;
			boolean enabled = true;
			boolean sourceType = false;
			for (Node key : node.properties()) {
				switch (key.name()) {
					case "name" -> {
					}
					case "sourceType" -> {
						if (!"scheduler".equals(key.string())) {
							throw new ProjectException(key.error(
									"only triggers with sourcetype 'scheduler' are supported at this time (doctl's message)"));
						}
						sourceType = true;
					}
					case "enabled" -> enabled = key.bool();
					case "sourceDetails" -> {
						key.requireObject();
						for (Node detail : key.properties()) {
							switch (detail.name()) {
								case "cron" -> {
									cron = detail.string();
									try {
										CRON.parse(cron).validate();
									}
									catch (IllegalArgumentException ex) {
										throw new ProjectException(detail.error("the cron expression '" + cron
												+ "' is not valid crontab syntax (doctl's message)"));
									}
								}
								case "withBody" -> body = detail.objectMap();
								case "interval", "once" ->
									throw new ProjectException(detail.error("the " + detail.name()
											+ " member of scheduler sourceDetails is defined but not yet implemented "
											+ "(doctl's message)"));
								default -> throw new ProjectException(detail.error("unknown key"));
							}
						}
					}
					case "overwrite" ->
						throw new ProjectException(key.error("doctl's 'overwrite' is not supported by this reader"));
					default -> throw new ProjectException(key.error("unknown key"));
				}
			}
			if (!sourceType) {
				throw new ProjectException(node.error("the 'sourceType' field of a trigger is required"));
			}
			if (cron == null) {
				throw new ProjectException(node.error("no trigger time was specified for a trigger with sourcetype "
						+ "'scheduler' (sourceDetails.cron is required)"));
			}
			return new TriggerConfig(name, cron, body, enabled);
		}

	}

	/**
	 * A node of {@code project.yml} and its path, such as
	 * {@code packages[0].functions[1].limits}. An empty value ({@code null}, {@code ''},
	 * {@code {}}) of a known key is read as absent, as the deployer reads it.
	 */
	private record Node(JsonNode node, String path) {

		String name() {
			int dot = this.path.lastIndexOf('.');
			return (dot >= 0) ? this.path.substring(dot + 1) : this.path;
		}

		String error(String message) {
			return CONFIG_FILE + ": " + (this.path.isEmpty() ? "" : this.path + ": ") + message;
		}

		void requireObject() {
			if (!this.node.isObject()) {
				throw new ProjectException(error("must be a mapping of keys"));
			}
		}

		List<Node> properties() {
			requireObject();
			List<Node> properties = new ArrayList<>();
			this.node.properties()
				.forEach((entry) -> properties
					.add(new Node(entry.getValue(), (this.path.isEmpty() ? "" : this.path + ".") + entry.getKey())));
			return properties;
		}

		List<Node> elements() {
			if (this.node.isNull()) {
				return List.of();
			}
			if (!this.node.isArray()) {
				throw new ProjectException(error("must be a list"));
			}
			List<Node> elements = new ArrayList<>();
			for (int i = 0; i < this.node.size(); i++) {
				elements.add(new Node(this.node.get(i), this.path + "[" + i + "]"));
			}
			return elements;
		}

		String requiredString(String key) {
			JsonNode value = this.node.get(key);
			if (value == null || !value.isString() || value.stringValue().isBlank()) {
				throw new ProjectException(error("'" + key + "' is required, a string"));
			}
			return value.stringValue();
		}

		/** A string, empty or absent as null: removeEmptyStringMembers, src/util.ts. */
		@Nullable String optionalString() {
			return (this.node.isNull() || (this.node.isString() && this.node.stringValue().isEmpty())) ? null
					: string();
		}

		String string() {
			if (!this.node.isString()) {
				throw new ProjectException(error("must be a string"));
			}
			return this.node.stringValue();
		}

		boolean bool() {
			if (this.node.isNull()) {
				return false;
			}
			if (!this.node.isBoolean()) {
				throw new ProjectException(error("must be true or false"));
			}
			return this.node.booleanValue();
		}

		@Nullable Object web() {
			if (this.node.isBoolean()) {
				return this.node.booleanValue();
			}
			if (this.node.isString() && "raw".equals(this.node.stringValue())) {
				return "raw";
			}
			if (this.node.isNull()) {
				return null;
			}
			throw new ProjectException(error("must be true, false or 'raw'"));
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> objectMap() {
			if (this.node.isNull()) {
				return Map.of();
			}
			requireObject();
			return YAML.treeToValue(this.node, LinkedHashMap.class);
		}

		/** validateEnvironment: every value a string. Values are secrets: never shown. */
		Map<String, String> environment() {
			if (this.node.isNull()) {
				return Map.of();
			}
			Map<String, String> environment = new LinkedHashMap<>();
			for (Node entry : properties()) {
				if (!entry.node().isString()) {
					throw new ProjectException(entry.error("All environment values must be strings (doctl's message)"));
				}
				environment.put(entry.name(), entry.node().stringValue());
			}
			return environment;
		}

		/** validateLimits: timeout (ms), memory (MB) and logs, numbers. */
		FunctionLimits limits() {
			if (this.node.isNull()) {
				return FunctionLimits.defaults();
			}
			Duration timeout = null;
			Integer memory = null;
			for (Node entry : properties()) {
				switch (entry.name()) {
					case "timeout" -> timeout = Duration.ofMillis(entry.integer());
					case "memory" -> memory = entry.integer();
					case "logs" -> throw new ProjectException(entry.error(
							"the log limit is not supported by this reader: FunctionLimits has a timeout and memory only"));
					default -> throw new ProjectException(entry.error("unknown key"));
				}
			}
			try {
				return new FunctionLimits(timeout, memory);
			}
			catch (IllegalArgumentException ex) {
				throw new ProjectException(error(ex.getMessage()), ex);
			}
		}

		int integer() {
			if (!this.node.isIntegralNumber() || !this.node.canConvertToInt()) {
				throw new ProjectException(error("must be a whole number"));
			}
			return this.node.intValue();
		}

	}

	/**
	 * How a project is read: the variables of its templating, and its builds.
	 *
	 * @param envFile the env file ({@code doctl serverless deploy --env}), or
	 * {@code null} for the project's {@code .env} if there is one, as doctl does
	 * @param environment the process environment: the variables of the templating, before
	 * the env file's, and the environment of the builds (its {@code PATH} finds
	 * {@code bash} and {@code npm}); secrets, never shown
	 * @param build whether folders with {@code build.sh} or {@code package.json} are
	 * built before they are zipped
	 * @param output where the builds' output goes, line by line, and the reader's notes
	 */
	public record Options(@Nullable Path envFile, Map<String, String> environment, boolean build,
			Consumer<String> output) {

		/**
		 * Create options.
		 * @param envFile the env file, or {@code null} for the project's {@code .env}
		 * @param environment the process environment, copied
		 * @param build whether to build folders before they are zipped
		 * @param output where the builds' output goes
		 */
		public Options {
			environment = Map.copyOf(environment);
		}

		/**
		 * Return the defaults: the process environment ({@link System#getenv()}), the
		 * project's {@code .env} if any, builds run, output to {@link System#out}.
		 * @return the defaults
		 */
		public static Options defaults() {
			return new Options(null, System.getenv(), true, System.out::println);
		}

		/**
		 * Return these options with an env file.
		 * @param envFile the env file, {@code KEY=VALUE} lines or a JSON object; or
		 * {@code null} for the project's {@code .env}
		 * @return the options
		 */
		public Options withEnvFile(@Nullable Path envFile) {
			return new Options(envFile, this.environment, this.build, this.output);
		}

		/**
		 * Return these options with a process environment.
		 * @param environment the variables, replacing the process's
		 * @return the options
		 */
		public Options withEnvironment(Map<String, String> environment) {
			return new Options(this.envFile, environment, this.build, this.output);
		}

		/**
		 * Return these options with builds run or not.
		 * @param build whether builds run
		 * @return the options
		 */
		public Options withBuild(boolean build) {
			return new Options(this.envFile, this.environment, build, this.output);
		}

		/**
		 * Return these options with an output.
		 * @param output where the builds' lines go
		 * @return the options
		 */
		public Options withOutput(Consumer<String> output) {
			return new Options(this.envFile, this.environment, this.build, output);
		}

		@Override
		public String toString() {
			return "Options[envFile=" + this.envFile + ", environment=" + this.environment.keySet() + ", build="
					+ this.build + "]";
		}

	}

}
