package io.github.dofunctions.emulator.test;

import io.github.dofunctions.client.BlockingFunctionsOperations;
import io.github.dofunctions.emulator.EmulatedTrigger;
import io.github.dofunctions.emulator.FunctionsEmulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With declared resources, each test finds them as a fresh start leaves them, whatever
 * the test before did to them, and a journal without what provisioning sent.
 */
@SpringBootTest(classes = ReportsApplication.class,
		properties = { "do.functions.provisioning.namespaces.reports.region=nyc1",
				"do.functions.provisioning.namespaces.reports.triggers.nightly.function=hello",
				"do.functions.provisioning.namespaces.reports.triggers.nightly.cron=0 2 * * *" })
@AutoConfigureFunctionsEmulator
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeclaredResourcesResetTests {

	@Autowired
	FunctionsEmulator emulator;

	@Autowired
	BlockingFunctionsOperations functions;

	private String namespaceId() {
		return this.emulator.state().namespaces().get(0).id();
	}

	@Test
	@Order(1)
	void deletesTheDeclaredTrigger() {
		assertThat(this.emulator.state().triggers(namespaceId())).extracting(EmulatedTrigger::name)
			.containsExactly("nightly");

		this.functions.deleteTrigger(namespaceId(), "nightly");

		assertThat(this.emulator.state().triggers(namespaceId())).isEmpty();
	}

	@Test
	@Order(2)
	void findsTheDeclaredTriggerAgainAndAnEmptyJournal() {
		assertThat(this.emulator.state().namespaces()).singleElement()
			.satisfies((namespace) -> assertThat(namespace.label()).isEqualTo("reports"));
		assertThat(this.emulator.state().triggers(namespaceId()))
			.extracting(EmulatedTrigger::name, EmulatedTrigger::cron)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("nightly", "0 2 * * *"));
		assertThat(this.emulator.journal().requests()).isEmpty();
	}

}
