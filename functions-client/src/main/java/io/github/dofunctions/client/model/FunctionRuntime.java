package io.github.dofunctions.client.model;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A runtime a namespace offers, as its API host lists it in {@code GET /api/v1} under
 * {@code runtimes} (apache/openwhisk, {@code RestAPIs.scala} and
 * {@code ExecManifest.scala}): the language's versions, one of them the default.
 *
 * @param language the language, such as {@code nodejs}
 * @param kind the kind a function names, such as {@code nodejs:18}
 * @param isDefault whether {@code <language>:default} means this kind
 * @param deprecated whether the platform deprecates it
 */
public record FunctionRuntime(String language, String kind, boolean isDefault, boolean deprecated) {

	/**
	 * Find the runtime a kind names among those a namespace offers:
	 * {@code <language>:default} names the language's default, as OpenWhisk resolves it
	 * ({@code ExecManifest}).
	 * @param kind the kind, such as {@code nodejs:18} or {@code nodejs:default}
	 * @param offered the runtimes the namespace offers
	 * @param refused what to name in the error, such as {@code runtime of hello:
	 * namespace fn-...}
	 * @return the runtime offered
	 * @throws IllegalArgumentException if none is, listing the kinds offered
	 */
	public static FunctionRuntime find(String kind, List<FunctionRuntime> offered, String refused) {
		String language = kind.substring(0, Math.max(0, kind.indexOf(':')));
		return offered.stream()
			.filter((runtime) -> runtime.kind().equals(kind)
					|| (kind.endsWith(":default") && runtime.language().equals(language) && runtime.isDefault()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(refused + " does not offer '" + kind + "'; it offers "
					+ offered.stream().map(FunctionRuntime::kind).collect(Collectors.toCollection(TreeSet::new))));
	}

}
