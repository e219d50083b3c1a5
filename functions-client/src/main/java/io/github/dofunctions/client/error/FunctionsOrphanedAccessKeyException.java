package io.github.dofunctions.client.error;

import io.github.dofunctions.client.model.AccessKey;

/**
 * A {@code createAccessKey} call failed without an answer, and a retry found that the key
 * had been created all the same. Its secret, shown only in the lost answer, is gone: the
 * key cannot be used. The client does not delete it, since it cannot prove that no one
 * else holds it; delete it with {@code deleteAccessKey} and create a new one.
 */
public class FunctionsOrphanedAccessKeyException extends FunctionsException {

	/** The key that was created, without its secret. */
	private final AccessKey orphanedKey;

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param orphanedKey the key that was created but whose secret was lost
	 * @param cause the failure that lost the answer
	 */
	public FunctionsOrphanedAccessKeyException(String operation, AccessKey orphanedKey, Throwable cause) {
		super(operation,
				operation + " failed: its answer was lost, but access key '" + orphanedKey.name() + "' ("
						+ orphanedKey.id() + ") was created; its secret is gone. Delete that key and create another",
				cause);
		this.orphanedKey = orphanedKey;
	}

	/**
	 * Return the key that was created without its secret reaching the caller.
	 * @return the orphaned key, without a secret
	 */
	public AccessKey orphanedKey() {
		return this.orphanedKey;
	}

	@Override
	public FailureKind kind() {
		return FailureKind.ORPHANED_ACCESS_KEY;
	}

}
