package io.github.dofunctions.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.dofunctions.client.FunctionDeployer;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.PackageDefinition;
import io.github.dofunctions.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * An emulator with a data directory keeps its state across restarts, in files for the
 * owner only; one it cannot read stops it, named and untouched; one without writes
 * nothing.
 */
class DataDirectoryTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	@TempDir
	Path temporary;

	@Test
	void theStateSurvivesARestart() throws IOException {
		Path data = this.temporary.resolve("data");
		MutableClock clock = new MutableClock(START);
		Path folder = Files.createDirectories(this.temporary.resolve("count"));
		Files.writeString(folder.resolve("index.js"),
				"exports.main = (args) => ({ words: args.text.split(' ').length });\n");
		String namespaceId;
		AccessKey key;
		List<EmulatedNamespace> namespaces;
		List<EmulatedTrigger> triggers;
		List<EmulatedAction> functions;
		List<EmulatedActivation> activations;
		try (FunctionsEmulator first = FunctionsEmulator.builder().clock(clock).dataDirectory(data).build().start();
				FunctionsTemplate template = EmulatorClients.withoutResilience(first)) {
			namespaceId = template.createNamespace(new CreateNamespaceRequest("ams3", "jobs")).block().id();
			key = template.createAccessKey(namespaceId, CreateAccessKeyRequest.named("ci")).block();
			FunctionDeployer deployer = template.deployer(namespaceId);
			deployer.deploy(FunctionDefinition.builder("greet").runtime("nodejs:18").code("""
					function main(args) { return { greeting: 'Hello, ' + args.name }; }
					""").build()).block();
			deployer.deployPackage(PackageDefinition.builder("text").build()).block();
			deployer.deploy(FunctionDefinition.builder("text/count").runtime("nodejs:default").folder(folder).build())
				.block();
			template
				.createTrigger(namespaceId,
						CreateTriggerRequest.scheduled("nightly", "greet", "0 2 * * *", Map.of("name", "Night")))
				.block();
			first.advanceTime(Duration.ofDays(1));
			assertThat(template.invoker(namespaceId, InvocationCredentials.accessKey(key.id(), key.secret()))
				.invoke("greet", Map.of("name", "Ada"))
				.block()).isEqualTo(Map.of("greeting", "Hello, Ada"));
			namespaces = first.state().namespaces();
			triggers = first.state().triggers(namespaceId);
			functions = first.deployedFunctions(namespaceId);
			activations = first.activations(namespaceId);
		}
		assertThat(triggers).singleElement()
			.extracting(EmulatedTrigger::lastRunAt)
			.isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
		assertThat(activations).extracting(EmulatedActivation::trigger).containsExactly("nightly", null);

		try (FunctionsEmulator second = FunctionsEmulator.builder().clock(clock).dataDirectory(data).build().start();
				FunctionsTemplate template = EmulatorClients.withoutResilience(second)) {
			assertThat(second.state().namespaces()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("apiHost")
				.isEqualTo(namespaces);
			assertThat(second.state().accessKeys(namespaceId))
				.extracting(EmulatedAccessKey::id, EmulatedAccessKey::name)
				.containsExactly(tuple(key.id(), "ci"));
			assertThat(second.state().triggers(namespaceId)).isEqualTo(triggers);
			assertThat(second.deployedFunctions(namespaceId)).isEqualTo(functions);
			assertThat(second.activations(namespaceId)).isEqualTo(activations);
			InvocationCredentials oldKey = InvocationCredentials.accessKey(key.id(), key.secret());
			assertThat(template.invoker(namespaceId, oldKey).invoke("greet", Map.of("name", "Bob")).block())
				.isEqualTo(Map.of("greeting", "Hello, Bob"));
			assertThat(template.invoker(namespaceId, oldKey).invoke("text/count", Map.of("text", "one two")).block())
				.isEqualTo(Map.of("words", 2));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{\"version\": 1, \"namespaces\": [ {\"id\": } ]}|Unexpected character ('}'|line 1, column 39",
					"{\"version\": 2, \"namespaces\": []}|its version 2 is not one this emulator reads|version 1",
					"{\"version\": 1, \"namespaces\": 7}|Cannot deserialize|line 1, column 30",
					"[]|is not a JSON object with a \"version\"|namespaces.json" })
	void aCorruptFileIsRefusedByNameAndLeftAsItIs(String content, String what, String where) throws IOException {
		Path data = Files.createDirectories(this.temporary.resolve("data"));
		Path file = Files.writeString(data.resolve("namespaces.json"), content);

		assertThatIllegalStateException().isThrownBy(() -> FunctionsEmulator.builder().dataDirectory(data).build())
			.withMessageStartingWith("The emulator's state file " + file.toAbsolutePath() + " is malformed: ")
			.withMessageContaining(what)
			.withMessageContaining(where)
			.withMessageEndingWith("it is left as it is: fix it, or remove it to start without it");
		assertThat(Files.readString(file)).isEqualTo(content);
		assertThat(data).isDirectoryNotContaining((path) -> !path.equals(file));
	}

	@Test
	void aFaultInsideASecretDoesNotPrintTheSecret() throws IOException {
		Path data = Files.createDirectories(this.temporary.resolve("data"));
		Files.writeString(data.resolve("namespaces.json"),
				"{\"version\": 1, \"namespaces\": [ {\"secret\": s3cretKeyMaterial } ]}");

		assertThatIllegalStateException().isThrownBy(() -> FunctionsEmulator.builder().dataDirectory(data).build())
			.withMessageContaining("Unrecognized token 's3cr...'")
			.withMessageContaining("line 1, column ")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("KeyMaterial"));
	}

	@Test
	void aTriggerWithAnInvalidCronIsRefusedByName() throws IOException {
		Path data = Files.createDirectories(this.temporary.resolve("data"));
		String content = """
				{"version": 1, "namespaces": [ {"id": "fn-jobs", "uuid": "u", "key": "k", "label": "jobs",
				  "region": "nyc1", "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z",
				  "accessKeys": [],
				  "triggers": [ {"namespace": "fn-jobs", "name": "nightly", "function": "greet", "enabled": true,
				    "cron": "99 * * * *", "body": null, "createdAt": "2026-01-01T00:00:00Z",
				    "updatedAt": "2026-01-01T00:00:00Z", "nextRunAt": null, "lastRunAt": null} ] } ]}
				""";
		Path file = Files.writeString(data.resolve("namespaces.json"), content);

		assertThatIllegalStateException().isThrownBy(() -> FunctionsEmulator.builder().dataDirectory(data).build())
			.withMessageStartingWith("The emulator's state file " + file.toAbsolutePath() + " is not valid: ")
			.withMessageContaining("trigger 'nightly' of fn-jobs has an invalid cron '99 * * * *'");
		assertThat(Files.readString(file)).isEqualTo(content);
	}

	@Test
	void theFilesAreReadableByTheirOwnerOnly() throws IOException {
		Path data = this.temporary.resolve("made").resolve("data");
		assumeThat(data.getFileSystem().supportedFileAttributeViews()).contains("posix");
		try (FunctionsEmulator emulator = FunctionsEmulator.builder().dataDirectory(data).build()) {
			String namespaceId = emulator.state().addNamespace("nyc1", "jobs").id();
			emulator.state()
				.putPackage(namespaceId, "text", false, (existing) -> new StoredPackage(namespaceId, "text", List.of(),
						List.of(), "0.0.1", false, START));
			emulator.state().createAccessKey(namespaceId, "ci", null);
			emulator.registerFunction("hello", (call) -> Map.of());
			emulator.state().createTrigger(namespaceId, "often", "hello", true, "* * * * *", null);
			emulator.advanceTime(Duration.ofMinutes(1));
		}

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
		try (Stream<Path> files = Files.list(data)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("namespaces.json",
					"functions.json", "activations.json");
		}
		for (String name : List.of("namespaces.json", "functions.json", "activations.json")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(name)))).as(name)
				.isEqualTo("rw-------");
		}
	}

	@Test
	void resetEmptiesTheFilesButForTheDeclaredNamespaces() throws IOException {
		Path data = this.temporary.resolve("data");
		FunctionsEmulator.Builder builder = FunctionsEmulator.builder()
			.dataDirectory(data)
			.namespace("fn-declared", "nyc1", "declared");
		try (FunctionsEmulator emulator = builder.build().start()) {
			String namespaceId = emulator.state().addNamespace("nyc1", "jobs").id();
			emulator.registerFunction("hello", (call) -> Map.of("ok", true));
			emulator.state().createTrigger(namespaceId, "often", "hello", true, "* * * * *", null);
			emulator.advanceTime(Duration.ofMinutes(1));
			assertThat(emulator.activations(namespaceId)).hasSize(1);
			assertThat(Files.readString(data.resolve("activations.json"))).contains("often");

			emulator.reset();
		}

		assertThat(Files.readString(data.resolve("namespaces.json"))).contains("fn-declared").doesNotContain("jobs");
		assertThat(Files.readString(data.resolve("activations.json"))).doesNotContain("often");
		try (FunctionsEmulator restarted = builder.build()) {
			assertThat(restarted.state().namespaces()).extracting(EmulatedNamespace::id).containsExactly("fn-declared");
		}
	}

	@Test
	void aTriggerRunByHandIsKeptAsItsLastRun() {
		Path data = this.temporary.resolve("data");
		FunctionsEmulator.Builder builder = FunctionsEmulator.builder()
			.clock(new MutableClock(START))
			.dataDirectory(data);
		String namespaceId;
		try (FunctionsEmulator emulator = builder.build()) {
			namespaceId = emulator.state().addNamespace("nyc1", "jobs").id();
			emulator.registerFunction("hello", (call) -> Map.of("ok", true));
			emulator.state().createTrigger(namespaceId, "nightly", "hello", true, "0 2 * * *", null);

			emulator.runTrigger(namespaceId, "nightly");
		}

		try (FunctionsEmulator restarted = builder.build()) {
			assertThat(restarted.state().triggers(namespaceId)).singleElement().satisfies((trigger) -> {
				assertThat(trigger.lastRunAt()).isEqualTo(START);
				assertThat(trigger.nextRunAt()).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
			});
			assertThat(restarted.activations(namespaceId)).extracting(EmulatedActivation::trigger)
				.containsExactly("nightly");
		}
	}

	@Test
	void aDataDirectoryThatCannotBeMadeIsNamed() throws IOException {
		Path file = Files.writeString(this.temporary.resolve("file"), "not a directory");

		assertThatIllegalStateException()
			.isThrownBy(() -> FunctionsEmulator.builder().dataDirectory(file.resolve("data")).build())
			.withMessageStartingWith("Cannot make the data directory " + file.resolve("data").toAbsolutePath() + ": ");
		assertThatIllegalStateException().isThrownBy(() -> FunctionsEmulator.builder().dataDirectory(file).build())
			.withMessage("The data directory " + file.toAbsolutePath() + " is not a directory");
	}

	@Test
	void withoutADataDirectoryNothingIsWritten() {
		Path workingDirectory = Path.of("").toAbsolutePath();
		try (FunctionsEmulator emulator = FunctionsEmulator.builder().build().start()) {
			String namespaceId = emulator.state().addNamespace("nyc1", "jobs").id();
			emulator.registerFunction("hello", (call) -> Map.of("ok", true));
			emulator.state().createTrigger(namespaceId, "often", "hello", true, "* * * * *", null);
			emulator.advanceTime(Duration.ofMinutes(1));
			emulator.reset();

			assertThat(emulator.dataDirectory()).isNull();
		}
		for (String name : List.of("namespaces.json", "functions.json", "activations.json")) {
			assertThat(workingDirectory.resolve(name)).doesNotExist();
		}
	}

}
