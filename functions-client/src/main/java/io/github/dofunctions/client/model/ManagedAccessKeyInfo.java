package io.github.dofunctions.client.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An access key the client made for itself to call a namespace's functions, as
 * {@code FunctionsTemplate.managedAccessKeys()} describes it: where it is, and until when
 * it authenticates. It never holds the key's secret, which stays inside the client, so it
 * may be logged or shown.
 *
 * @param namespaceId identifier of the namespace the key belongs to
 * @param id identifier of the key ({@code dof_v1_...})
 * @param name name of the key, {@code null} if DigitalOcean returned none
 * @param expiresAt when the key expires, as DigitalOcean said when it made the key, else
 * as the client computed it from the lifetime it asked for; {@code null} if unknown
 */
public record ManagedAccessKeyInfo(String namespaceId, String id, @Nullable String name, @Nullable Instant expiresAt) {

}
