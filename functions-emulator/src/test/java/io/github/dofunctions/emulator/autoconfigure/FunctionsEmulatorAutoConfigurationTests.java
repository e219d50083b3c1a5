package io.github.dofunctions.emulator.autoconfigure;

import java.time.Duration;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import io.github.dofunctions.autoconfigure.FunctionsAutoConfiguration;
import io.github.dofunctions.autoconfigure.FunctionsConnectionDetails;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.error.FunctionsLimitReachedException;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.emulator.EmulatedFunction;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link FunctionsEmulatorAutoConfiguration}.
 */
class FunctionsEmulatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, FunctionsEmulatorAutoConfiguration.class,
				FunctionsAutoConfiguration.class));

	@Test
	void shouldPointTheClientAtTheEmulatorWithNoTokenToConfigure() {
		this.contextRunner.withPropertyValues("do.functions.emulator.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			FunctionsEmulator emulator = context.getBean(FunctionsEmulator.class);
			assertThat(emulator.isRunning()).isTrue();
			assertThat(context.getBean(FunctionsConnectionDetails.class).getBaseUrl()).isEqualTo(emulator.baseUrl());

			StepVerifier
				.create(context.getBean(FunctionsOperations.class)
					.createNamespace(new CreateNamespaceRequest("nyc1", "from-boot")))
				.expectNextCount(1)
				.verifyComplete();

			assertThat(emulator.state().namespaces()).hasSize(1);
			assertThat(emulator.journal().count(Operation.CREATE_NAMESPACE)).isEqualTo(1);
		});
	}

	@Test
	void aTypoInTheEmulatorsPropertiesFailsStartUpWhenTheEmulatorIsThere() {
		this.contextRunner
			.withPropertyValues("do.functions.emulator.enabled=true", "do.functions.emulator.trigger-limt=5",
					"do.functions.emulator.namespace.fn-reports-test.label=reports")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("do.functions.emulator.trigger-limt is not a property of this starter")
				.hasMessageContaining("did you mean do.functions.emulator.trigger-limit?")
				.hasMessageContaining(
						"do.functions.emulator.namespace.fn-reports-test.label is not a property of this starter"));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aNamespaceIdThatIsNoneIsAFailureAnalysisNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("do.functions.emulator.enabled=true",
				"do.functions.emulator.namespaces.reports.label=reports"));

		assertThat(output)
			.contains("APPLICATION FAILED TO START", "do.functions.emulator.namespaces.reports",
					"must be fn- followed by letters, digits, '-' or '_'", "Action:")
			.doesNotContain("Caused by", "\tat ");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aLabelDigitalOceanRefusesIsAFailureAnalysisNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("do.functions.emulator.enabled=true",
				"do.functions.emulator.namespaces.fn-reports.label=" + "l".repeat(300)));

		assertThat(output)
			.contains("APPLICATION FAILED TO START", "do.functions.emulator.namespaces.fn-reports.label",
					"must have at most 256 characters, not 300", "Action:")
			.doesNotContain("Caused by", "\tat ");
	}

	@Test
	void shouldStopTheEmulatorWithTheContext() {
		FunctionsEmulator[] started = new FunctionsEmulator[1];
		this.contextRunner.withPropertyValues("do.functions.emulator.enabled=true")
			.run((context) -> started[0] = context.getBean(FunctionsEmulator.class));
		assertThat(started[0].isRunning()).isFalse();
	}

	@Test
	void shouldApplyItsProperties() {
		this.contextRunner
			.withPropertyValues("do.functions.emulator.enabled=true", "do.functions.emulator.token=fixed-token",
					"do.functions.emulator.namespace-limit=1")
			.run((context) -> {
				FunctionsEmulator emulator = context.getBean(FunctionsEmulator.class);
				assertThat(emulator.token()).isEqualTo("fixed-token");
				FunctionsOperations functions = context.getBean(FunctionsOperations.class);
				functions.createNamespace(new CreateNamespaceRequest("nyc1", "one")).block();
				StepVerifier.create(functions.createNamespace(new CreateNamespaceRequest("nyc1", "two")))
					.expectError(FunctionsLimitReachedException.class)
					.verify();
			});
	}

	@Test
	void shouldStayOffUnlessEnabled() {
		this.contextRunner.withPropertyValues("do.functions.token=t").run((context) -> {
			assertThat(context).doesNotHaveBean(FunctionsEmulator.class);
			assertThat(context.getBean(FunctionsConnectionDetails.class).getBaseUrl())
				.isEqualTo("https://api.digitalocean.com");
		});
	}

	@Test
	void shouldStayOffWhenTheClientIsSwitchedOff() {
		this.contextRunner.withPropertyValues("do.functions.emulator.enabled=true", "do.functions.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(FunctionsEmulator.class);
				assertThat(context).doesNotHaveBean(FunctionsConnectionDetails.class);
			});
	}

	@Test
	void shouldServeEmulatedFunctionBeansToTheInvokerWhoseKeyIsDeletedWithTheContext() {
		FunctionsEmulator[] started = new FunctionsEmulator[1];
		String[] namespace = new String[1];
		this.contextRunner
			.withPropertyValues("do.functions.emulator.enabled=true", "do.functions.emulator.demote-after=5s")
			.withBean("hello", EmulatedFunction.class,
					() -> EmulatedFunction.of("sample/hello",
							(call) -> Map.of("greeting", "Hello, " + call.parameters().get("name"))))
			.run((context) -> {
				FunctionsOperations functions = context.getBean(FunctionsOperations.class);
				String namespaceId = functions.createNamespace(new CreateNamespaceRequest("nyc1", "boot")).block().id();

				StepVerifier.create(functions.invoker(namespaceId).invoke("sample/hello", Map.of("name", "Ada")))
					.expectNext(Map.of("greeting", "Hello, Ada"))
					.verifyComplete();

				started[0] = context.getBean(FunctionsEmulator.class);
				namespace[0] = namespaceId;
				assertThat(started[0].activations(namespaceId)).hasSize(1);
				assertThat(started[0].state().accessKeys(namespaceId)).hasSize(1);
			});
		// The client closed before the emulator stopped, and deleted the key it made.
		assertThat(started[0].state().accessKeys(namespace[0])).isEmpty();
		assertThat(started[0].journal().count(Operation.DELETE_ACCESS_KEY)).isOne();
	}

	@Test
	void shouldFollowDigitalOceansDocumentedLimitsByDefault() {
		this.contextRunner.withPropertyValues("do.functions.emulator.enabled=true").run((context) -> {
			FunctionsEmulatorProperties properties = context.getBean(FunctionsEmulatorProperties.class);
			assertThat(properties.getDemoteAfter()).isEqualTo(Duration.ofSeconds(30))
				.isEqualTo(FunctionsEmulator.DEFAULT_DEMOTE_AFTER);
			assertThat(properties.getTriggerLimit()).isEqualTo(3).isEqualTo(FunctionsEmulator.DEFAULT_TRIGGER_LIMIT);
			FunctionsOperations functions = context.getBean(FunctionsOperations.class);
			String namespaceId = functions.createNamespace(new CreateNamespaceRequest("nyc1", "preview")).block().id();
			for (int i = 0; i < 3; i++) {
				functions.createTrigger(namespaceId, CreateTriggerRequest.scheduled("t" + i, "f", "0 * * * *")).block();
			}
			StepVerifier
				.create(functions.createTrigger(namespaceId, CreateTriggerRequest.scheduled("t3", "f", "0 * * * *")))
				.expectError(FunctionsLimitReachedException.class)
				.verify();
		});
	}

	/**
	 * An IDE shows each property's default from the metadata the configuration processor
	 * writes, which it can only read from a literal.
	 */
	@Test
	void everyPropertyWithADefaultShowsItInTheMetadata() throws IOException {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode properties = JsonMapper.builder().build().readTree(metadata).get("properties");
			Map<String, String> defaults = new TreeMap<>();
			properties.forEach((property) -> defaults.put(property.get("name").asString(),
					property.has("defaultValue") ? property.get("defaultValue").asString() : null));

			assertThat(defaults).containsEntry("do.functions.emulator.trigger-limit", "3")
				.containsEntry("do.functions.emulator.namespace-limit", "10")
				.containsEntry("do.functions.emulator.demote-after", "30s");
			assertThat(defaults.entrySet().stream().filter((entry) -> entry.getValue() == null).map(Map.Entry::getKey))
				.containsExactly("do.functions.emulator.namespaces", "do.functions.emulator.token");
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=off",
					"logging.level.org.springframework.boot.diagnostics=error")
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, FunctionsEmulatorAutoConfiguration.class,
			FunctionsAutoConfiguration.class })
	static class Application {

	}

}
