package io.github.dofunctions.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code do.functions.*} property has a description in the generated configuration
 * metadata, so that IDEs explain it.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescription() throws IOException {
		List<JsonNode> properties = new ArrayList<>();
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonMapper.shared().readTree(in).path("properties").forEach((property) -> {
					if (property.path("name").asString().startsWith("do.functions.")) {
						properties.add(property);
					}
				});
			}
		}

		assertThat(properties).extracting((property) -> property.path("name").asString())
			.contains("do.functions.enabled", "do.functions.token", "do.functions.base-url",
					"do.functions.connect-timeout", "do.functions.response-timeout", "do.functions.user-agent",
					"do.functions.max-response-size", "do.functions.provisioning.mode",
					"do.functions.provisioning.prune", "do.functions.provisioning.fail-on-error",
					"do.functions.provisioning.trigger-limit", "do.functions.provisioning.namespaces");
		assertThat(properties).allSatisfy(
				(property) -> assertThat(property.path("description").asString()).as(property.path("name").asString())
					.isNotBlank());
	}

}
