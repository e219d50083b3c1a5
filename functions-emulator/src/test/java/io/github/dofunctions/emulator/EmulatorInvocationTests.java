package io.github.dofunctions.emulator;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.dofunctions.client.FunctionInvoker;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.error.FunctionInvocationTimeoutException;
import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsUnauthorizedException;
import io.github.dofunctions.client.error.FunctionsUnavailableException;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.model.ActivationQuery;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import io.github.dofunctions.test.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * The invoker against the emulator acting as the namespace's API host: functions run,
 * demoted, failing and refused, activations recorded and listed.
 */
class EmulatorInvocationTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = new FunctionsEmulatorExtension();

	@RegisterExtension
	final ContractCheck contract = new ContractCheck(emulator::get);

	static final RetrySettings QUICK = new RetrySettings(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50));

	/** Released by each test that holds a function running; released again after it. */
	private final CountDownLatch finish = new CountDownLatch(1);

	private final List<Consumer<EmulatorExchange>> listeners = new ArrayList<>();

	private String namespaceId;

	record Greeting(String greeting) {
	}

	@BeforeEach
	void registerFunctionsAndCreateANamespace() {
		emulator.get().registerFunction("greet", (call) -> {
			Object name = call.parameters().getOrDefault("name", "stranger");
			call.log("greeting " + name);
			return Map.of("greeting", "Hello, " + name + "!");
		});
		emulator.get().registerFunction("tools/fail", (call) -> {
			call.log("about to fail");
			throw new IllegalStateException("name is required");
		});
		emulator.get().registerFunction("slow", (call) -> {
			if (!this.finish.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
			return Map.of("done", true);
		});
		this.namespaceId = template(FunctionsResilience.none())
			.createNamespace(new CreateNamespaceRequest("nyc1", "jobs"))
			.block()
			.id();
	}

	@AfterEach
	void releaseFunctionsAndRestore() {
		this.finish.countDown();
		this.listeners.forEach(emulator.get()::removeExchangeListener);
		emulator.get().demoteAfter(FunctionsEmulator.DEFAULT_DEMOTE_AFTER);
	}

	private static FunctionsTemplate template(FunctionsResilience invocation) {
		return FunctionsTemplate.builder()
			.baseUrl(emulator.get().baseUrl())
			.token(emulator.get().token())
			.resilience(FunctionsResilience.none())
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> invocation)
				.pollInterval(Duration.ofMillis(20), Duration.ofMillis(100))
				.build())
			.build();
	}

	private FunctionInvoker invoker() {
		return template(FunctionsResilience.none()).invoker(this.namespaceId);
	}

	@Test
	void aNamespacesHundredAndTwentyFunctionsRunAtOnce() {
		int limit = InvocationLimits.digitalOcean().concurrent();
		CyclicBarrier allRunning = new CyclicBarrier(limit);
		emulator.get().registerFunction("meet", (call) -> {
			allRunning.await(30, TimeUnit.SECONDS);
			return Map.of("met", true);
		});
		ConnectionProvider connections = ConnectionProvider.builder("emulator-at-once").maxConnections(limit).build();
		try {
			FunctionInvoker invoker = FunctionsTemplate.builder()
				.baseUrl(emulator.get().baseUrl())
				.token(emulator.get().token())
				.webClientBuilder(WebClient.builder()
					.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections))))
				.resilience(FunctionsResilience.none())
				.invocation(
						InvocationSettings.builder().resilience((namespaceId) -> FunctionsResilience.none()).build())
				.build()
				.invoker(this.namespaceId);
			// The barrier opens only once every function runs: none waits for a thread.
			List<Map<String, Object>> results = Flux.range(0, limit)
				.flatMap((i) -> invoker.invoke("meet", Map.of()), limit)
				.collectList()
				.block();

			assertThat(results).hasSize(limit).allSatisfy((result) -> assertThat(result).containsEntry("met", true));
		}
		finally {
			connections.disposeLater().block();
		}
	}

	private void whenAnswered(Operation operation, int status, Runnable action) {
		Consumer<EmulatorExchange> listener = (exchange) -> {
			if (exchange.request().operation() == operation && exchange.status() == status) {
				action.run();
			}
		};
		this.listeners.add(listener);
		emulator.get().addExchangeListener(listener);
	}

	@Test
	void blockingInvocationReturnsTheResultAndRecordsTheActivationWithItsLogs() {
		FunctionInvoker invoker = invoker();

		Greeting greeting = invoker.invoke("greet", Map.of("name", "Ada"), Greeting.class).block();

		assertThat(greeting).isEqualTo(new Greeting("Hello, Ada!"));
		List<EmulatedActivation> recorded = emulator.get().activations(this.namespaceId);
		assertThat(recorded).singleElement().satisfies((activation) -> {
			assertThat(activation.function()).isEqualTo("greet");
			assertThat(activation.success()).isTrue();
			assertThat(activation.logs()).singleElement().asString().endsWith("stdout: greeting Ada");
		});
		String activationId = recorded.get(0).activationId();
		Activation activation = invoker.getActivation(activationId).block();
		assertThat(activation.status()).isEqualTo(Activation.SUCCESS);
		assertThat(activation.result()).asInstanceOf(MAP).containsEntry("greeting", "Hello, Ada!");
		assertThat(invoker.getActivationLogs(activationId).block()).isEqualTo(recorded.get(0).logs());
		assertThat(invoker.getActivationResult(activationId, Greeting.class).block()).isEqualTo(greeting);
		assertThat(emulator.get().journal().requests(Operation.INVOKE_FUNCTION)).singleElement()
			.satisfies((request) -> {
				assertThat(request.path()).isEqualTo("/api/v1/namespaces/_/actions/greet");
				assertThat(request.query()).contains("blocking=true");
				assertThat(request.header("Authorization")).isEqualTo("Basic ******");
			});
	}

	@Test
	void functionInAPackageIsInvokedWithAnAccessKey() {
		emulator.get().registerFunction("tools/echo", (call) -> call.parameters());
		AccessKey key = template(FunctionsResilience.none())
			.createAccessKey(this.namespaceId, CreateAccessKeyRequest.named("ci"))
			.block();
		FunctionInvoker invoker = template(FunctionsResilience.none()).invoker(this.namespaceId,
				InvocationCredentials.accessKey(key.id(), key.secret()));

		assertThat(invoker.invoke("tools/echo", Map.of("n", 3)).block()).containsEntry("n", 3);
	}

	@Test
	void wrongCredentialIsRefused() {
		FunctionInvoker invoker = template(FunctionsResilience.none()).invoker(this.namespaceId,
				InvocationCredentials.accessKey("dof_v1_unknown", "wrong"));

		Throwable failure = catchThrowable(() -> invoker.invoke("greet", Map.of()).block());

		assertThat(failure).isInstanceOf(FunctionsUnauthorizedException.class)
			.hasMessageContaining("The supplied authentication is invalid.");
		assertThat(emulator.get().activations(this.namespaceId)).isEmpty();
	}

	@Test
	void unknownFunctionIsNotFound() {
		Throwable failure = catchThrowable(() -> invoker().invoke("missing", Map.of()).block());

		assertThat(failure).isInstanceOf(FunctionsNotFoundException.class);
	}

	@Test
	void unregisteredFunctionIsNotFoundAgain() {
		emulator.get().registerFunction("temporary", (call) -> Map.of("ok", true));
		FunctionInvoker invoker = invoker();
		assertThat(invoker.invoke("temporary", Map.of()).block()).containsEntry("ok", true);

		emulator.get().unregisterFunction("temporary");

		assertThat(catchThrowable(() -> invoker.invoke("temporary", Map.of()).block()))
			.isInstanceOf(FunctionsNotFoundException.class);
	}

	@Test
	void startedFunctionIsAwaitedToItsResult() {
		FunctionInvoker invoker = invoker();

		String activationId = invoker.start(Invocation.of("slow")).block();
		this.finish.countDown();
		Map<?, ?> result = invoker.awaitResult(activationId, Duration.ofSeconds(20), Map.class).block();

		assertThat(result.get("done")).isEqualTo(true);
		assertThat(emulator.get().journal().requests(Operation.INVOKE_FUNCTION)).singleElement()
			.satisfies((request) -> assertThat(request.status()).isEqualTo(202));
	}

	@Test
	void demotedCallIsFollowedToItsResult() {
		emulator.get().demoteAfter(Duration.ofMillis(100));
		whenAnswered(Operation.INVOKE_FUNCTION, 202, this.finish::countDown);

		Activation activation = invoker().invokeForActivation(Invocation.of("slow")).block();

		assertThat(activation.result()).asInstanceOf(MAP).containsEntry("done", true);
		assertThat(emulator.get().journal().requests(Operation.INVOKE_FUNCTION)).singleElement()
			.satisfies((request) -> assertThat(request.status()).isEqualTo(202));
		assertThat(emulator.get().journal().count(Operation.GET_ACTIVATION)).isPositive();
	}

	@Test
	void deadlinePassedWhileDemotedNamesTheActivationToAwaitLater() {
		emulator.get().demoteAfter(Duration.ofMillis(100));
		FunctionInvoker invoker = invoker();

		Throwable failure = catchThrowable(
				() -> invoker.invoke(Invocation.of("slow").withDeadline(Duration.ofSeconds(3)), Map.class).block());

		assertThat(failure).isInstanceOf(FunctionInvocationTimeoutException.class);
		String activationId = ((FunctionInvocationTimeoutException) failure).activationId();
		assertThat(activationId).isNotNull();
		this.finish.countDown();
		assertThat(invoker.awaitActivation(activationId, Duration.ofSeconds(20)).block().result()).asInstanceOf(MAP)
			.containsEntry("done", true);
	}

	@Test
	void throwingFunctionFailsWithItsActivationAsADeveloperError() {
		Throwable failure = catchThrowable(() -> invoker().invoke("tools/fail", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionInvocationException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(Activation.DEVELOPER_ERROR);
			assertThat(ex.result()).asInstanceOf(MAP).containsEntry("error", "name is required");
			assertThat(ex.logs()).anySatisfy((line) -> assertThat(line).endsWith("stdout: about to fail"));
			assertThat(ex.activationId()).isEqualTo(emulator.get().activations(this.namespaceId).get(0).activationId());
		});
		assertThat(emulator.get().journal().requests(Operation.INVOKE_FUNCTION)).singleElement()
			.satisfies((request) -> assertThat(request.status()).isEqualTo(502));
	}

	@Test
	void platformFailureIsAWhiskInternalErrorAnswered500WithItsActivation() {
		emulator.get().registerFunction("broken", (call) -> {
			throw new WhiskInternalErrorException("The action did not initialize or run as expected.");
		});
		FunctionInvoker invoker = invoker();

		Throwable failure = catchThrowable(() -> invoker.invoke("broken", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionInvocationException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(Activation.INTERNAL_ERROR);
			assertThat(ex.result()).asInstanceOf(MAP)
				.containsEntry("error", "The action did not initialize or run as expected.");
			assertThat(ex.activationId()).isEqualTo(emulator.get().activations(this.namespaceId).get(0).activationId());
		});
		assertThat(emulator.get().journal().requests(Operation.INVOKE_FUNCTION)).singleElement()
			.satisfies((request) -> assertThat(request.status()).isEqualTo(500));
		assertThat(invoker.listActivations(ActivationQuery.all()).collectList().block()).singleElement()
			.satisfies((listed) -> assertThat(listed.status()).as("from the summary's statusCode 3")
				.isEqualTo(Activation.INTERNAL_ERROR));
	}

	@Test
	void resultsNestedAThousandLevelsDeepOrWithLongNumbersAreKept() {
		Object deep = nested(1000);
		emulator.get()
			.registerFunction("python-like", (call) -> Map.of("deep", nested(999), "big", BigInteger.TEN.pow(1200)));
		emulator.get().registerFunction("deep", (call) -> deep);

		Map<String, Object> result = invoker().invoke("python-like", Map.of()).block();
		Object deepResult = invoker().invoke("deep", Map.of(), Object.class).block();

		assertThat(result.get("big")).isEqualTo(BigInteger.TEN.pow(1200));
		assertThat(result.get("deep")).isEqualTo(nested(999));
		assertThat(deepResult).isEqualTo(deep);
	}

	@Test
	void resultNestedDeeperThanAThousandLevelsFailsTheActivation() {
		emulator.get().registerFunction("too-deep", (call) -> nested(1001));

		Throwable failure = catchThrowable(() -> invoker().invoke("too-deep", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionInvocationException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(Activation.DEVELOPER_ERROR);
			assertThat(ex.result()).asInstanceOf(MAP)
				.containsEntry("error", "the result is nested deeper than 1000 levels");
		});
	}

	/**
	 * Lists nested {@code depth} levels deep, the innermost empty.
	 */
	private static Object nested(int depth) {
		Object value = List.of();
		for (int i = 1; i < depth; i++) {
			value = List.of(value);
		}
		return value;
	}

	@Test
	void rateLimitedInvocationIsSentAgain() {
		emulator.get().faults().on(Operation.INVOKE_FUNCTION).next(1).inject(Fault.status(429));
		FunctionInvoker invoker = template(FunctionsResilience.invocationBuilder("ns").retry(QUICK).build())
			.invoker(this.namespaceId);

		assertThat(invoker.invoke("greet", Map.of()).block()).containsEntry("greeting", "Hello, stranger!");
		assertThat(emulator.get().journal().count(Operation.INVOKE_FUNCTION)).isEqualTo(2);
		assertThat(emulator.get().activations(this.namespaceId)).hasSize(1);
	}

	@Test
	void serverErrorIsRetriedOnlyForIdempotentInvocations() {
		FunctionInvoker invoker = template(FunctionsResilience.invocationBuilder("ns").retry(QUICK).build())
			.invoker(this.namespaceId);
		emulator.get().faults().on(Operation.INVOKE_FUNCTION).next(1).inject(Fault.status(503));

		Throwable failure = catchThrowable(() -> invoker.invoke("greet", Map.of()).block());

		assertThat(failure).isInstanceOf(FunctionsServerException.class);
		assertThat(emulator.get().journal().count(Operation.INVOKE_FUNCTION)).isEqualTo(1);
		emulator.get().faults().on(Operation.INVOKE_FUNCTION).next(1).inject(Fault.status(503));
		assertThat(invoker.invoke(Invocation.of("greet").asIdempotent(), Greeting.class).block())
			.isEqualTo(new Greeting("Hello, stranger!"));
		assertThat(emulator.get().journal().count(Operation.INVOKE_FUNCTION)).isEqualTo(3);
		assertThat(emulator.get().activations(this.namespaceId)).hasSize(1);
	}

	@Test
	void openInvocationBreakerLeavesNamespaceCallsWorking() {
		CircuitBreaker breaker = CircuitBreaker.of("invocations",
				FunctionsResilience.circuitBreakerConfig().slidingWindowSize(2).minimumNumberOfCalls(2).build());
		FunctionsTemplate template = template(
				FunctionsResilience.invocationBuilder("ns").noRetry().circuitBreaker(breaker).build());
		emulator.get().faults().on(Operation.INVOKE_FUNCTION).next(2).inject(Fault.status(503));
		FunctionInvoker invoker = template.invoker(this.namespaceId);
		catchThrowable(() -> invoker.invoke("greet", Map.of()).block());
		catchThrowable(() -> invoker.invoke("greet", Map.of()).block());

		assertThat(catchThrowable(() -> invoker.invoke("greet", Map.of()).block()))
			.isInstanceOf(FunctionsUnavailableException.class);
		assertThat(template.listNamespaces().collectList().block()).hasSize(1);
		assertThat(emulator.get().journal().count(Operation.INVOKE_FUNCTION)).isEqualTo(2);
	}

	@Test
	void noMoreInvocationsRunAtOnceThanTheConcurrencyLimit() throws InterruptedException {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		CountDownLatch threeRunning = new CountDownLatch(3);
		Semaphore gate = new Semaphore(0);
		emulator.get().registerFunction("gated", (call) -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			threeRunning.countDown();
			gate.acquire();
			running.decrementAndGet();
			return Map.of("ok", true);
		});
		FunctionInvoker invoker = template(
				FunctionsResilience.invocationBuilder("ns").noRetry().noPacing().concurrencyLimit(3).build())
			.invoker(this.namespaceId);
		Mono<List<Map<String, Object>>> ten = Flux.range(0, 10)
			.flatMap((n) -> invoker.invoke("gated", Map.of("n", n)))
			.collectList()
			.cache();
		ten.subscribe();

		assertThat(threeRunning.await(20, TimeUnit.SECONDS)).isTrue();
		gate.release(10);

		assertThat(ten.block()).hasSize(10);
		assertThat(mostAtOnce).hasValue(3);
		assertThat(emulator.get().activations(this.namespaceId)).hasSize(10);
	}

	@Test
	void listingPagesThroughMoreThanTwoHundredWhileNewActivationsArrive() {
		Instant start = Instant.parse("2026-11-28T10:00:00Z");
		MutableClock clock = new MutableClock(start);
		try (FunctionsEmulator own = FunctionsEmulator.builder().clock(clock).build().start()) {
			own.registerFunction("greet", (call) -> Map.of("n", call.parameters().get("n")));
			FunctionsTemplate template = FunctionsTemplate.builder()
				.baseUrl(own.baseUrl())
				.token(own.token())
				.clock(clock)
				.resilience(FunctionsResilience.none())
				.invocation(InvocationSettings.builder().resilience((ns) -> FunctionsResilience.none()).build())
				.build();
			String namespace = template.createNamespace(new CreateNamespaceRequest("nyc1", "many")).block().id();
			FunctionInvoker invoker = template.invoker(namespace);
			invokeMany(invoker, 0, 450);

			List<String> listed = new ArrayList<>();
			Iterator<Activation> listing = invoker.listActivations(ActivationQuery.all()).toIterable(1).iterator();
			for (int i = 0; i < 150; i++) {
				listed.add(listing.next().activationId());
			}
			clock.advance(Duration.ofSeconds(1));
			invokeMany(invoker, 450, 5);
			listing.forEachRemaining((activation) -> listed.add(activation.activationId()));

			List<String> before = new ArrayList<>(
					own.activations(namespace).subList(0, 450).stream().map(EmulatedActivation::activationId).toList());
			Collections.reverse(before);
			assertThat(listed).containsExactlyElementsOf(before);
			List<RecordedRequest> pages = own.journal().requests(Operation.LIST_ACTIVATIONS);
			long upto = start.toEpochMilli();
			assertThat(pages).extracting(RecordedRequest::query)
				.containsExactly("limit=200&skip=0&upto=" + upto, "limit=200&skip=200&upto=" + upto,
						"limit=200&skip=400&upto=" + upto);
			assertThat(own.activations(namespace)).hasSize(455);
		}
	}

	@Test
	void errorReturnedIsAnApplicationErrorAndBothAreListedWithTheirStatusCode() {
		emulator.get().registerFunction("refuse", (call) -> Map.of("error", "not today"));
		FunctionInvoker invoker = invoker();
		invoker.invoke("greet", Map.of()).block();
		assertThat(catchThrowable(() -> invoker.invoke("refuse", Map.of()).block())).isInstanceOfSatisfying(
				FunctionInvocationException.class,
				(ex) -> assertThat(ex.status()).isEqualTo(Activation.APPLICATION_ERROR));
		catchThrowable(() -> invoker.invoke("tools/fail", Map.of()).block());

		List<Activation> listed = invoker.listActivations(ActivationQuery.all()).collectList().block();

		assertThat(listed).extracting(Activation::name, Activation::status, Activation::success)
			.containsExactlyInAnyOrder(tuple("greet", Activation.SUCCESS, true),
					tuple("refuse", Activation.APPLICATION_ERROR, false),
					tuple("fail", Activation.DEVELOPER_ERROR, false));
		assertThat(listed).allSatisfy((activation) -> {
			assertThat(activation.result()).isNull();
			assertThat(activation.logs()).isEmpty();
		});
	}

	@Test
	void listingGivesSummariesUnlessAskedForTheDocuments() {
		invoker().invoke("greet", Map.of("name", "Ada")).block();
		AccessKey key = template(FunctionsResilience.none())
			.createAccessKey(this.namespaceId, CreateAccessKeyRequest.named("raw"))
			.block();
		RawClient raw = new RawClient(emulator.get());

		JsonNode summary = raw.sendToApiHost("GET", "/api/v1/namespaces/_/activations", null, key.id(), key.secret())
			.body()
			.get(0);
		JsonNode full = raw
			.sendToApiHost("GET", "/api/v1/namespaces/_/activations?docs=true", null, key.id(), key.secret())
			.body()
			.get(0);

		assertThat(summary.get("statusCode").asInt()).isZero();
		assertThat(summary.has("response")).isFalse();
		assertThat(summary.has("logs")).isFalse();
		assertThat(full.at("/response/status").asString()).isEqualTo("success");
		assertThat(full.at("/response/result/greeting").asString()).isEqualTo("Hello, Ada!");
		assertThat(full.get("logs")).hasSize(1);
		assertThat(full.get("subject").asString()).startsWith("dof_v1_");
	}

	@Test
	void namespacesLegacyKeyIsRefusedAsAtDigitalOcean() {
		Namespace namespace = template(FunctionsResilience.none()).getNamespace(this.namespaceId).block();

		RawClient.Answer answer = new RawClient(emulator.get()).sendToApiHost("POST",
				"/api/v1/namespaces/_/actions/greet?blocking=true", "{}", namespace.uuid(), namespace.key());

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body().get("error").asString()).isEqualTo("The supplied authentication is invalid.");
		assertThat(emulator.get().activations(this.namespaceId)).isEmpty();
	}

	@Test
	void resultsOfEveryJsonTypeAreServedAndRead() {
		emulator.get().registerFunction("list", (call) -> List.of("a", "b"));
		emulator.get().registerFunction("text", (call) -> "done");
		emulator.get().registerFunction("count", (call) -> 42);
		emulator.get().registerFunction("nothing", (call) -> null);
		FunctionInvoker invoker = invoker();

		assertThat(invoker.invoke("list", Map.of(), List.class).block()).containsExactly("a", "b");
		assertThat(invoker.invoke("text", Map.of(), String.class).block()).isEqualTo("done");
		assertThat(invoker.invoke("count", Map.of(), Integer.class).block()).isEqualTo(42);
		assertThat(invoker.invoke("nothing", Map.of(), Object.class).blockOptional()).isEmpty();
		assertThat(emulator.get().activations(this.namespaceId)).extracting(EmulatedActivation::result)
			.containsExactly(List.of("a", "b"), "done", 42, null);
		assertThat(catchThrowable(() -> invoker.invoke("list", Map.of()).block()))
			.isInstanceOf(FunctionsInvalidResponseException.class)
			.hasMessageContaining("a JSON array");
	}

	@Test
	void largestActivationThePlatformAllowsComesBackWhole() {
		String value = "r".repeat(900 * 1024);
		emulator.get().registerFunction("big", (call) -> {
			for (int line = 0; line < 2000; line++) {
				call.log("l".repeat(100));
			}
			return Map.of("value", value);
		});

		Activation activation = invoker().invokeForActivation(Invocation.of("big")).block();

		assertThat(activation.result()).isEqualTo(Map.of("value", value));
		assertThat(activation.logs()).hasSize(2000)
			.allSatisfy((line) -> assertThat(line).endsWith("stdout: " + "l".repeat(100)));
	}

	private static void invokeMany(FunctionInvoker invoker, int from, int count) {
		Flux.range(from, count).flatMap((n) -> invoker.invoke("greet", Map.of("n", n)), 16).blockLast();
	}

}
