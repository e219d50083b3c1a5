package io.github.dofunctions.maven;

import java.util.List;
import java.util.stream.Collectors;

import io.github.dofunctions.client.BlockingFunctionsOperations;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.Namespace;
import org.jspecify.annotations.Nullable;

/**
 * The namespace a goal deploys to, named by its id or its label.
 *
 * @param given the {@code functions.namespace} value
 * @param id the namespace's id, or {@code null} when no namespace has the label yet
 * @param label the label of a namespace to create, when {@code id} is {@code null}
 */
record NamespaceTarget(String given, @Nullable String id, String label) {

	/**
	 * Find the namespace among the account's: the one with the value as its id, else the
	 * one with it as its label.
	 * @param functions the API
	 * @param namespace an id ({@code fn-...}) or a label
	 * @return the namespace, its {@link #id()} {@code null} if no namespace has that
	 * label
	 * @throws IllegalArgumentException for an id ({@code fn-...}) that no namespace has:
	 * an id is never created
	 */
	static NamespaceTarget find(BlockingFunctionsOperations functions, String namespace) {
		List<Namespace> namespaces = functions.listNamespaces();
		for (Namespace candidate : namespaces) {
			if (candidate.id().equals(namespace)) {
				return new NamespaceTarget(namespace, candidate.id(),
						(candidate.label() != null) ? candidate.label() : candidate.id());
			}
		}
		for (Namespace candidate : namespaces) {
			if (namespace.equals(candidate.label())) {
				return new NamespaceTarget(namespace, candidate.id(), namespace);
			}
		}
		if (namespace.startsWith("fn-")) {
			throw new IllegalArgumentException("No namespace has the id " + namespace
					+ " (an id is never created; give a label to have deploy create one). The account's namespaces: "
					+ namespaces.stream().map(NamespaceTarget::describe).collect(Collectors.joining(", ", "[", "]")));
		}
		return new NamespaceTarget(namespace, null, namespace);
	}

	/**
	 * Return whether the namespace exists.
	 * @return whether it has an id
	 */
	boolean exists() {
		return this.id != null;
	}

	/**
	 * Create the namespace.
	 * @param functions the API
	 * @param region the region to create it in
	 * @return the namespace created
	 */
	NamespaceTarget create(BlockingFunctionsOperations functions, String region) {
		Namespace created = functions.createNamespace(new CreateNamespaceRequest(region, this.label));
		return new NamespaceTarget(this.given, created.id(), this.label);
	}

	/**
	 * Return the namespace as the log names it.
	 * @return its label and id
	 */
	String describe() {
		return (this.id != null) ? this.label + " (" + this.id + ")" : this.label;
	}

	private static String describe(Namespace namespace) {
		return (namespace.label() != null) ? namespace.label() + " (" + namespace.id() + ")" : namespace.id();
	}

}
