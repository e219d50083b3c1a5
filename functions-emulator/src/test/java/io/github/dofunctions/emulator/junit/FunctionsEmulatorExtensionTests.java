package io.github.dofunctions.emulator.junit;

import io.github.dofunctions.emulator.FunctionsEmulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension with its defaults: one emulator for the class, injected as a parameter,
 * emptied before each test.
 */
@ExtendWith(FunctionsEmulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FunctionsEmulatorExtensionTests {

	static FunctionsEmulator first;

	@Test
	@Order(1)
	void injectsARunningEmulator(FunctionsEmulator emulator) {
		assertThat(emulator.isRunning()).isTrue();
		emulator.state().addNamespace("nyc1", "left behind");
		first = emulator;
	}

	@Test
	@Order(2)
	void sharesItAcrossTheClassEmptiedBeforeEachTest(FunctionsEmulator emulator) {
		assertThat(emulator).isSameAs(first);
		assertThat(emulator.state().namespaces()).isEmpty();
		assertThat(emulator.journal().requests()).isEmpty();
	}

}
