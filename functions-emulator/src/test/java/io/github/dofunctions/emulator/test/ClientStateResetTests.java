package io.github.dofunctions.emulator.test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.emulator.EmulatedFunction;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
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
 * What a test leaves in the client and the emulator's settings does not reach the next
 * test: an open circuit breaker, a spent rate-limit budget, a shorter demotion threshold.
 */
@SpringBootTest(classes = { ReportsApplication.class, ClientStateResetTests.SlowFunction.class },
		properties = { "do.functions.rate-limit.requests-per-minute=6", "do.functions.retry.max-rate-limit-wait=0s" })
@AutoConfigureFunctionsEmulator
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientStateResetTests {

	@TestConfiguration
	static class SlowFunction {

		@Bean
		EmulatedFunction slow() {
			return EmulatedFunction.of("slow", (call) -> {
				// The function's own running time, longer than a zero demotion threshold.
				LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
				return Map.of("done", true);
			});
		}

	}

	@Autowired
	FunctionsOperations functions;

	@Autowired
	FunctionsResilience resilience;

	@Autowired
	FunctionsEmulator emulator;

	@Test
	@Order(1)
	void spendsTheBudgetOpensTheBreakerAndDemotesEveryCall() {
		for (int i = 0; i < 6; i++) {
			this.functions.listNamespaces().collectList().block();
		}
		this.resilience.circuitBreaker().transitionToOpenState();
		this.emulator.demoteAfter(Duration.ZERO);
	}

	@Test
	@Order(2)
	void findsTheBreakerClosedTheBudgetFreeAndCallsNotDemoted() {
		String namespaceId = this.emulator.state().addNamespace("nyc1", "reports").id();

		assertThat(this.functions.listNamespaces().collectList().block()).hasSize(1);
		assertThat(this.functions.invoker(namespaceId).invoke("slow", Map.of()).block()).containsEntry("done", true);
		assertThat(this.emulator.journal().count(Operation.GET_ACTIVATION)).as("polls of a demoted call").isZero();
	}

}
