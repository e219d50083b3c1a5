package io.github.dofunctions.emulator.test;

import java.util.Map;

import io.github.dofunctions.client.FunctionInvoker;
import io.github.dofunctions.emulator.EmulatedFunction;
import io.github.dofunctions.emulator.EmulatedNamespace;
import io.github.dofunctions.emulator.FunctionsEmulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose {@code FunctionInvoker} bean is bound to a namespace id by
 * configuration is tested against the emulator holding a namespace of that id, in every
 * test, resets included.
 */
@SpringBootTest(classes = { ReportsApplication.class, ChosenNamespaceIdTests.Functions.class },
		properties = { "do.functions.invocation.namespace-id=fn-reports-test",
				"do.functions.emulator.namespaces.fn-reports-test.label=reports" })
@AutoConfigureFunctionsEmulator
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChosenNamespaceIdTests {

	@TestConfiguration
	static class Functions {

		@Bean
		EmulatedFunction nightly() {
			return EmulatedFunction.of("reports/nightly", (call) -> Map.of("report", "nightly.pdf"));
		}

	}

	@Autowired
	FunctionInvoker invoker;

	@Autowired
	FunctionsEmulator emulator;

	@Test
	@Order(1)
	void theInvokerBeanCallsTheDeclaredNamespace() {
		Map<String, Object> result = this.invoker.invoke("reports/nightly", Map.of()).block();

		assertThat(result).containsEntry("report", "nightly.pdf");
		assertThat(this.emulator.state().namespaces()).singleElement().satisfies((namespace) -> {
			assertThat(namespace.id()).isEqualTo("fn-reports-test");
			assertThat(namespace.label()).isEqualTo("reports");
			assertThat(namespace.region()).isEqualTo("nyc1");
		});
		assertThat(this.emulator.activations("fn-reports-test")).hasSize(1);
	}

	@Test
	@Order(2)
	void theNamespaceIsThereAgainAfterTheResetWithoutTheLastTestsActivations() {
		assertThat(this.emulator.state().namespaces()).extracting(EmulatedNamespace::id)
			.containsExactly("fn-reports-test");
		assertThat(this.emulator.activations("fn-reports-test")).isEmpty();

		assertThat(this.invoker.invoke("reports/nightly", Map.of()).block()).containsEntry("report", "nightly.pdf");
	}

}
