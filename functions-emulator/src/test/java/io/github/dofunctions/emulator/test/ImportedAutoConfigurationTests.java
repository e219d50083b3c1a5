package io.github.dofunctions.emulator.test;

import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test context without auto-configuration, as a test slice has: the annotation brings
 * the client's auto-configuration and the emulator's.
 */
@SpringBootTest(classes = ReportsApplication.Reports.class)
@AutoConfigureFunctionsEmulator
class ImportedAutoConfigurationTests {

	@Autowired
	ReportsApplication.Reports reports;

	@Autowired
	FunctionsEmulator emulator;

	@Test
	void clientAndEmulatorAreConfiguredWithoutEnableAutoConfiguration() {
		assertThat(this.reports.createNamespace().block().label()).isEqualTo("reports");
		assertThat(this.emulator.journal().count(Operation.CREATE_NAMESPACE)).isEqualTo(1);
	}

}
