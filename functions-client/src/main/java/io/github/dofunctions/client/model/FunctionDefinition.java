package io.github.dofunctions.client.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A function to deploy: its name, runtime, code, parameters, environment, limits and web
 * settings. Made with {@link #builder(String)}, which checks everything the platform
 * would refuse, so that nothing invalid is sent.
 * <p>
 * Environment values and the web secret are secrets: {@link #toString()} shows only the
 * environment's names and masks the secret.
 */
public final class FunctionDefinition {

	/**
	 * Largest code a function may have, source or zip: 48 MB, DigitalOcean's "maximum
	 * size of the built function"
	 * (docs.digitalocean.com/products/functions/details/limits).
	 */
	public static final int MAX_CODE_BYTES = 48 * 1024 * 1024;

	/**
	 * Annotations that the {@link Builder#web web settings} write, or that doctl refuses
	 * in a project ({@code require-whisk-auth}, {@code provide-api-key}).
	 */
	static final Set<String> RESERVED_ANNOTATIONS = Set.of("web-export", "raw-http", "final", "require-whisk-auth",
			"provide-api-key", "web-custom-options", "exec");

	private static final Pattern RUNTIME = Pattern.compile("[a-z][a-z0-9]*:[A-Za-z0-9._-]+");

	private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final String name;

	private final String runtime;

	private final @Nullable String source;

	private final byte @Nullable [] zip;

	private final @Nullable String main;

	private final Map<String, Object> parameters;

	private final Map<String, String> environment;

	private final FunctionLimits limits;

	private final WebExport web;

	private final @Nullable String webSecret;

	private final Map<String, Object> annotations;

	private final Set<String> keptEnvironment;

	private FunctionDefinition(Builder builder) {
		this.name = builder.name;
		this.runtime = builder.runtime;
		this.source = builder.source;
		this.zip = builder.zip;
		this.main = builder.main;
		this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.parameters));
		this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(builder.environment));
		this.limits = builder.limits;
		this.web = builder.web;
		this.webSecret = builder.webSecret;
		this.annotations = Collections.unmodifiableMap(new LinkedHashMap<>(builder.annotations));
		this.keptEnvironment = Collections.unmodifiableSet(new LinkedHashSet<>(builder.keptEnvironment));
	}

	/**
	 * Start a function.
	 * @param name the function's name, {@code name} or {@code package/name}, each part an
	 * OpenWhisk entity name
	 * @return the builder
	 * @throws IllegalArgumentException if the name is not one
	 */
	public static Builder builder(String name) {
		ClientRules.check("name " + ((name != null) ? Arguments.quote(name) : "null"), ClientRules.functionName(name));
		return new Builder(name);
	}

	/**
	 * Return the function's name.
	 * @return {@code name} or {@code package/name}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the package of the function.
	 * @return the package, or {@code null} for a function outside any package
	 */
	public @Nullable String packageName() {
		int slash = this.name.indexOf('/');
		return (slash >= 0) ? this.name.substring(0, slash) : null;
	}

	/**
	 * Return the runtime the code runs on.
	 * @return the kind, such as {@code nodejs:18} or {@code python:default}
	 */
	public String runtime() {
		return this.runtime;
	}

	/**
	 * Return the source text of a single-file function.
	 * @return the source, or {@code null} for a zip
	 */
	public @Nullable String source() {
		return this.source;
	}

	/**
	 * Return the zip of a function of several files.
	 * @return a copy of the zip, or {@code null} for source text
	 */
	public byte @Nullable [] zip() {
		return (this.zip != null) ? this.zip.clone() : null;
	}

	/**
	 * Return the name of the function the runtime calls.
	 * @return the entry point, or {@code null} for the runtime's default, {@code main}
	 */
	public @Nullable String main() {
		return this.main;
	}

	/**
	 * Return the parameters every run receives; a caller's parameters of the same name
	 * win.
	 * @return the parameters, written as JSON
	 */
	public Map<String, Object> parameters() {
		return this.parameters;
	}

	/**
	 * Return the environment variables of the function's process, sent as parameters with
	 * {@code init: true} as doctl sends them. Secrets: never shown or written as JSON.
	 * @return the environment
	 */
	public Map<String, String> environment() {
		return this.environment;
	}

	/**
	 * Return the limits of the function's runs.
	 * @return the limits, components {@code null} for the platform's defaults
	 */
	public FunctionLimits limits() {
		return this.limits;
	}

	/**
	 * Return whether the function answers at its web URL.
	 * @return the web setting
	 */
	public WebExport web() {
		return this.web;
	}

	/**
	 * Return the secret a caller of the web function must send in
	 * {@code X-Require-Whisk-Auth}. A secret: never shown or written as JSON.
	 * @return the secret, or {@code null} for none
	 */
	public @Nullable String webSecret() {
		return this.webSecret;
	}

	/**
	 * Return the function's own annotations, besides those the web settings write.
	 * @return the annotations
	 */
	public Map<String, Object> annotations() {
		return this.annotations;
	}

	/**
	 * Return the environment variables the deployed function has that a deploy keeps with
	 * their deployed values, such as those set in the control panel (which doctl's deploy
	 * silently replaces, doctl #1537).
	 * @return the names kept, none by default
	 */
	public Set<String> keptEnvironment() {
		return this.keptEnvironment;
	}

	/**
	 * Return a builder holding everything this function holds, to derive another from it.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.name);
		builder.runtime = this.runtime;
		builder.source = this.source;
		builder.zip = this.zip;
		builder.main = this.main;
		builder.parameters.putAll(this.parameters);
		builder.environment.putAll(this.environment);
		builder.limits = this.limits;
		builder.web = this.web;
		builder.webSecret = this.webSecret;
		builder.annotations.putAll(this.annotations);
		builder.keptEnvironment.addAll(this.keptEnvironment);
		return builder;
	}

	/**
	 * Return the size of the code as sent: the source's UTF-8 bytes, or the zip's.
	 * @return the size in bytes
	 */
	public int codeSize() {
		return (this.zip != null) ? this.zip.length
				: (this.source != null) ? this.source.getBytes(StandardCharsets.UTF_8).length : 0;
	}

	@Override
	public String toString() {
		return "FunctionDefinition[name=" + this.name + ", runtime=" + this.runtime + ", code="
				+ ((this.zip != null) ? "zip of " + this.zip.length + " bytes" : codeSize() + " bytes of source")
				+ ", main=" + this.main + ", parameters=" + this.parameters.keySet() + ", environment="
				+ this.environment.keySet() + ", keptEnvironment=" + this.keptEnvironment + ", limits=" + this.limits
				+ ", web=" + this.web + ", webSecret=" + Secrets.mask(this.webSecret) + "]";
	}

	/**
	 * Builds a {@link FunctionDefinition}, checking each value as it is given.
	 */
	public static final class Builder {

		private final String name;

		private @Nullable String runtime;

		private @Nullable String source;

		private byte @Nullable [] zip;

		private @Nullable String main;

		private final Map<String, Object> parameters = new LinkedHashMap<>();

		private final Map<String, String> environment = new LinkedHashMap<>();

		private FunctionLimits limits = FunctionLimits.defaults();

		private WebExport web = WebExport.OFF;

		private @Nullable String webSecret;

		private final Map<String, Object> annotations = new LinkedHashMap<>();

		private final Set<String> keptEnvironment = new LinkedHashSet<>();

		private Builder(String name) {
			this.name = name;
		}

		/**
		 * Set the runtime.
		 * @param kind {@code <language>:<version>}, such as {@code nodejs:18}, or
		 * {@code <language>:default}; checked against the namespace's runtimes when
		 * deployed
		 * @return this builder
		 * @throws IllegalArgumentException if the kind is not of that form
		 */
		public Builder runtime(String kind) {
			Assert.isTrue(kind != null && RUNTIME.matcher(kind).matches(), () -> "runtime must be like 'nodejs:18' or "
					+ "'python:default', not " + ((kind != null) ? Arguments.quote(kind) : "null"));
			this.runtime = kind;
			return this;
		}

		/**
		 * Set the code: the source text of one file.
		 * @param source the source
		 * @return this builder
		 * @throws IllegalArgumentException if the source is blank or over
		 * {@link #MAX_CODE_BYTES}
		 */
		public Builder code(String source) {
			Assert.hasText(source, "code must not be null or blank");
			int size = source.getBytes(StandardCharsets.UTF_8).length;
			Assert.isTrue(size <= MAX_CODE_BYTES,
					() -> "code is " + size + " bytes, over the limit of " + MAX_CODE_BYTES + " bytes (48 MB)");
			this.source = source;
			this.zip = null;
			return this;
		}

		/**
		 * Set the code: a zip of several files, sent as it is.
		 * @param zip the zip
		 * @return this builder
		 * @throws IllegalArgumentException if the bytes are not a zip, if an entry leaves
		 * the function's folder ({@code ../}, an absolute name), or if the zip is over
		 * {@link #MAX_CODE_BYTES}
		 */
		public Builder zip(byte[] zip) {
			Assert.notNull(zip, "zip must not be null");
			Assert.isTrue(zip.length <= MAX_CODE_BYTES,
					() -> "zip is " + zip.length + " bytes, over the limit of " + MAX_CODE_BYTES + " bytes (48 MB)");
			FunctionZips.check(zip);
			this.zip = zip.clone();
			this.source = null;
			return this;
		}

		/**
		 * Set the code: the files of a folder, zipped with their paths relative to it, as
		 * doctl zips a function's folder.
		 * @param folder the folder
		 * @return this builder
		 * @throws IllegalArgumentException if the folder holds no file, a link out of
		 * itself, or more than {@link #MAX_CODE_BYTES} once zipped
		 * @throws java.io.UncheckedIOException if it cannot be read
		 */
		public Builder folder(Path folder) {
			byte[] zipped = FunctionZips.zip(folder);
			Assert.isTrue(zipped.length <= MAX_CODE_BYTES, () -> "folder " + folder + " zips to " + zipped.length
					+ " bytes, over the limit of " + MAX_CODE_BYTES + " bytes (48 MB)");
			this.zip = zipped;
			this.source = null;
			return this;
		}

		/**
		 * Set the code: the files given, zipped under the names given, in their order, as
		 * a project's reader zips the files a function's folder includes.
		 * @param files each entry's name in the zip ({@code /} between names) and its
		 * file
		 * @return this builder
		 * @throws IllegalArgumentException if there is no file, a name leaves the
		 * function's folder, or the zip is over {@link #MAX_CODE_BYTES}
		 * @throws java.io.UncheckedIOException if a file cannot be read
		 */
		public Builder files(Map<String, Path> files) {
			Assert.notEmpty(files, "files must not be empty");
			return zip(FunctionZips.zip(files));
		}

		/**
		 * Set the name of the function the runtime calls.
		 * @param main the entry point; {@code main} by default
		 * @return this builder
		 */
		public Builder main(String main) {
			Assert.hasText(main, "main must not be null or blank");
			this.main = main;
			return this;
		}

		/**
		 * Add a parameter every run receives.
		 * @param name the parameter's name
		 * @param value its value, written as JSON
		 * @return this builder
		 */
		public Builder parameter(String name, Object value) {
			Assert.hasText(name, "parameter name must not be null or blank");
			Assert.isTrue(!this.environment.containsKey(name),
					() -> "parameter " + Arguments.quote(name) + " is already an environment variable");
			this.parameters.put(name, value);
			return this;
		}

		/**
		 * Add parameters every run receives.
		 * @param parameters the parameters
		 * @return this builder
		 */
		public Builder parameters(Map<String, ?> parameters) {
			Assert.notNull(parameters, "parameters must not be null");
			parameters.forEach(this::parameter);
			return this;
		}

		/**
		 * Add an environment variable of the function's process.
		 * @param name the variable's name: letters, digits and {@code _}, not starting
		 * with a digit
		 * @param value its value, a secret
		 * @return this builder
		 */
		public Builder environment(String name, String value) {
			Assert.isTrue(name != null && ENVIRONMENT_NAME.matcher(name).matches(),
					() -> "environment variable name must be letters, digits and _, not starting with a digit, not "
							+ ((name != null) ? Arguments.quote(name) : "null"));
			Assert.notNull(value, () -> "environment variable " + name + " must have a value");
			Assert.isTrue(!this.parameters.containsKey(name),
					() -> "environment variable " + name + " is already a parameter");
			this.environment.put(name, value);
			return this;
		}

		/**
		 * Add environment variables of the function's process.
		 * @param environment the variables
		 * @return this builder
		 */
		public Builder environment(Map<String, String> environment) {
			Assert.notNull(environment, "environment must not be null");
			environment.forEach(this::environment);
			return this;
		}

		/**
		 * Set the limits of the function's runs.
		 * @param limits the limits
		 * @return this builder
		 */
		public Builder limits(FunctionLimits limits) {
			Assert.notNull(limits, "limits must not be null");
			this.limits = limits;
			return this;
		}

		/**
		 * Set whether the function answers at its web URL.
		 * @param web the web setting; {@link WebExport#OFF} by default
		 * @return this builder
		 */
		public Builder web(WebExport web) {
			Assert.notNull(web, "web must not be null");
			this.web = web;
			return this;
		}

		/**
		 * Set the secret a caller of the web function must send in
		 * {@code X-Require-Whisk-Auth} ({@code webSecure} in a doctl project).
		 * @param secret the secret
		 * @return this builder
		 */
		public Builder webSecret(String secret) {
			Assert.hasText(secret, "webSecret must not be null or blank");
			this.webSecret = secret;
			return this;
		}

		/**
		 * Add an annotation.
		 * @param key the annotation's key; not one the web settings write, nor
		 * {@code require-whisk-auth} or {@code provide-api-key}
		 * @param value its value, written as JSON
		 * @return this builder
		 */
		public Builder annotation(String key, Object value) {
			Assert.hasText(key, "annotation key must not be null or blank");
			Assert.isTrue(!RESERVED_ANNOTATIONS.contains(key), () -> "annotation " + Arguments.quote(key)
					+ " is set by web(...) and webSecret(...), or refused as doctl refuses it");
			Assert.notNull(value, () -> "annotation " + key + " must have a value");
			this.annotations.put(key, value);
			return this;
		}

		/**
		 * Keep environment variables of the deployed function with their deployed values:
		 * the deployer reads them before it deploys and sends them again. A name this
		 * definition also sets is set, not kept; a name the deployed function lacks is
		 * left out.
		 * @param names the names of the variables to keep
		 * @return this builder
		 */
		public Builder keepEnvironment(Collection<String> names) {
			Assert.notNull(names, "names must not be null");
			names.forEach((name) -> Assert.hasText(name, "a kept environment variable's name must not be blank"));
			this.keptEnvironment.addAll(names);
			return this;
		}

		/**
		 * Build the function.
		 * @return the function
		 * @throws IllegalArgumentException if the runtime or the code is missing, or a
		 * web secret is given for a function that is not a web function
		 */
		public FunctionDefinition build() {
			Assert.isTrue(this.runtime != null, () -> "function " + this.name + " needs a runtime, such as nodejs:18");
			Assert.isTrue(this.source != null || this.zip != null,
					() -> "function " + this.name + " needs code: code(source), zip(bytes) or folder(path)");
			Assert.isTrue(this.webSecret == null || this.web != WebExport.OFF,
					() -> "function " + this.name + " has a webSecret but is not a web function: set web(ON or RAW)");
			return new FunctionDefinition(this);
		}

	}

}
