package io.github.dofunctions.client.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A Functions namespace: a collection of functions, packages and triggers in one region.
 *
 * @param apiHost host on which the namespace's functions are served
 * @param namespace identifier of the namespace ({@code fn-<uuid>}), the
 * {@code namespaceId} every other call takes
 * @param createdAt when the namespace was created
 * @param updatedAt when the namespace was last changed
 * @param label unique name of the namespace
 * @param region datacenter region, for example {@code nyc1}
 * @param uuid universally unique identifier, used with {@link #key()} to call functions
 * @param key credential that, with the {@link #uuid()}, authenticates calls to the
 * namespace's functions; masked in {@link #toString()} and read from DigitalOcean's JSON
 * but never written to JSON, so that an application returning a namespace from a
 * controller does not publish it
 */
public record Namespace(@JsonProperty("api_host") @Nullable String apiHost, @JsonProperty("namespace") String namespace,
		@JsonProperty("created_at") @Nullable Instant createdAt,
		@JsonProperty("updated_at") @Nullable Instant updatedAt, @JsonProperty("label") @Nullable String label,
		@JsonProperty("region") @Nullable String region, @JsonProperty("uuid") @Nullable String uuid,
		@JsonProperty(value = "key", access = JsonProperty.Access.WRITE_ONLY) @Nullable String key) {

	/**
	 * Return the identifier to pass as {@code namespaceId} to other operations: the
	 * {@link #namespace()} field, not the {@link #uuid()}.
	 * @return the namespace identifier
	 */
	public String id() {
		return this.namespace;
	}

	@Override
	public String toString() {
		return "Namespace[apiHost=" + this.apiHost + ", namespace=" + this.namespace + ", createdAt=" + this.createdAt
				+ ", updatedAt=" + this.updatedAt + ", label=" + this.label + ", region=" + this.region + ", uuid="
				+ this.uuid + ", key=" + Secrets.mask(this.key) + "]";
	}

}
