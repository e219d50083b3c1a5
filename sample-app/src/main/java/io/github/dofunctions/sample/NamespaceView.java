package io.github.dofunctions.sample;

import java.time.Instant;

import io.github.dofunctions.client.model.Namespace;
import org.jspecify.annotations.Nullable;

/**
 * A namespace as the service shows it: without its key, which is a credential.
 *
 * @param id namespace identifier
 * @param label unique label
 * @param region datacenter region
 * @param apiHost host its functions are served on
 * @param createdAt creation time
 */
public record NamespaceView(String id, @Nullable String label, @Nullable String region, @Nullable String apiHost,
		@Nullable Instant createdAt) {

	static NamespaceView of(Namespace namespace) {
		return new NamespaceView(namespace.id(), namespace.label(), namespace.region(), namespace.apiHost(),
				namespace.createdAt());
	}

}
