package io.github.dofunctions.emulator.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.github.dofunctions.autoconfigure.FunctionsAutoConfiguration;
import io.github.dofunctions.autoconfigure.provisioning.FunctionsAdmin;
import io.github.dofunctions.autoconfigure.provisioning.FunctionsProvisioningAutoConfiguration;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningException;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.emulator.EmulatedAction;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
import io.github.dofunctions.emulator.RecordedRequest;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A namespace declared with {@code functions}: its doctl project is deployed at start-up,
 * after the namespace and before its triggers, only what differs, from a folder or from
 * the class path of a jar; a project that cannot be read is refused before anything is
 * written.
 */
class DeclaredFunctionsOnTheEmulatorTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = new FunctionsEmulatorExtension();

	private static final String REPORTS = "do.functions.provisioning.namespaces.reports.";

	@TempDir
	Path temporary;

	private ApplicationContextRunner application(String functions) {
		FunctionsEmulator running = emulator.get();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, FunctionsAutoConfiguration.class,
					FunctionsProvisioningAutoConfiguration.class))
			.withPropertyValues("do.functions.base-url=" + running.baseUrl(), "do.functions.token=" + running.token(),
					REPORTS + "region=nyc1", REPORTS + "functions=" + functions,
					REPORTS + "triggers.nightly.function=reports/nightly", REPORTS + "triggers.nightly.cron=0 2 * * *");
	}

	private Path project(Path folder) throws IOException {
		Files.createDirectories(folder.resolve("packages/reports"));
		Files.writeString(folder.resolve("project.yml"), """
				packages:
				  - name: reports
				    functions:
				      - name: nightly
				        runtime: nodejs:18
				        web: false
				""");
		Files.writeString(folder.resolve("packages/reports/nightly.js"),
				"function main(args) { return { report: 'nightly.' + (args.format || 'pdf') }; }\n");
		return folder;
	}

	private static List<Operation> writes() {
		return emulator.get()
			.journal()
			.requests()
			.stream()
			.filter((request) -> !"GET".equals(request.method()))
			.map(RecordedRequest::operation)
			// The client's own access key, made to read and deploy functions.
			.filter((operation) -> operation != Operation.CREATE_ACCESS_KEY && operation != Operation.DELETE_ACCESS_KEY)
			.toList();
	}

	private static ProvisioningException provisioningFailure(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof ProvisioningException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a ProvisioningException in %s", failure).isInstanceOf(ProvisioningException.class);
		return (ProvisioningException) cause;
	}

	private static String namespaceId() {
		return emulator.get().state().namespaces().get(0).id();
	}

	@Test
	void theProjectIsDeployedAfterTheNamespaceAndBeforeItsTriggersThenOnlyWhenItDiffers() throws IOException {
		Path folder = project(this.temporary.resolve("functions"));

		application("file:" + folder + "/").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(writes()).containsSubsequence(Operation.CREATE_NAMESPACE, Operation.DEPLOY_PACKAGE,
					Operation.DEPLOY_FUNCTION, Operation.CREATE_TRIGGER);
			assertThat(emulator.get().deployedFunctions(namespaceId())).extracting(EmulatedAction::name)
				.containsExactly("reports/nightly");
			assertThat(context.getBean(FunctionsOperations.class)
				.invoker(namespaceId())
				.invoke("reports/nightly", Map.of("format", "csv"))
				.block()).isEqualTo(Map.of("report", "nightly.csv"));
		});
		emulator.get().journal().clear();

		application("file:" + folder + "/").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(writes()).doesNotContain(Operation.DEPLOY_PACKAGE, Operation.DEPLOY_FUNCTION,
					Operation.CREATE_NAMESPACE, Operation.CREATE_TRIGGER, Operation.UPDATE_TRIGGER);
			// The project was compared with what is deployed once, by the plan the deploy
			// then used.
			assertThat(emulator.get().journal().count(Operation.LIST_PACKAGES)).isOne();
			assertThat(emulator.get().journal().count(Operation.LIST_FUNCTIONS)).isOne();
			assertThat(context.getBean(FunctionsAdmin.class).plan().differences()).isEmpty();
		});

		Files.writeString(folder.resolve("packages/reports/nightly.js"),
				"function main(args) { return { report: 'nightly.txt' }; }\n");
		emulator.get().journal().clear();
		application("file:" + folder + "/").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(writes()).containsExactly(Operation.DEPLOY_FUNCTION);
		});
	}

	@Test
	void theProjectIsReadFromTheClassPathOfAJar() throws IOException {
		Path project = project(this.temporary.resolve("functions"));
		Path jar = this.temporary.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			// With its folders' entries, as Maven and Spring Boot write a jar.
			for (String name : List.of("", "packages/", "packages/reports/")) {
				out.putNextEntry(new JarEntry("functions/" + name));
				out.closeEntry();
			}
			for (String name : List.of("project.yml", "packages/reports/nightly.js")) {
				out.putNextEntry(new JarEntry("functions/" + name));
				out.write(Files.readAllBytes(project.resolve(name)));
				out.closeEntry();
			}
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
				getClass().getClassLoader())) {
			application("classpath:functions/").withClassLoader(classLoader).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(emulator.get().deployedFunctions(namespaceId())).extracting(EmulatedAction::name)
					.containsExactly("reports/nightly");
			});
		}
	}

	@Test
	void aProjectThatCannotBeReadIsRefusedNamingItsPropertyBeforeAnyWrite() throws IOException {
		Path folder = project(this.temporary.resolve("functions"));
		Files.writeString(folder.resolve("project.yml"), "packages:\n  - name: [reports\n");

		application("file:" + folder + "/").run((context) -> {
			assertThat(provisioningFailure(context.getStartupFailure()).getDetails()).singleElement()
				.asString()
				.startsWith(REPORTS + "functions: the project at file:" + folder + "/ cannot be deployed: ")
				.contains("project.yml line 3, column 1: malformed YAML");
		});
		assertThat(writes()).isEmpty();

		application("file:" + this.temporary.resolve("missing") + "/").run((context) -> {
			assertThat(provisioningFailure(context.getStartupFailure()).getDetails()).singleElement()
				.asString()
				.endsWith("missing/ does not exist");
		});
		assertThat(writes()).isEmpty();
	}

}
