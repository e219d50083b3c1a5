package io.github.dofunctions.emulator.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension configured to keep what one test leaves for the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeepStateBetweenTestsTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = FunctionsEmulatorExtension
		.configured((builder) -> builder.namespaceLimit(3))
		.keepStateBetweenTests();

	@Test
	@Order(1)
	void leavesANamespace() {
		emulator.get().state().addNamespace("nyc1", "kept");
	}

	@Test
	@Order(2)
	void findsItInTheNextTest() {
		assertThat(emulator.get().state().namespaces()).singleElement()
			.satisfies((namespace) -> assertThat(namespace.label()).isEqualTo("kept"));
	}

}
