package io.github.dofunctions.emulator;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The standalone emulator's command line: every mistake is one sentence naming the option
 * (printed with the usage, exit status 2), never a stack trace or a builder's field.
 */
class EmulatorMainTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "--port -1|--port must be between 0 (a free one) and 65535, not -1",
			"--port 70000|--port must be between 0 (a free one) and 65535, not 70000",
			"--port eighty|--port needs a number, not 'eighty'", "--token ''|--token must not be blank",
			"--namespace-limit 0|--namespace-limit must be at least 1, not 0",
			"--trigger-limit -1|--trigger-limit must not be negative, not -1",
			"--requests-per-minute 0|--requests-per-minute must be at least 1, not 0",
			"--requests-per-hour -5|--requests-per-hour must be at least 1, not -5",
			"--data-dir ''|--data-dir must not be blank", "--data-dir|Missing value for --data-dir",
			"--bogus 1|Unknown option --bogus", "extra|Unknown option extra", "--port|Missing value for --port" })
	void aMistakeIsOneSentence(String arguments, String message) {
		List<String> args = List.of(arguments.split(" ")).stream().map((arg) -> arg.replace("'", "")).toList();
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.configure(args)).withMessage(message);
	}

	@Test
	void consoleIsServedBeyondTheLoopbackAddressOnlyWhenAskedFor() {
		try (FunctionsEmulator asked = EmulatorMain.configure(List.of("--host", "0.0.0.0", "--port", "0", "--console"))
			.build()
			.start();
				FunctionsEmulator not = EmulatorMain.configure(List.of("--host", "0.0.0.0", "--port", "0"))
					.build()
					.start()) {
			assertThat(asked.consoleUrl()).isEqualTo(asked.baseUrl() + "/console/");
			assertThat(not.consoleUrl()).isNull();
		}
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.configure(List.of("--console", "--console")))
			.withMessage("--console is given twice");
	}

	@Test
	void numbersTooLargeIdsTooLongAndLabelsDigitalOceanRefusesSayWhy() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorMain.configure(List.of("--trigger-limit", "99999999999")))
			.withMessage("--trigger-limit 99999999999 is out of range: at most 2147483647 and at least -2147483648");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorMain.configure(List.of("--namespace", "fn-" + "a".repeat(65))))
			.withMessageStartingWith("--namespace id must have at most 64 characters after fn-, not 65");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorMain.configure(List.of("--namespace", "fn-a=" + "l".repeat(300))))
			.withMessageStartingWith("--namespace label ")
			.withMessageContaining("256");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorMain.configure(List.of("--namespace", "fn-a=tab\there")))
			.withMessageStartingWith("--namespace label ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionsEmulator.builder().namespace("fn-a", "nyc1", "l".repeat(257)))
			.withMessageStartingWith("label ");
	}

	@Test
	void namespacesAreDeclaredWithTheirIdsAndLabels() {
		FunctionsEmulator emulator = EmulatorMain
			.configure(List.of("--namespace", "fn-reports-test=reports", "--namespace", "fn-jobs"))
			.build();

		assertThat(emulator.state().namespaces())
			.extracting(EmulatedNamespace::id, EmulatedNamespace::label, EmulatedNamespace::region)
			.containsExactly(tuple("fn-reports-test", "reports", "nyc1"), tuple("fn-jobs", "fn-jobs", "nyc1"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"--namespace fn-a=same --namespace fn-b=same|--namespace label 'same' is given twice: a label names one namespace",
			"--namespace fn-a=x --namespace fn-a=y|--namespace fn-a is given twice",
			"--namespace-limit 1 --namespace fn-a --namespace fn-b|--namespace is given 2 times, more than the --namespace-limit of 1",
			"--namespace fn-a --namespace fn-b --namespace-limit 1|--namespace is given 2 times, more than the --namespace-limit of 1",
			"--port 8089 --port 8090|--port is given twice" })
	void aMistakeAcrossOptionsNamesThem(String arguments, String message) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorMain.configure(List.of(arguments.split(" "))).build())
			.withMessage(message);
	}

	@Test
	void aDeclaredNamespacesApiHostIsTheServersAddressWithItsPort() {
		FunctionsEmulator emulator = EmulatorMain.configure(List.of("--port", "0", "--namespace", "fn-reports-test"))
			.build()
			.start();
		try {
			assertThat(emulator.state().namespaces()).singleElement()
				.satisfies((namespace) -> assertThat(namespace.apiHost()).isEqualTo(emulator.baseUrl()));
			emulator.reset();
			assertThat(emulator.state().namespaces()).singleElement()
				.satisfies((namespace) -> assertThat(namespace.apiHost()).isEqualTo(emulator.baseUrl()));
		}
		finally {
			emulator.stop();
		}
	}

	@Test
	void aDataDirectoryIsGivenWithDataDir(@TempDir Path temporary) {
		Path data = temporary.resolve("data");

		FunctionsEmulator emulator = EmulatorMain.configure(List.of("--data-dir", data.toString())).build();

		assertThat(emulator.dataDirectory()).isEqualTo(data.toAbsolutePath());
		assertThat(data).isEmptyDirectory();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorMain.configure(List.of("--data-dir", "a", "--data-dir", "b")))
			.withMessage("--data-dir is given twice");
		assertThat(EmulatorMain.configure(List.of()).build().dataDirectory()).isNull();
	}

	@Test
	void theUsageSaysTheDataDirectoryHoldsTheSecrets() {
		assertThat(EmulatorMain.USAGE).contains("--data-dir <directory>")
			.contains("access keys WITH THEIR SECRETS")
			.contains("the last 1000 activations")
			.contains("readable by their owner only")
			.contains("(default: memory only, nothing");
	}

}
