package io.github.dofunctions.client.model;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What {@code createAccessKey} sends.
 *
 * @param name name of the key
 * @param expiresIn lifetime of the key as a whole number of hours or days of at least one
 * hour ({@code 12h}, {@code 7d}), or {@code null} for a key that never expires
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateAccessKeyRequest(@JsonProperty("name") String name,
		@JsonProperty("expires_in") @Nullable String expiresIn) {

	/**
	 * Create a request, checking its arguments.
	 * @param name key name, not blank
	 * @param expiresIn lifetime such as {@code 12h} or {@code 7d}, or {@code null}
	 * @throws IllegalArgumentException if the name is blank or the lifetime malformed
	 */
	public CreateAccessKeyRequest {
		Arguments.requireText(name, "name");
		Arguments.requireValidExpiresIn(expiresIn);
	}

	/**
	 * Create a request for a key that never expires.
	 * @param name key name, not blank
	 * @return the request
	 */
	public static CreateAccessKeyRequest named(String name) {
		return new CreateAccessKeyRequest(name, null);
	}

	/**
	 * Create a request for a key that expires after the given lifetime.
	 * @param name key name, not blank
	 * @param lifetime whole hours, at least one
	 * @return the request
	 * @throws IllegalArgumentException if the lifetime is under an hour or not a whole
	 * number of hours
	 */
	public static CreateAccessKeyRequest expiringAfter(String name, Duration lifetime) {
		Arguments.requireNonNull(lifetime, "lifetime");
		ClientRules.check("lifetime", ClientRules.keyLifetime(lifetime));
		String expiresIn = (lifetime.toHoursPart() == 0) ? lifetime.toDays() + "d" : lifetime.toHours() + "h";
		return new CreateAccessKeyRequest(name, expiresIn);
	}

}
