package io.github.dofunctions.maven;

import java.util.Map;
import java.util.Properties;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenTests {

	@Test
	void commandLinePropertyComesFirst() throws Exception {
		assertThat(Token.resolve(properties("from-command-line"), properties("from-pom"),
				Map.of("DIGITALOCEAN_TOKEN", "from-environment")))
			.isEqualTo("from-command-line");
	}

	@Test
	void projectPropertyComesBeforeTheEnvironment() throws Exception {
		assertThat(Token.resolve(new Properties(), properties("from-pom"),
				Map.of("DIGITALOCEAN_TOKEN", "from-environment")))
			.isEqualTo("from-pom");
	}

	@Test
	void environmentVariableServesWithoutAProperty() throws Exception {
		assertThat(Token.resolve(new Properties(), new Properties(), Map.of("DIGITALOCEAN_TOKEN", " t ")))
			.isEqualTo("t");
	}

	@Test
	void noTokenOrABlankOneIsRefusedNamingBothWaysToGiveOne() {
		assertThatExceptionOfType(MojoExecutionException.class)
			.isThrownBy(() -> Token.resolve(properties(" "), new Properties(), Map.of("DIGITALOCEAN_TOKEN", "")))
			.withMessageContaining("DIGITALOCEAN_TOKEN")
			.withMessageContaining("-Dfunctions.token=");
	}

	private static Properties properties(String token) {
		Properties properties = new Properties();
		properties.setProperty("functions.token", token);
		return properties;
	}

}
