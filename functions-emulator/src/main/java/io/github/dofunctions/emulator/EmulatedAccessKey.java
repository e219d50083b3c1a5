package io.github.dofunctions.emulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An access key held by the emulator, as a snapshot, without its secret.
 *
 * @param id identifier ({@code dof_v1_...})
 * @param name name, unique in the namespace
 * @param createdAt creation time
 * @param updatedAt last change
 * @param expiresAt expiry, {@code null} for a key that never expires
 */
public record EmulatedAccessKey(String id, String name, Instant createdAt, Instant updatedAt,
		@Nullable Instant expiresAt) {

}
