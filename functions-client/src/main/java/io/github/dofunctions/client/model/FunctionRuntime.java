package io.github.dofunctions.client.model;

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

}
