package io.github.dofunctions.client.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An access key that authenticates calls to a namespace's functions.
 *
 * @param id identifier of the key ({@code dof_v1_...}), also the user name of its
 * credential
 * @param name name of the key
 * @param secret secret of the key: returned only by {@code createAccessKey}, {@code null}
 * everywhere else; masked in {@link #toString()} and never written to JSON, so that an
 * application returning a key from a controller does not publish it
 * @param expiresAt when the key expires, {@code null} if it never does
 * @param createdAt when the key was created
 * @param updatedAt when the key was last changed
 */
public record AccessKey(@JsonProperty("id") String id, @JsonProperty("name") @Nullable String name,
		@JsonProperty(value = "secret", access = JsonProperty.Access.WRITE_ONLY) @Nullable String secret,
		@JsonProperty("expires_at") @Nullable Instant expiresAt,
		@JsonProperty("created_at") @Nullable Instant createdAt,
		@JsonProperty("updated_at") @Nullable Instant updatedAt) {

	@Override
	public String toString() {
		return "AccessKey[id=" + this.id + ", name=" + this.name + ", secret=" + Secrets.mask(this.secret)
				+ ", expiresAt=" + this.expiresAt + ", createdAt=" + this.createdAt + ", updatedAt=" + this.updatedAt
				+ "]";
	}

}
