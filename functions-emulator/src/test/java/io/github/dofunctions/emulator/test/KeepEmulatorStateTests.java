package io.github.dofunctions.emulator.test;

import io.github.dofunctions.emulator.FunctionsEmulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code resetBeforeEachTest = false}, what one test leaves the next finds.
 */
@SpringBootTest(classes = ReportsApplication.class, properties = "do.functions.emulator.namespace-limit=2")
@AutoConfigureFunctionsEmulator(resetBeforeEachTest = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeepEmulatorStateTests {

	@Autowired
	ReportsApplication.Reports reports;

	@Autowired
	FunctionsEmulator emulator;

	@Test
	@Order(1)
	void leavesTheReportsNamespace() {
		this.reports.createNamespace().block();
	}

	@Test
	@Order(2)
	void findsItInTheNextTest() {
		assertThat(this.emulator.state().namespaces()).singleElement()
			.satisfies((namespace) -> assertThat(namespace.label()).isEqualTo("reports"));
	}

}
