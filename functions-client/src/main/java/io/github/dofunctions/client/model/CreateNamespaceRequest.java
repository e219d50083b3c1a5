package io.github.dofunctions.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code createNamespace} sends.
 *
 * @param region datacenter region in which to create the namespace, for example
 * {@code nyc1}
 * @param label unique name of the namespace
 */
public record CreateNamespaceRequest(@JsonProperty("region") String region, @JsonProperty("label") String label) {

	/**
	 * Create a request, checking its arguments.
	 * @param region datacenter region, not blank
	 * @param label namespace label, not blank
	 * @throws IllegalArgumentException if either is null or blank
	 */
	public CreateNamespaceRequest {
		Arguments.requireText(region, "region");
		ClientRules.check("label", ClientRules.label(label));
	}

}
