package io.github.dofunctions.client;

import java.time.Instant;

import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.Namespace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials in models never show in {@code toString()}.
 */
class ModelTests {

	@Test
	void namespaceToStringMasksTheKey() {
		Namespace namespace = new Namespace("https://api_host.io", "fn-1", Instant.EPOCH, Instant.EPOCH, "jobs", "nyc1",
				"uuid-1", "very-secret-key");

		assertThat(namespace.toString()).doesNotContain("very-secret-key")
			.contains("key=******", "namespace=fn-1", "label=jobs", "uuid=uuid-1");
	}

	@Test
	void accessKeyToStringMasksTheSecret() {
		AccessKey key = new AccessKey("dof_v1_1", "ci", "very-secret-value", null, Instant.EPOCH, Instant.EPOCH);

		assertThat(key.toString()).doesNotContain("very-secret-value").contains("secret=******", "id=dof_v1_1");
	}

	@Test
	void absentCredentialsShowAsNull() {
		assertThat(new AccessKey("dof_v1_1", "ci", null, null, null, null).toString()).contains("secret=null");
		assertThat(new Namespace(null, "fn-1", null, null, null, null, null, null).toString()).contains("key=null");
	}

}
