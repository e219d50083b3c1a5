package io.github.dofunctions.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.UpdateAccessKeyRequest;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The blocking operations against the same stubs as the reactive ones, case by case: the
 * same request goes out, the same result comes back, the same error is thrown after the
 * same number of attempts. Every exchange is checked against DigitalOcean's API
 * description by the stub server.
 */
class BlockingOperationsTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NAMESPACE_ID = "fn-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	static final String NAMESPACE = "/v2/functions/namespaces/" + NAMESPACE_ID;

	static final String TRIGGER = NAMESPACE + "/triggers/my%20trigger";

	static final String KEY = NAMESPACE + "/keys/dof_v1-xxxx";

	/**
	 * One operation, called both ways.
	 *
	 * @param idempotent whether a transient server error is retried (it may have acted)
	 */
	record Operation(String name, Supplier<MappingBuilder> request, ResponseDefinitionBuilder answer,
			boolean idempotent, Function<FunctionsOperations, Publisher<?>> reactive,
			Function<BlockingFunctionsOperations, Object> blocking) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Operation> operations() {
		CreateTriggerRequest trigger = CreateTriggerRequest.scheduled("my trigger", "hello", "* * * * *");
		return Stream.of(
				new Operation("listNamespaces", () -> get("/v2/functions/namespaces"),
						json(200, payload("namespaces.json")), true, FunctionsOperations::listNamespaces,
						BlockingFunctionsOperations::listNamespaces),
				new Operation("getNamespace", () -> get(NAMESPACE), json(200, payload("namespace.json")), true,
						(ops) -> ops.getNamespace(NAMESPACE_ID), (ops) -> ops.getNamespace(NAMESPACE_ID)),
				new Operation("createNamespace", () -> post("/v2/functions/namespaces"),
						json(200, payload("namespace.json")), false,
						(ops) -> ops.createNamespace(new CreateNamespaceRequest("nyc1", "my namespace")),
						(ops) -> ops.createNamespace(new CreateNamespaceRequest("nyc1", "my namespace"))),
				new Operation("deleteNamespace", () -> delete(NAMESPACE), aResponse().withStatus(204), true,
						(ops) -> ops.deleteNamespace(NAMESPACE_ID), (ops) -> {
							ops.deleteNamespace(NAMESPACE_ID);
							return null;
						}),
				new Operation("listTriggers", () -> get(NAMESPACE + "/triggers"), json(200, payload("triggers.json")),
						true, (ops) -> ops.listTriggers(NAMESPACE_ID), (ops) -> ops.listTriggers(NAMESPACE_ID)),
				new Operation("getTrigger", () -> get(TRIGGER), json(200, payload("trigger.json")), true,
						(ops) -> ops.getTrigger(NAMESPACE_ID, "my trigger"),
						(ops) -> ops.getTrigger(NAMESPACE_ID, "my trigger")),
				new Operation("createTrigger", () -> post(NAMESPACE + "/triggers"), json(200, payload("trigger.json")),
						false, (ops) -> ops.createTrigger(NAMESPACE_ID, trigger),
						(ops) -> ops.createTrigger(NAMESPACE_ID, trigger)),
				new Operation("updateTrigger", () -> put(TRIGGER), json(200, payload("trigger.json")), true,
						(ops) -> ops.updateTrigger(NAMESPACE_ID, "my trigger", UpdateTriggerRequest.enabled(false)),
						(ops) -> ops.updateTrigger(NAMESPACE_ID, "my trigger", UpdateTriggerRequest.enabled(false))),
				new Operation("deleteTrigger", () -> delete(TRIGGER), aResponse().withStatus(204), true,
						(ops) -> ops.deleteTrigger(NAMESPACE_ID, "my trigger"), (ops) -> {
							ops.deleteTrigger(NAMESPACE_ID, "my trigger");
							return null;
						}),
				new Operation("listAccessKeys", () -> get(NAMESPACE + "/keys"), json(200, payload("access-keys.json")),
						true, (ops) -> ops.listAccessKeys(NAMESPACE_ID), (ops) -> ops.listAccessKeys(NAMESPACE_ID)),
				new Operation("createAccessKey", () -> post(NAMESPACE + "/keys"),
						json(201, payload("access-key-created.json")), false,
						(ops) -> ops.createAccessKey(NAMESPACE_ID, CreateAccessKeyRequest.named("ci")),
						(ops) -> ops.createAccessKey(NAMESPACE_ID, CreateAccessKeyRequest.named("ci"))),
				new Operation("updateAccessKey", () -> put(KEY), json(200, payload("access-key-updated.json")), true,
						(ops) -> ops.updateAccessKey(NAMESPACE_ID, "dof_v1-xxxx",
								new UpdateAccessKeyRequest("renamed")),
						(ops) -> ops.updateAccessKey(NAMESPACE_ID, "dof_v1-xxxx",
								new UpdateAccessKeyRequest("renamed"))),
				new Operation("deleteAccessKey", () -> delete(KEY), json(200, "{}"), true,
						(ops) -> ops.deleteAccessKey(NAMESPACE_ID, "dof_v1-xxxx"), (ops) -> {
							ops.deleteAccessKey(NAMESPACE_ID, "dof_v1-xxxx");
							return null;
						}));
	}

	/** What a request carried that a user would notice. */
	record Sent(String method, String url, String body, String authorization, String contentType) {

		static List<Sent> of(List<LoggedRequest> requests) {
			return requests.stream()
				.map((request) -> new Sent(request.getMethod().getName(), request.getUrl(), request.getBodyAsString(),
						request.getHeader("Authorization"), request.getHeader("Content-Type")))
				.toList();
		}

	}

	@ParameterizedTest
	@MethodSource("operations")
	void sendsTheSameRequestAndReturnsTheSameResultAsTheReactiveCall(Operation operation) {
		api.server().stubFor(operation.request().get().willReturn(operation.answer()));
		FunctionsTemplate template = api.template();

		Object reactive = await(operation.reactive().apply(template));
		List<Sent> reactiveRequests = Sent.of(api.requests());
		api.server().resetRequests();
		Object blocking = operation.blocking().apply(new BlockingFunctionsTemplate(template));

		assertThat(blocking).isEqualTo(reactive);
		assertThat(Sent.of(api.requests())).hasSize(1).isEqualTo(reactiveRequests);
		if (operation.name().startsWith("list")) {
			assertThat(blocking).asInstanceOf(InstanceOfAssertFactories.LIST).isNotEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("operations")
	void throwsWhatTheReactiveCallSignalsAfterTheSameRetries(Operation operation) {
		// Everything fails: a create that may have acted is looked up before it is
		// reported.
		api.server()
			.stubFor(any(anyUrl())
				.willReturn(json(503, "{\"id\": \"service_unavailable\", \"message\": \"try later\"}")));
		String method = operation.request().get().build().getRequest().getMethod().getName();
		FunctionsTemplate template = api.templateBuilder()
			.resilience(FunctionsResilience.builder()
				.noPacing()
				.noCircuitBreaker()
				.retry(new RetrySettings(3, Duration.ofMillis(1), 1, Duration.ofMillis(1)))
				.build())
			.build();

		Throwable reactive = catchThrowable(() -> await(operation.reactive().apply(template)));
		List<Sent> reactiveRequests = Sent.of(api.requests());
		api.server().resetRequests();
		Throwable blocking = catchThrowable(() -> operation.blocking().apply(new BlockingFunctionsTemplate(template)));

		assertThat(blocking).isExactlyInstanceOf(reactive.getClass())
			.hasMessage(reactive.getMessage())
			.isInstanceOfSatisfying(FunctionsApiException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.errorId()).isEqualTo("service_unavailable");
			});
		assertThat(Sent.of(api.requests())).isEqualTo(reactiveRequests);
		assertThat(reactiveRequests).filteredOn((sent) -> sent.method().equals(method))
			.as("attempts")
			.hasSize(operation.idempotent() ? 3 : 1);
	}

	@ParameterizedTest
	@MethodSource("operations")
	void throwsWithTheCallersStack(Operation operation) {
		api.server().stubFor(any(anyUrl()).willReturn(json(404, "{\"id\": \"not_found\", \"message\": \"gone\"}")));
		BlockingFunctionsOperations blocking = new BlockingFunctionsTemplate(api.template());

		Throwable thrown = catchThrowable(() -> operation.blocking().apply(blocking));

		assertThat(thrown).isInstanceOf(FunctionsApiException.class).hasNoSuppressedExceptions();
		assertThat(thrown.getStackTrace()).as("frames")
			.anySatisfy((frame) -> assertThat(frame.getClassName()).isEqualTo(BlockingOperationsTests.class.getName()))
			.noneSatisfy((frame) -> assertThat(frame.getClassName()).startsWith("reactor.netty"))
			.noneSatisfy((frame) -> assertThat(frame.getClassName()).startsWith("io.netty"));
		assertThat(thrown.getStackTrace()[0].getClassName()).isEqualTo(Blocking.class.getName());
	}

	@Test
	void anInterruptedWaitCancelsTheCallAndKeepsTheInterrupt() throws Exception {
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json")).withFixedDelay(10_000)));
		BlockingFunctionsOperations blocking = new BlockingFunctionsTemplate(api.template());
		CompletableFuture<Throwable> thrown = new CompletableFuture<>();
		AtomicBoolean interrupted = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			thrown.complete(catchThrowable(() -> blocking.getNamespace(NAMESPACE_ID)));
			interrupted.set(Thread.currentThread().isInterrupted());
		});
		caller.start();
		while (api.requests().isEmpty()) {
			Thread.onSpinWait();
		}

		caller.interrupt();
		caller.join(Duration.ofSeconds(5).toMillis());

		assertThat(thrown).isCompletedWithValueMatching((ex) -> ex instanceof IllegalStateException && ex.getMessage()
			.equals("getNamespace was interrupted while waiting for its answer and was cancelled; "
					+ "it may have been sent"));
		assertThat(interrupted).isTrue();
	}

	@Test
	void aFailureThatIsNotTheClientsKeepsItsOwnFrames() {
		IllegalStateException fault = new IllegalStateException("a fault in a user's codec");
		StackTraceElement[] where = fault.getStackTrace();

		Throwable thrown = catchThrowable(() -> Blocking.await("getNamespace", Mono.error(fault)));

		assertThat(thrown).isSameAs(fault);
		assertThat(thrown.getStackTrace()).isEqualTo(where);
	}

	@Test
	void refusesToBlockAReactorNonBlockingThreadAndSendsNothing() {
		BlockingFunctionsOperations blocking = new BlockingFunctionsTemplate(api.template());

		Throwable thrown = catchThrowable(() -> Mono.fromCallable(() -> blocking.getNamespace(NAMESPACE_ID))
			.subscribeOn(Schedulers.parallel())
			.block(Duration.ofSeconds(10)));

		assertThat(thrown).isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("getNamespace blocks, and was called on thread 'parallel-")
			.hasMessageContaining("must not block")
			.hasMessageContaining("nothing was sent");
		assertThat(api.requests()).isEmpty();
	}

	@Test
	void callTimeoutBoundsABlockingCall() {
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json")).withFixedDelay(5_000)));
		BlockingFunctionsOperations blocking = new BlockingFunctionsTemplate(api.templateBuilder()
			.resilience(FunctionsResilience.builder()
				.noPacing()
				.noCircuitBreaker()
				.noRetry()
				.callTimeout(Duration.ofMillis(200))
				.build())
			.build());

		Throwable thrown = catchThrowable(() -> blocking.getNamespace(NAMESPACE_ID));

		assertThat(thrown).isInstanceOf(FunctionsTimeoutException.class)
			.hasMessageContaining("getNamespace did not complete within the call timeout of PT0.2S");
		assertThat(api.requests()).hasSize(1);
	}

	@Test
	void rateLimitIsTheReactiveClientsLatest() {
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json"), 4321)));
		FunctionsTemplate template = api.template();
		BlockingFunctionsOperations blocking = new BlockingFunctionsTemplate(template);

		blocking.getNamespace(NAMESPACE_ID);

		assertThat(blocking.rateLimit()).isEqualTo(template.rateLimit());
		assertThat(blocking.rateLimit().remaining()).isEqualTo(4321);
	}

	private static Object await(Publisher<?> call) {
		return (call instanceof Flux<?> flux) ? flux.collectList().block() : ((Mono<?>) call).block();
	}

}
