package io.github.dofunctions.client.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.util.Assert;

/**
 * The HTTP Basic credential that authenticates calls to a namespace's functions: an
 * access key's id and secret. (The namespace's own {@code uuid} and {@code key}, the
 * "legacy shared namespace token", no longer authenticate since 3 June 2026.)
 *
 * @param id the user name: an access key id ({@code dof_v1_...})
 * @param secret the password: the access key's secret; masked in {@link #toString()},
 * never written to JSON
 */
public record InvocationCredentials(String id, @JsonIgnore String secret) {

	/**
	 * Create credentials, checking they are complete.
	 * @param id the user name
	 * @param secret the password
	 * @throws IllegalArgumentException if either is blank
	 */
	public InvocationCredentials {
		Assert.hasText(id, "id must not be null or blank");
		Assert.hasText(secret, "secret must not be null or blank");
	}

	/**
	 * Return the credentials of an access key.
	 * @param keyId the key's id, {@code dof_v1_...}
	 * @param secret the secret shown when the key was created
	 * @return the credentials
	 */
	public static InvocationCredentials accessKey(String keyId, String secret) {
		return new InvocationCredentials(keyId, secret);
	}

	@Override
	public String toString() {
		return "InvocationCredentials[id=" + this.id + ", secret=" + Secrets.mask(this.secret) + "]";
	}

}
