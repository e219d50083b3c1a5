package io.github.dofunctions.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code updateAccessKey} sends: the key's new name.
 *
 * @param name new name of the key
 */
public record UpdateAccessKeyRequest(@JsonProperty("name") String name) {

	/**
	 * Create a request, checking its argument.
	 * @param name new key name, not blank
	 * @throws IllegalArgumentException if the name is null or blank
	 */
	public UpdateAccessKeyRequest {
		Arguments.requireText(name, "name");
	}

}
