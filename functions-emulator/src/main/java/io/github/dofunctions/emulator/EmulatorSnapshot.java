package io.github.dofunctions.emulator;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the emulator keeps in its data directory, as {@link EmulatorState#snapshot()}
 * takes it and {@link EmulatorState#restore(EmulatorSnapshot)} puts it back: the
 * namespaces with their keys (secrets included) and triggers, and the deployed packages
 * and functions. Triggers, packages, functions and activations are written as their own
 * records ({@link EmulatedTrigger}, {@link StoredPackage}, {@link StoredAction},
 * {@link EmulatedActivation}): a change to one of them changes the files' format, and
 * {@link StateFiles#VERSION} with it.
 *
 * @param revision counts the changes to the namespaces, keys and triggers
 * @param codeRevision counts the changes to the packages and functions
 * @param namespaces the namespaces, oldest first
 * @param packages the packages of every namespace, in the order they were first deployed
 * @param actions the functions of every namespace, in the order they were first deployed
 */
record EmulatorSnapshot(long revision, long codeRevision, List<Namespace> namespaces, List<StoredPackage> packages,
		List<StoredAction> actions) {

	/**
	 * A namespace with its keys and triggers.
	 *
	 * @param id identifier
	 * @param uuid universally unique identifier
	 * @param key its credential
	 * @param label unique name
	 * @param region datacenter region
	 * @param createdAt creation time
	 * @param updatedAt last change
	 * @param accessKeys its access keys with their secrets, oldest first
	 * @param triggers its triggers, oldest first
	 */
	record Namespace(String id, String uuid, String key, String label, String region, Instant createdAt,
			Instant updatedAt, List<AccessKey> accessKeys, List<EmulatedTrigger> triggers) {

		@Override
		public String toString() {
			return "Namespace[id=" + this.id + ", label=" + this.label + "]";
		}

	}

	/**
	 * An access key with its secret.
	 *
	 * @param id identifier
	 * @param name name
	 * @param secret its secret
	 * @param createdAt creation time
	 * @param updatedAt last change
	 * @param expiresAt expiry, {@code null} for never
	 */
	record AccessKey(String id, String name, String secret, Instant createdAt, Instant updatedAt,
			@Nullable Instant expiresAt) {

		@Override
		public String toString() {
			return "AccessKey[id=" + this.id + ", name=" + this.name + "]";
		}

	}

	/**
	 * The content of {@code namespaces.json}.
	 *
	 * @param version the format's version, {@link StateFiles#VERSION}
	 * @param namespaces the namespaces
	 */
	record NamespacesFile(int version, List<Namespace> namespaces) {

	}

	/**
	 * The content of {@code functions.json}.
	 *
	 * @param version the format's version, {@link StateFiles#VERSION}
	 * @param packages the packages
	 * @param actions the functions, with their code (base64 for a zip, as deployed)
	 */
	record FunctionsFile(int version, List<StoredPackage> packages, List<StoredAction> actions) {

	}

	/**
	 * The content of {@code activations.json}.
	 *
	 * @param version the format's version, {@link StateFiles#VERSION}
	 * @param activations the last activations, in the order they ended
	 */
	record ActivationsFile(int version, List<EmulatedActivation> activations) {

	}

}
