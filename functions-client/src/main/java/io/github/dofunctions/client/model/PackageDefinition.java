package io.github.dofunctions.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * A package to deploy: a folder of functions sharing parameters and environment
 * variables, which its functions' own override. Made with {@link #builder(String)}.
 * Environment values are secrets: {@link #toString()} shows only their names.
 */
public final class PackageDefinition {

	private final String name;

	private final Map<String, Object> parameters;

	private final Map<String, String> environment;

	private final Map<String, Object> annotations;

	private PackageDefinition(Builder builder) {
		this.name = builder.name;
		this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.parameters));
		this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(builder.environment));
		this.annotations = Collections.unmodifiableMap(new LinkedHashMap<>(builder.annotations));
	}

	/**
	 * Start a package.
	 * @param name the package's name, an OpenWhisk entity name (no {@code /})
	 * @return the builder
	 * @throws IllegalArgumentException if the name is not one
	 */
	public static Builder builder(String name) {
		String quoted = (name != null) ? Arguments.quote(name) : "null";
		ClientRules.check("package " + quoted, ClientRules.functionName(name));
		Assert.isTrue(!name.contains("/"), () -> "package " + quoted + " must not contain '/'");
		return new Builder(name);
	}

	/**
	 * Return the package's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the parameters every function of the package receives.
	 * @return the parameters, written as JSON
	 */
	public Map<String, Object> parameters() {
		return this.parameters;
	}

	/**
	 * Return the environment variables of the package's functions, sent as parameters
	 * with {@code init: true}. Secrets.
	 * @return the environment
	 */
	public Map<String, String> environment() {
		return this.environment;
	}

	/**
	 * Return the package's annotations.
	 * @return the annotations
	 */
	public Map<String, Object> annotations() {
		return this.annotations;
	}

	@Override
	public String toString() {
		return "PackageDefinition[name=" + this.name + ", parameters=" + this.parameters.keySet() + ", environment="
				+ this.environment.keySet() + "]";
	}

	/**
	 * Builds a {@link PackageDefinition}.
	 */
	public static final class Builder {

		private final String name;

		private final Map<String, Object> parameters = new LinkedHashMap<>();

		private final Map<String, String> environment = new LinkedHashMap<>();

		private final Map<String, Object> annotations = new LinkedHashMap<>();

		private Builder(String name) {
			this.name = name;
		}

		/**
		 * Add a parameter every function of the package receives.
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
		 * Add an environment variable of the package's functions.
		 * @param name the variable's name
		 * @param value its value, a secret
		 * @return this builder
		 */
		public Builder environment(String name, String value) {
			FunctionDefinition.builder("check").environment(name, value);
			Assert.isTrue(!this.parameters.containsKey(name),
					() -> "environment variable " + name + " is already a parameter");
			this.environment.put(name, value);
			return this;
		}

		/**
		 * Add an annotation.
		 * @param key the annotation's key
		 * @param value its value, written as JSON
		 * @return this builder
		 */
		public Builder annotation(String key, Object value) {
			Assert.hasText(key, "annotation key must not be null or blank");
			Assert.notNull(value, () -> "annotation " + key + " must have a value");
			this.annotations.put(key, value);
			return this;
		}

		/**
		 * Build the package.
		 * @return the package
		 */
		public PackageDefinition build() {
			return new PackageDefinition(this);
		}

	}

}
