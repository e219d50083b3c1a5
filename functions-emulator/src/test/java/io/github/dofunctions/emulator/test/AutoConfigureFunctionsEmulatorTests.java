package io.github.dofunctions.emulator.test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.emulator.Fault;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A user's {@code @SpringBootTest} with the annotation and no token anywhere: the client
 * talks to the embedded emulator, which each test finds empty, so two tests can create
 * the same label in one cached context, and the clock one test moved is back at the real
 * time in the next; the application's emulated function stays.
 */
@SpringBootTest(classes = ReportsApplication.class)
@AutoConfigureFunctionsEmulator
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureFunctionsEmulatorTests {

	@Autowired
	ReportsApplication.Reports reports;

	@Autowired
	FunctionsEmulator emulator;

	@Autowired
	FunctionsOperations functions;

	@Test
	@Order(1)
	void createsTheReportsNamespaceAndCallsTheFunction() {
		Namespace namespace = this.reports.createNamespace().block();

		StepVerifier.create(this.reports.greet(namespace.id(), "Ada")).expectNext("Hello, Ada").verifyComplete();
		assertThat(this.emulator.journal().count(Operation.CREATE_NAMESPACE)).isEqualTo(1);
		assertThat(this.emulator.journal().count(Operation.INVOKE_FUNCTION)).isEqualTo(1);
		assertThat(this.emulator.activations(namespace.id())).hasSize(1);
	}

	@Test
	@Order(2)
	void createsTheSameLabelAgainInTheSameContext() {
		Namespace namespace = this.reports.createNamespace().block();

		assertThat(namespace.label()).isEqualTo("reports");
		assertThat(this.emulator.state().namespaces()).hasSize(1);
		assertThat(this.emulator.journal().requests()).singleElement()
			.satisfies((request) -> assertThat(request.method()).isEqualTo("POST"));
		StepVerifier.create(this.reports.greet(namespace.id(), "Grace")).expectNext("Hello, Grace").verifyComplete();
	}

	@Test
	@Order(3)
	void reportsAnOutage() {
		this.emulator.faults().on(Operation.CREATE_NAMESPACE).next(5).inject(Fault.status(503)); // all
																									// 5
																									// attempts

		assertThatExceptionOfType(FunctionsServerException.class)
			.isThrownBy(() -> this.reports.createNamespace().block());
	}

	@Test
	@Order(4)
	void findsNoFaultLeftByAnotherTest() {
		assertThat(this.reports.createNamespace().block().label()).isEqualTo("reports");
		StepVerifier.create(this.functions.listNamespaces()).expectNextCount(1).verifyComplete();
	}

	@Test
	@Order(5)
	void firesATriggerByMovingTheEmulatorsClock() {
		Namespace namespace = this.reports.createNamespace().block();
		this.functions
			.createTrigger(namespace.id(),
					CreateTriggerRequest.scheduled("nightly", "hello", "0 2 * * *", Map.of("name", "Ada")))
			.block();

		this.emulator.advanceTime(Duration.ofDays(1));

		assertThat(this.emulator.activations(namespace.id())).singleElement().satisfies((activation) -> {
			assertThat(activation.trigger()).isEqualTo("nightly");
			assertThat(activation.result()).isEqualTo(Map.of("greeting", "Hello, Ada"));
		});
	}

	@Test
	@Order(6)
	void findsTheClockBackAtTheRealTime() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		Namespace namespace = this.reports.createNamespace().block();

		assertThat(namespace.createdAt()).isBetween(before, Instant.now());
	}

}
