package io.github.dofunctions.emulator;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The standalone emulator's command line: every mistake is one sentence (printed with the
 * usage, exit status 2), never a stack trace.
 */
class EmulatorMainTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "--port -1|port must be between 0 (a free one) and 65535, not -1",
					"--port 70000|port must be between 0 (a free one) and 65535, not 70000",
					"--port eighty|--port needs a number, not 'eighty'",
					"--namespace-limit 0|namespaceLimit must be at least 1, not 0",
					"--trigger-limit -1|triggerLimit must not be negative, not -1", "--bogus 1|Unknown option --bogus",
					"extra|Unknown option extra", "--port|Missing value for --port" })
	void aMistakeIsOneSentence(String arguments, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.configure(List.of(arguments.split(" "))))
			.withMessage(message);
	}

}
