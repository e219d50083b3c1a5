package io.github.dofunctions.emulator;

import java.time.Duration;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand requests over 64 concurrent connections leave the state consistent.
 */
class EmulatorConcurrencyTests {

	static final int CONNECTIONS = 64;

	static final int TRIGGERS = 1_000;

	static final int READS = 9_000;

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = FunctionsEmulatorExtension
		.configured((builder) -> builder.triggerLimit(TRIGGERS).rateLimits(RateLimits.unlimited()));

	@Test
	void thousandConcurrentCreatesAmongTenThousandRequestsLeaveExactlyAThousandTriggers() {
		ConnectionProvider connections = ConnectionProvider.builder("emulator-concurrency")
			.maxConnections(CONNECTIONS)
			.pendingAcquireMaxCount(-1)
			.build();
		try {
			FunctionsTemplate client = FunctionsTemplate.builder()
				.baseUrl(emulator.get().baseUrl())
				.token(emulator.get().token())
				.webClientBuilder(WebClient.builder()
					.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections))))
				.resilience(FunctionsResilience.none())
				.build();
			String ns = emulator.get().state().addNamespace("nyc1", "load").id();

			Flux<Object> creates = Flux.range(0, TRIGGERS)
				.flatMap((i) -> client.createTrigger(ns, CreateTriggerRequest.scheduled("t" + i, "f", "* * * * *")));
			Flux<Object> reads = Flux.range(0, READS)
				.flatMap((i) -> (i % 2 == 0) ? client.getNamespace(ns) : client.listNamespaces().then());
			StepVerifier.create(Flux.merge(creates, reads).count().then())
				.expectComplete()
				.verify(Duration.ofMinutes(2));

			assertThat(emulator.get().state().triggers(ns)).hasSize(TRIGGERS)
				.extracting(EmulatedTrigger::name)
				.doesNotHaveDuplicates();
			assertThat(emulator.get().journal().requests()).hasSize(TRIGGERS + READS)
				.allSatisfy((request) -> assertThat(request.status()).isEqualTo(200));
			assertThat(client.listTriggers(ns).count().block()).isEqualTo(TRIGGERS);
		}
		finally {
			connections.disposeLater().block();
		}
	}

}
