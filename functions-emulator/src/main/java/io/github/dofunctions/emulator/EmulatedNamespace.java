package io.github.dofunctions.emulator;

import java.time.Instant;

/**
 * A namespace held by the emulator, as a snapshot.
 *
 * @param id identifier ({@code fn-<uuid>})
 * @param uuid universally unique identifier
 * @param key credential that, with the uuid, authenticates calls to functions
 * @param label unique name
 * @param region datacenter region
 * @param apiHost host on which its functions are served
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record EmulatedNamespace(String id, String uuid, String key, String label, String region, String apiHost,
		Instant createdAt, Instant updatedAt) {

	@Override
	public String toString() {
		return "EmulatedNamespace[id=" + this.id + ", label=" + this.label + ", region=" + this.region + "]";
	}

}
