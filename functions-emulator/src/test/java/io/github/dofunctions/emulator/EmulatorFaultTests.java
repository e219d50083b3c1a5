package io.github.dofunctions.emulator;

import java.time.Duration;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into the next calls: statuses, delays, resets and broken bodies, before
 * or after the call took effect.
 */
class EmulatorFaultTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = new FunctionsEmulatorExtension();

	@RegisterExtension
	final ContractCheck contract = new ContractCheck(emulator::get);

	/**
	 * The first answers of a fresh JVM are slow (classes loading on both ends): warm up,
	 * so that the one-second response timeout measures only the injected delays.
	 */
	@BeforeAll
	static void warmUp() {
		for (int i = 0; i < 3; i++) {
			new RawClient(emulator.get()).send("GET", "/v2/functions/namespaces", null);
			FunctionsTemplate.builder()
				.baseUrl(emulator.get().baseUrl())
				.token(emulator.get().token())
				.resilience(FunctionsResilience.none())
				.build()
				.listNamespaces()
				.blockLast();
		}
	}

	private FunctionsTemplate client(FunctionsResilience resilience) {
		WebClient.Builder impatient = WebClient.builder()
			.clientConnector(
					new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofSeconds(1))));
		return FunctionsTemplate.builder()
			.baseUrl(emulator.get().baseUrl())
			.token(emulator.get().token())
			.webClientBuilder(impatient)
			.resilience(resilience)
			.build();
	}

	private FunctionsTemplate once() {
		return client(FunctionsResilience.none());
	}

	private FunctionsTemplate retrying() {
		return client(FunctionsResilience.builder()
			.retry(new RetrySettings(4, Duration.ofMillis(1), 2, Duration.ofMillis(5)))
			.noPacing()
			.noCircuitBreaker()
			.build());
	}

	@Test
	void statusFaultAnswersTheNextCallsWithoutEffect() {
		emulator.get().faults().on(Operation.CREATE_NAMESPACE).next(2).inject(Fault.status(503));

		StepVerifier.create(once().createNamespace(new CreateNamespaceRequest("nyc1", "a")))
			.verifyErrorSatisfies((ex) -> assertThat(((FunctionsServerException) ex).status()).isEqualTo(503));
		StepVerifier.create(once().createNamespace(new CreateNamespaceRequest("nyc1", "b")))
			.expectError(FunctionsServerException.class)
			.verify();
		StepVerifier.create(once().createNamespace(new CreateNamespaceRequest("nyc1", "c")))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(emulator.get().state().namespaces()).extracting(EmulatedNamespace::label).containsExactly("c");
	}

	@Test
	void faultTargetsOnlyMatchingPaths() {
		String ns = emulator.get().state().addNamespace("nyc1", "jobs").id();
		emulator.get().faults().onPath("GET", ".*/triggers").inject(Fault.status(500));

		StepVerifier.create(once().getNamespace(ns)).expectNextCount(1).verifyComplete();
		StepVerifier.create(once().listTriggers(ns)).expectError(FunctionsServerException.class).verify();
		StepVerifier.create(once().listTriggers(ns)).verifyComplete();
	}

	@Test
	void resetConnectionGivesNoAnswer() {
		emulator.get().faults().on(Operation.LIST_NAMESPACES).inject(Fault.resetConnection());

		StepVerifier.create(once().listNamespaces()).expectError(FunctionsConnectionException.class).verify();
		assertThat(emulator.get().journal().requests()).singleElement()
			.satisfies((request) -> assertThat(request.status()).isZero());
	}

	@Test
	void malformedBodyIsAnInvalidResponse() {
		contract.checkRequestsOnly();
		emulator.get().faults().on(Operation.LIST_NAMESPACES).inject(Fault.malformedBody());

		StepVerifier.create(once().listNamespaces()).expectError(FunctionsInvalidResponseException.class).verify();
	}

	@Test
	void createThatTimesOutAfterTakingEffectIsFoundByTheClientNotRepeated() {
		emulator.get().faults().on(Operation.CREATE_NAMESPACE).inject(Fault.delay(Duration.ofSeconds(3)));

		StepVerifier.create(retrying().createNamespace(new CreateNamespaceRequest("nyc1", "jobs")))
			.assertNext((namespace) -> assertThat(namespace.label()).isEqualTo("jobs"))
			.verifyComplete();

		assertThat(emulator.get().state().namespaces()).hasSize(1);
		assertThat(emulator.get().journal().count(Operation.CREATE_NAMESPACE)).isEqualTo(1);
	}

	@Test
	void createThatFailsAfterTakingEffectIsFoundByTheClientNotRepeated() {
		String ns = emulator.get().state().addNamespace("nyc1", "jobs").id();
		emulator.get().faults().on(Operation.CREATE_TRIGGER).inject(Fault.statusAfterApplying(500));

		StepVerifier.create(retrying().createTrigger(ns, CreateTriggerRequest.scheduled("t", "f", "* * * * *")))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(emulator.get().state().triggers(ns)).hasSize(1);
		assertThat(emulator.get().journal().count(Operation.CREATE_TRIGGER)).isEqualTo(1);
		assertThat(emulator.get().journal().count(Operation.GET_TRIGGER)).isEqualTo(1);
	}

	@Test
	void createWhoseConnectionResetAfterTakingEffectIsFoundByTheClientNotRepeated() {
		emulator.get().faults().on(Operation.CREATE_NAMESPACE).inject(Fault.resetConnectionAfterApplying());

		StepVerifier.create(retrying().createNamespace(new CreateNamespaceRequest("nyc1", "jobs")))
			.assertNext((namespace) -> assertThat(namespace.label()).isEqualTo("jobs"))
			.verifyComplete();

		assertThat(emulator.get().state().namespaces()).hasSize(1);
		assertThat(emulator.get().journal().count(Operation.CREATE_NAMESPACE)).isEqualTo(1);
		assertThat(emulator.get().journal().requests(Operation.CREATE_NAMESPACE)).singleElement()
			.satisfies((request) -> assertThat(request.status()).as("reset, no answer").isZero());
	}

	@Test
	void createThatFailedWithoutEffectIsRetried() {
		emulator.get().faults().on(Operation.CREATE_NAMESPACE).inject(Fault.resetConnection());

		StepVerifier.create(retrying().createNamespace(new CreateNamespaceRequest("nyc1", "jobs")))
			.expectNextCount(1)
			.verifyComplete();

		assertThat(emulator.get().state().namespaces()).hasSize(1);
		assertThat(emulator.get().journal().count(Operation.CREATE_NAMESPACE)).isEqualTo(2);
	}

	@Test
	void delayedAnswerPastTheTimeoutIsATimeout() {
		emulator.get().faults().on(Operation.LIST_NAMESPACES).inject(Fault.delay(Duration.ofSeconds(3)));

		StepVerifier.create(once().listNamespaces()).expectError(FunctionsTimeoutException.class).verify();
	}

}
