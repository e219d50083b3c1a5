package io.github.dofunctions.emulator;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A function deployed to a namespace of the emulator (an OpenWhisk action), as a snapshot
 * for tests. It holds neither code nor secrets: the environment is given by its names
 * only, and a web secret ({@code require-whisk-auth}) by whether there is one.
 *
 * @param name its name as invoked, {@code name} or {@code package/name}
 * @param packageName its package, or {@code null} for the default package
 * @param kind its runtime, such as {@code nodejs:18} ({@code nodejs:default} resolved)
 * @param version its semantic version, {@code 0.0.1} when deployed, its patch number
 * increased by each update
 * @param web whether it is a web function (annotated {@code web-export: true})
 * @param rawHttp whether, as a web function, it takes the request raw
 * ({@code raw-http: true})
 * @param secured whether, as a web function, it asks for a secret in the
 * {@code X-Require-Whisk-Auth} header
 * @param parameterNames the names of its parameters, its environment's excluded
 * @param environmentNames the names of its environment variables (parameters marked
 * {@code init})
 * @param timeoutMillis its timeout, in milliseconds
 * @param memoryMegabytes its memory, in megabytes
 * @param updated when it was last deployed
 */
public record EmulatedAction(String name, @Nullable String packageName, String kind, String version, boolean web,
		boolean rawHttp, boolean secured, List<String> parameterNames, List<String> environmentNames, int timeoutMillis,
		int memoryMegabytes, Instant updated) {

	static EmulatedAction of(StoredAction action) {
		var required = StoredAction.KeyValue.find(action.annotations(), "require-whisk-auth");
		return new EmulatedAction(action.fullName(), action.packageName(), action.kind(), action.version(),
				action.isTrue("web-export"), action.isTrue("raw-http"),
				required != null && !(required.isBoolean() && !required.booleanValue()),
				action.parameters()
					.stream()
					.filter((parameter) -> !parameter.init())
					.map(StoredAction.KeyValue::key)
					.toList(),
				action.parameters()
					.stream()
					.filter(StoredAction.KeyValue::init)
					.map(StoredAction.KeyValue::key)
					.toList(),
				action.limits().timeout(), action.limits().memory(), action.updated());
	}

}
