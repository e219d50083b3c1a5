package io.github.dofunctions.client.model;

import org.springframework.util.Assert;

/**
 * The HTTP Basic credential that authenticates calls to a namespace's functions: an
 * access key's id and secret, or the namespace's own {@code uuid} and {@code key}.
 *
 * @param id the user name: an access key id ({@code dof_v1_...}) or the namespace's
 * {@code uuid}
 * @param secret the password: the access key's secret or the namespace's {@code key};
 * masked in {@link #toString()}
 */
public record InvocationCredentials(String id, String secret) {

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

	/**
	 * Return the namespace's own credentials.
	 * @param namespace a namespace as {@code getNamespace} returns it, with its uuid and
	 * key
	 * @return the credentials
	 * @throws IllegalArgumentException if the namespace carries no uuid or key
	 */
	public static InvocationCredentials of(Namespace namespace) {
		Assert.notNull(namespace, "namespace must not be null");
		Assert.isTrue(namespace.uuid() != null && namespace.key() != null,
				() -> "namespace " + namespace.id() + " carries no uuid and key");
		return new InvocationCredentials(namespace.uuid(), namespace.key());
	}

	@Override
	public String toString() {
		return "InvocationCredentials[id=" + this.id + ", secret=" + Secrets.mask(this.secret) + "]";
	}

}
