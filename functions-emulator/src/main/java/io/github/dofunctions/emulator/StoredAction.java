package io.github.dofunctions.emulator;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A deployed function as the emulator keeps it: OpenWhisk's {@code WhiskAction} with code
 * ({@code CodeExecAsString}).
 *
 * @param namespaceId the namespace
 * @param packageName its package, or {@code null} for the default package
 * @param name its name within the package
 * @param kind its runtime, resolved ({@code nodejs:18}, never {@code nodejs:default})
 * @param main the entry point, or {@code null} for the runtime's
 * @param binary whether the code is base64 (a zip), as OpenWhisk decides it
 * ({@code Exec.isBinaryCode})
 * @param code the code
 * @param parameters its parameters; those marked {@code init} are its environment
 * @param annotations its annotations ({@code init} is always {@code false})
 * @param limits its limits
 * @param version its semantic version, {@code 0.0.1} when made
 * @param publish whether it is shared
 * @param updated when it was last deployed
 */
record StoredAction(String namespaceId, @Nullable String packageName, String name, String kind, @Nullable String main,
		boolean binary, String code, List<KeyValue> parameters, List<KeyValue> annotations, ActionLimits limits,
		String version, boolean publish, Instant updated) {

	/**
	 * Return the name it is invoked by.
	 * @return {@code name} or {@code package/name}
	 */
	String fullName() {
		return (this.packageName != null) ? this.packageName + "/" + this.name : this.name;
	}

	/**
	 * Return its namespace path, as OpenWhisk writes it in {@code namespace}.
	 * @return the namespace id, or {@code <id>/<package>}
	 */
	String path() {
		return (this.packageName != null) ? this.namespaceId + "/" + this.packageName : this.namespaceId;
	}

	/**
	 * Return whether an annotation is the boolean {@code true}, as OpenWhisk reads
	 * {@code web-export} and {@code raw-http} ({@code annotations.getAs[Boolean]}).
	 */
	boolean isTrue(String annotation) {
		JsonNode value = KeyValue.find(this.annotations, annotation);
		return value != null && value.isBoolean() && value.booleanValue();
	}

	/**
	 * A parameter or an annotation: OpenWhisk's {@code Parameters} entry.
	 *
	 * @param key its name
	 * @param value any JSON value
	 * @param init whether it is offered at initialization only: an environment variable
	 */
	record KeyValue(String key, JsonNode value, boolean init) {

		static @Nullable JsonNode find(List<KeyValue> entries, String key) {
			return entries.stream()
				.filter((entry) -> entry.key.equals(key))
				.map(KeyValue::value)
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.init ? this.key + "=******" : this.key + "=" + this.value;
		}

	}

}
