package io.github.dofunctions.emulator;

import io.github.dofunctions.client.model.ClientRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator refuses exactly the names the client refuses, with the same words: a
 * request the client would send is one the emulator accepts.
 */
class NameRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "hello", "reports/nightly", "my tools/say hello", "a", "_", "x@y.z&w-1", "a.", ".", "..",
			"-lead", "trailing ", "a/b/c", "a//b", "/a", "", " ", "new\nline", "tab\there", "caf\u00e9", "bell\u0007",
			"\u00a0nbsp", "My namespace (prod) \u2013 reports" })
	void theEmulatorAndTheClientAgree(String name) {
		assertThat(EmulatorRules.functionName(name)).isEqualTo(ClientRules.functionName(name));
		assertThat(EmulatorRules.triggerName(name)).isEqualTo(ClientRules.triggerName(name));
		assertThat(EmulatorRules.label(name)).isEqualTo(ClientRules.label(name));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 255, 256, 257, 10_000 })
	void theyAgreeOnLength(int length) {
		String name = "n".repeat(length);
		assertThat(EmulatorRules.functionName(name)).isEqualTo(ClientRules.functionName(name));
		assertThat(EmulatorRules.triggerName(name)).isEqualTo(ClientRules.triggerName(name));
		assertThat(EmulatorRules.label(name)).isEqualTo(ClientRules.label(name));
	}

}
