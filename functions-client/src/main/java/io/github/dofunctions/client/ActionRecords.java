package io.github.dofunctions.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.dofunctions.client.model.DeployedFunction;
import io.github.dofunctions.client.model.DeployedPackage;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.FunctionLimits;
import io.github.dofunctions.client.model.FunctionRuntime;
import io.github.dofunctions.client.model.PackageDefinition;
import io.github.dofunctions.client.model.WebExport;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of actions and packages on a namespace's API host, as Apache OpenWhisk reads
 * and writes it ({@code WhiskAction}, {@code WhiskPackage}, {@code Parameters} and
 * {@code ActionLimits} in apache/openwhisk; {@code ActionPut}, {@code Action} and
 * {@code PackagePut} in its OpenAPI description), and the runtimes of
 * {@code GET /api/v1}.
 */
final class ActionRecords {

	/** The annotation of a web function (apache/openwhisk, {@code WebActions.scala}). */
	static final String WEB_EXPORT = "web-export";

	/** The annotation of a raw web function: body and query as they came. */
	static final String RAW_HTTP = "raw-http";

	/**
	 * The annotation that keeps a web caller from overriding the function's parameters.
	 */
	static final String FINAL = "final";

	/** The annotation holding a web function's secret, sent in X-Require-Whisk-Auth. */
	static final String REQUIRE_WHISK_AUTH = "require-whisk-auth";

	private ActionRecords() {
	}

	/**
	 * The body of a deploy: the code in {@code exec}, parameters and environment in
	 * {@code parameters} (the environment with {@code init: true}, as doctl's deployer
	 * writes it), and the web settings as annotations, as doctl writes {@code web} and
	 * {@code webSecure}: {@code web-export}, {@code raw-http}, {@code final: true} and
	 * {@code require-whisk-auth}.
	 */
	static ActionPut actionPut(FunctionDefinition function, String kind) {
		return actionPut(function, kind, List.of());
	}

	/**
	 * The body of a deploy that also sends environment variables kept from the deployed
	 * function.
	 */
	static ActionPut actionPut(FunctionDefinition function, String kind, List<KeyValue> kept) {
		boolean binary = function.zip() != null;
		String code = binary ? java.util.Base64.getEncoder().encodeToString(function.zip()) : function.source();
		List<KeyValue> annotations = new ArrayList<>();
		function.annotations().forEach((key, value) -> annotations.add(new KeyValue(key, value, null)));
		annotations.add(new KeyValue(WEB_EXPORT, function.web() != WebExport.OFF, null));
		annotations.add(new KeyValue(RAW_HTTP, function.web() == WebExport.RAW, null));
		if (function.web() != WebExport.OFF) {
			annotations.add(new KeyValue(FINAL, true, null));
		}
		if (function.webSecret() != null) {
			annotations.add(new KeyValue(REQUIRE_WHISK_AUTH, function.webSecret(), null));
		}
		FunctionLimits limits = function.limits();
		List<KeyValue> parameters = parameters(function.parameters(), function.environment());
		parameters.addAll(kept);
		return new ActionPut(new Exec(kind, code, binary, function.main()), parameters, annotations,
				(limits.timeout() != null || limits.memory() != null)
						? new Limits((limits.timeout() != null) ? limits.timeout().toMillis() : null, limits.memory())
						: null);
	}

	static PackagePut packagePut(PackageDefinition definition) {
		List<KeyValue> annotations = new ArrayList<>();
		definition.annotations().forEach((key, value) -> annotations.add(new KeyValue(key, value, null)));
		return new PackagePut(parameters(definition.parameters(), definition.environment()), annotations, false);
	}

	private static List<KeyValue> parameters(Map<String, Object> parameters, Map<String, String> environment) {
		List<KeyValue> all = new ArrayList<>();
		parameters.forEach((key, value) -> all.add(new KeyValue(key, value, null)));
		environment.forEach((key, value) -> all.add(new KeyValue(key, value, true)));
		return all;
	}

	/**
	 * The environment variables of a deployed action that a function keeps: those it
	 * names and does not set itself.
	 */
	static List<KeyValue> kept(ActionRecord deployed, FunctionDefinition function) {
		if (deployed.parameters() == null) {
			return List.of();
		}
		return deployed.parameters()
			.stream()
			.filter((entry) -> entry != null && entry.isInit() && entry.key() != null
					&& function.keptEnvironment().contains(entry.key())
					&& !function.environment().containsKey(entry.key()))
			.map((entry) -> new KeyValue(entry.key(), entry.value(), true))
			.toList();
	}

	/**
	 * The name of an action: OpenWhisk gives an action of a package the namespace
	 * {@code <namespace>/<package>}.
	 */
	static String functionName(@Nullable String namespace, String name) {
		int slash = (namespace != null) ? namespace.indexOf('/') : -1;
		return (slash >= 0) ? namespace.substring(slash + 1) + "/" + name : name;
	}

