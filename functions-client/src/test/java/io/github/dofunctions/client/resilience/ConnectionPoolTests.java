package io.github.dofunctions.client.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.error.FunctionsConnectionPoolException;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.github.dofunctions.client.observation.RetryReason;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.ApiHostStubs.ACTIONS;
import static io.github.dofunctions.test.ApiHostStubs.KEY_ID;
import static io.github.dofunctions.test.ApiHostStubs.KEY_SECRET;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_ID;
import static io.github.dofunctions.test.ApiHostStubs.answer;
import static io.github.dofunctions.test.ApiHostStubs.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls over a connector whose connection pool is bounded, as an application may set
 * Reactor Netty's: a request that gets no connection was never sent, so it is retried
 * like a refused connection, even an invocation, and the circuit breaker does not count
 * it as DigitalOcean's failure.
 */
class ConnectionPoolTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	private static final String HELLO = ACTIONS + "hello";

	private final CircuitBreaker breaker = CircuitBreaker.of("pool",
			FunctionsResilience.circuitBreakerConfig().build());

	private final List<RetryReason> retries = new CopyOnWriteArrayList<>();

	private @Nullable ConnectionProvider connections;

	@BeforeEach
	void serveNamespace() {
		ApiHostStubs.serveNamespace(api);
		// Long enough that the second call asks for the one connection while the first
		// holds it.
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(200, succeeded("a1", "{}")).withFixedDelay(800)));
	}

	@AfterEach
	void closePool() {
		if (this.connections != null) {
			this.connections.disposeLater().block();
		}
	}

	@Test
	void anInvocationRefusedByAFullPoolWasNotSentAndIsRetriedWhenAConnectionFrees() {
		FunctionsTemplate template = template(ConnectionProvider.builder("one-connection-no-queue")
			.maxConnections(1)
			.pendingAcquireMaxCount(0)
			.build(), new RetrySettings(100, Duration.ofMillis(50), 1.0, Duration.ofMillis(50)));

		List<Map<String, Object>> results = Flux.merge(invoke(template), invoke(template)).collectList().block();

		assertThat(results).hasSize(2);
		api.server().verify(2, postRequestedFor(urlPathEqualTo(HELLO)));
		assertThat(this.retries).isNotEmpty().containsOnly(RetryReason.CONNECTION);
		assertThat(this.breaker.getMetrics().getNumberOfFailedCalls()).as("failures the breaker counted").isZero();
	}

	@Test
	void anInvocationThatTimesOutWaitingForAConnectionWasNotSentAndIsNoOutage() {
		FunctionsTemplate template = template(ConnectionProvider.builder("one-connection-short-wait")
			.maxConnections(1)
			.pendingAcquireTimeout(Duration.ofMillis(100))
			.build(), null);

		List<Object> outcomes = Flux
			.merge(invoke(template).map(Object.class::cast).onErrorResume(Mono::just),
					invoke(template).map(Object.class::cast).onErrorResume(Mono::just))
			.collectList()
			.block();

		assertThat(outcomes).hasSize(2)
			.filteredOn(FunctionsConnectionPoolException.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(FunctionsConnectionPoolException.class, (ex) -> {
				assertThat(ex.requestSent()).isFalse();
				assertThat(ex.getMessage()).contains("invoke", "connection pool", "not sent", "PoolAcquireTimeout");
			});
		api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
		assertThat(this.breaker.getMetrics().getNumberOfFailedCalls()).as("failures the breaker counted").isZero();
	}

	/**
	 * Invoke {@code hello}; two at once first share one read of the namespace, then ask
	 * for a connection together.
	 */
	private static Mono<Map<String, Object>> invoke(FunctionsTemplate template) {
		return template.invoker(NAMESPACE_ID).invoke("hello", Map.of());
	}

	private FunctionsTemplate template(ConnectionProvider connections, @Nullable RetrySettings retry) {
		this.connections = connections;
		WebClient.Builder webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)));
		FunctionsResilience.Builder resilience = FunctionsResilience.invocationBuilder(NAMESPACE_ID)
			.circuitBreaker(this.breaker);
		if (retry != null) {
			resilience.retry(retry);
		}
		else {
			resilience.noRetry();
		}
		FunctionsResilience built = resilience.build();
		return api.templateBuilder().webClientBuilder(webClient).listener(new FunctionsClientListener() {

			@Override
			public void onRetry(ApiOperation operation, RetryReason reason, Duration wait) {
				ConnectionPoolTests.this.retries.add(reason);
			}

		})
			.invocation(InvocationSettings.builder()
				.accessKey(NAMESPACE_ID, InvocationCredentials.accessKey(KEY_ID, KEY_SECRET))
				.resilience((namespaceId) -> built)
				.build())
			.build();
	}

}