	/**
	 * A key and value of OpenWhisk's {@code parameters} or {@code annotations}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record KeyValue(@JsonProperty("key") @Nullable String key, @JsonProperty("value") @Nullable Object value,
			@JsonProperty("init") @Nullable Boolean init) {

		boolean isInit() {
			return Boolean.TRUE.equals(this.init);
		}

		@Override
		public String toString() {
			return "KeyValue[key=" + this.key + (isInit() ? ", init]" : "]");
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Exec(@JsonProperty("kind") @Nullable String kind, @JsonProperty("code") @Nullable String code,
			@JsonProperty("binary") @Nullable Boolean binary, @JsonProperty("main") @Nullable String main) {

		@Override
		public String toString() {
			return "Exec[kind=" + this.kind + ", binary=" + this.binary + ", main=" + this.main + "]";
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Limits(@JsonProperty("timeout") @Nullable Long timeout, @JsonProperty("memory") @Nullable Integer memory) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ActionPut(@JsonProperty("exec") Exec exec, @JsonProperty("parameters") List<KeyValue> parameters,
			@JsonProperty("annotations") List<KeyValue> annotations, @JsonProperty("limits") @Nullable Limits limits) {

		@Override
		public String toString() {
			return "ActionPut[exec=" + this.exec + ", parameters=" + this.parameters + "]";
		}

	}

	record PackagePut(@JsonProperty("parameters") List<KeyValue> parameters,
			@JsonProperty("annotations") List<KeyValue> annotations, @JsonProperty("publish") boolean publish) {

		@Override
		public String toString() {
			return "PackagePut[parameters=" + this.parameters + "]";
		}

	}

	/**
	 * An action as the API host answers it. Its environment values are read only to be
	 * dropped.
	 */
	record ActionRecord(@JsonProperty("namespace") @Nullable String namespace,
			@JsonProperty("name") @Nullable String name, @JsonProperty("version") @Nullable String version,
			@JsonProperty("exec") @Nullable Exec exec, @JsonProperty("parameters") @Nullable List<KeyValue> parameters,
			@JsonProperty("annotations") @Nullable List<KeyValue> annotations,
			@JsonProperty("limits") @Nullable Limits limits, @JsonProperty("updated") @Nullable Long updated) {

		boolean isComplete() {
			return this.name != null && !this.name.isBlank();
		}

		DeployedFunction toFunction() {
			Map<String, Object> annotationValues = values(this.annotations, false);
			boolean exported = Boolean.TRUE.equals(annotationValues.get(WEB_EXPORT));
			boolean raw = Boolean.TRUE.equals(annotationValues.get(RAW_HTTP));
			Object secret = annotationValues.remove(REQUIRE_WHISK_AUTH);
			Exec exec = (this.exec != null) ? this.exec : new Exec(null, null, null, null);
			Duration timeout = (this.limits != null && this.limits.timeout() != null)
					? Duration.ofMillis(this.limits.timeout()) : null;
			return new DeployedFunction(functionName(this.namespace, this.name),
					(this.version != null) ? this.version : "", (exec.kind() != null) ? exec.kind() : "", exec.main(),
					Boolean.TRUE.equals(exec.binary()), values(this.parameters, false), initNames(this.parameters),
					new FunctionLimits(timeout, (this.limits != null) ? this.limits.memory() : null),
					exported ? (raw ? WebExport.RAW : WebExport.ON) : WebExport.OFF,
					secret != null && !Boolean.FALSE.equals(secret), Collections.unmodifiableMap(annotationValues),
					(this.updated != null) ? Instant.ofEpochMilli(this.updated) : null);
		}

		@Override
		public String toString() {
			return "ActionRecord[namespace=" + this.namespace + ", name=" + this.name + "]";
		}

	}

	/**
	 * A package's entry of an action, as a package's answer lists them.
	 */
	record PackageAction(@JsonProperty("name") @Nullable String name) {

	}

	record PackageRecord(@JsonProperty("name") @Nullable String name, @JsonProperty("version") @Nullable String version,
			@JsonProperty("parameters") @Nullable List<KeyValue> parameters,
			@JsonProperty("annotations") @Nullable List<KeyValue> annotations,
			@JsonProperty("actions") @Nullable List<PackageAction> actions,
			@JsonProperty("updated") @Nullable Long updated) {

		boolean isComplete() {
			return this.name != null && !this.name.isBlank();
		}

		DeployedPackage toPackage() {
			List<String> functions = (this.actions != null)
					? this.actions.stream().map(PackageAction::name).filter((name) -> name != null).toList()
					: List.of();
			return new DeployedPackage(this.name, (this.version != null) ? this.version : "",
					values(this.parameters, false), initNames(this.parameters), values(this.annotations, false),
					functions, (this.updated != null) ? Instant.ofEpochMilli(this.updated) : null);
		}

		@Override
		public String toString() {
			return "PackageRecord[name=" + this.name + "]";
		}

	}

	/**
	 * OpenWhisk's description of itself: the runtimes it offers by language.
	 */
	record ApiInfo(@JsonProperty("runtimes") @Nullable Map<String, List<RuntimeRecord>> runtimes) {

		List<FunctionRuntime> toRuntimes() {
			List<FunctionRuntime> all = new ArrayList<>();
			if (this.runtimes != null) {
				this.runtimes.forEach((language, kinds) -> {
					if (kinds != null) {
						kinds.stream()
							.filter((kind) -> kind != null && kind.kind() != null)
							.forEach((kind) -> all.add(new FunctionRuntime(language, kind.kind(),
									Boolean.TRUE.equals(kind.isDefault()), Boolean.TRUE.equals(kind.deprecated()))));
					}
				});
			}
			return List.copyOf(all);
		}

	}

	record RuntimeRecord(@JsonProperty("kind") @Nullable String kind,
			@JsonProperty("default") @Nullable Boolean isDefault,
			@JsonProperty("deprecated") @Nullable Boolean deprecated) {

	}

	/**
	 * The values of the entries that are, or are not, {@code init} parameters; the
	 * environment's values are never kept.
	 */
	private static Map<String, Object> values(@Nullable List<KeyValue> entries, boolean init) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (entries != null) {
			for (KeyValue entry : entries) {
				if (entry != null && entry.key() != null && entry.isInit() == init) {
					values.put(entry.key(), entry.value());
				}
			}
		}
		return values;
	}

	private static List<String> initNames(@Nullable List<KeyValue> entries) {
		return (entries != null) ? entries.stream()
			.filter((entry) -> entry != null && entry.key() != null && entry.isInit())
			.map(KeyValue::key)
			.toList() : List.of();
	}

}
