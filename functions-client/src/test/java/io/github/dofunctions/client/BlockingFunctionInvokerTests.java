package io.github.dofunctions.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.model.ActivationQuery;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.dofunctions.test.ApiHostStubs.ACTIONS;
import static io.github.dofunctions.test.ApiHostStubs.ACTIVATIONS;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_ID;
import static io.github.dofunctions.test.ApiHostStubs.answer;
import static io.github.dofunctions.test.ApiHostStubs.failed;
import static io.github.dofunctions.test.ApiHostStubs.managedKey;
import static io.github.dofunctions.test.ApiHostStubs.succeeded;
import static io.github.dofunctions.test.ApiHostStubs.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The blocking invoker against the same API-host stubs as the reactive one, case by case:
 * the same requests, results, errors and attempts. Every exchange is checked against
 * OpenWhisk's API description by the stub server.
 */
class BlockingFunctionInvokerTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String HELLO = ACTIONS + "hello";

	static final Duration WAIT = Duration.ofSeconds(10);

	record Greeting(String greeting) {
	}

	/** One call of the invoker, made both ways. */
	record Call(String name, Supplier<MappingBuilder> request, ResponseDefinitionBuilder answer,
			Function<FunctionInvoker, Publisher<?>> reactive, Function<BlockingFunctionInvoker, Object> blocking) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Call> calls() {
		Invocation hello = Invocation.of("hello", Map.of("name", "Ada"));
		String listing = Stream.of("r0", "r1", "r2")
			.map((id) -> summary(id, 1700000000000L, 0))
			.collect(Collectors.joining(",", "[", "]"));
		return Stream.of(
				new Call("invoke as map", () -> post(urlPathEqualTo(HELLO)),
						answer(200, succeeded("a1", "{\"greeting\": \"hi\"}")),
						(invoker) -> invoker.invoke("hello", Map.of("name", "Ada")),
						(invoker) -> invoker.invoke("hello", Map.of("name", "Ada"))),
				new Call("invoke as type", () -> post(urlPathEqualTo(HELLO)),
						answer(200, succeeded("a1", "{\"greeting\": \"hi\"}")),
						(invoker) -> invoker.invoke("hello", Map.of("name", "Ada"), Greeting.class),
						(invoker) -> invoker.invoke("hello", Map.of("name", "Ada"), Greeting.class)),
				new Call("invoke an invocation", () -> post(urlPathEqualTo(HELLO)),
						answer(200, succeeded("a1", "[1, 2]")), (invoker) -> invoker.invoke(hello, List.class),
						(invoker) -> invoker.invoke(hello, List.class)),
				new Call("invoke with a null result", () -> post(urlPathEqualTo(HELLO)),
						answer(200, succeeded("a1", "null")), (invoker) -> invoker.invoke(hello, Greeting.class),
						(invoker) -> invoker.invoke(hello, Greeting.class)),
				new Call("invokeForActivation", () -> post(urlPathEqualTo(HELLO)),
						answer(200, succeeded("a1", "{}", "2023-11-14T22:13:20Z stdout: one")),
						(invoker) -> invoker.invokeForActivation(hello),
						(invoker) -> invoker.invokeForActivation(hello)),
				new Call("start", () -> post(urlPathEqualTo(HELLO)), answer(202, "{\"activationId\": \"a7\"}"),
						(invoker) -> invoker.start(hello), (invoker) -> invoker.start(hello)),
				new Call("awaitActivation", () -> get(ACTIVATIONS + "/a7"),
						answer(200, succeeded("a7", "{\"greeting\": \"hi\"}")),
						(invoker) -> invoker.awaitActivation("a7", WAIT),
						(invoker) -> invoker.awaitActivation("a7", WAIT)),
				new Call("awaitResult", () -> get(ACTIVATIONS + "/a7"),
						answer(200, succeeded("a7", "{\"greeting\": \"hi\"}")),
						(invoker) -> invoker.awaitResult("a7", WAIT, Greeting.class),
						(invoker) -> invoker.awaitResult("a7", WAIT, Greeting.class)),
				new Call("listActivations", () -> get(urlPathMatching(ACTIVATIONS)), answer(200, listing),
						(invoker) -> invoker.listActivations(ActivationQuery.all().withPageSize(3)).take(3),
						(invoker) -> invoker.listActivations(ActivationQuery.all().withPageSize(3), 3)),
				new Call("getActivation", () -> get(ACTIVATIONS + "/a7"), answer(200, succeeded("a7", "{}")),
						(invoker) -> invoker.getActivation("a7"), (invoker) -> invoker.getActivation("a7")),
				new Call("getActivationLogs", () -> get(ACTIVATIONS + "/a7/logs"),
						answer(200, "{\"logs\": [\"2023-11-14T22:13:20Z stdout: one\"]}"),
						(invoker) -> invoker.getActivationLogs("a7"), (invoker) -> invoker.getActivationLogs("a7")),
				new Call("getActivationResult", () -> get(ACTIVATIONS + "/a7/result"),
						answer(200, "{\"result\": {\"greeting\": \"hi\"}, \"status\": \"success\", \"success\": true}"),
						(invoker) -> invoker.getActivationResult("a7", Greeting.class),
						(invoker) -> invoker.getActivationResult("a7", Greeting.class)));
	}

	record Sent(String method, String url, String body, String authorization) {

		static List<Sent> toApiHost() {
			return api.requests()
				.stream()
				.filter((request) -> request.getUrl().startsWith("/api/"))
				.map(Sent::of)
				.toList();
		}

		static Sent of(LoggedRequest request) {
			// A listing without upto asks up to the time it started.
			String url = request.getUrl().replaceFirst("upto=\\d+", "upto=(start)");
			return new Sent(request.getMethod().getName(), url, request.getBodyAsString(),
					request.getHeader("Authorization"));
		}

	}

	@BeforeEach
	void serveNamespace() {
		ApiHostStubs.serveNamespace(api);
	}

	static FunctionsTemplate template(FunctionsResilience resilience) {
		return api.templateBuilder()
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> resilience)
				.pollInterval(Duration.ofMillis(10), Duration.ofMillis(40))
				.build())
			.build();
	}

	@ParameterizedTest
	@MethodSource("calls")
	void sendsTheSameRequestsAndReturnsTheSameResultAsTheReactiveInvoker(Call call) {
		api.server().stubFor(call.request().get().willReturn(call.answer()));
		FunctionsTemplate template = template(FunctionsResilience.none());
		FunctionInvoker reactiveInvoker = template.invoker(NAMESPACE_ID);

		Object reactive = await(call.reactive().apply(reactiveInvoker));
		List<Sent> reactiveRequests = Sent.toApiHost();
		api.server().resetRequests();
		Object blocking = call.blocking().apply(BlockingFunctionInvoker.of(reactiveInvoker));

		assertThat(blocking).isEqualTo(reactive);
		assertThat(Sent.toApiHost()).isNotEmpty().isEqualTo(reactiveRequests);
		assertThat(reactiveRequests).allSatisfy((sent) -> assertThat(sent.authorization()).isEqualTo(managedKey()));
	}

	@Test
	void aFailedFunctionThrowsWhatTheReactiveInvokerSignals() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(502, failed("b1", "boom"))));
		FunctionInvoker reactive = template(FunctionsResilience.none()).invoker(NAMESPACE_ID);

		Throwable expected = catchThrowable(() -> reactive.invoke("hello", Map.of()).block());
		Throwable thrown = catchThrowable(() -> BlockingFunctionInvoker.of(reactive).invoke("hello", Map.of()));

		assertThat(thrown).isExactlyInstanceOf(FunctionInvocationException.class)
			.hasMessage(expected.getMessage())
			.hasNoSuppressedExceptions()
			.isInstanceOfSatisfying(FunctionInvocationException.class,
					(ex) -> assertThat(ex.activationId()).isEqualTo("b1"));
		assertThat(thrown.getStackTrace()).as("the caller's frames")
			.anySatisfy((frame) -> assertThat(frame.getMethodName())
				.isEqualTo("aFailedFunctionThrowsWhatTheReactiveInvokerSignals"))
			.noneSatisfy((frame) -> assertThat(frame.getClassName()).startsWith("reactor.netty"));
	}

	@Test
	void invocationsAreRetriedOnlyWhereTheReactiveInvokerRetries() {
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(503, "{\"error\": \"Service Unavailable\"}")));
		FunctionInvoker reactive = template(FunctionsResilience.invocationBuilder(NAMESPACE_ID)
			.noPacing()
			.noCircuitBreaker()
			.retry(new RetrySettings(3, Duration.ofMillis(1), 1, Duration.ofMillis(1)))
			.build()).invoker(NAMESPACE_ID);
		BlockingFunctionInvoker blocking = BlockingFunctionInvoker.of(reactive);
		Throwable expected = catchThrowable(() -> reactive.invoke("hello", Map.of()).block());
		api.server().resetRequests();

		Throwable notIdempotent = catchThrowable(() -> blocking.invoke("hello", Map.of()));
		int once = Sent.toApiHost().size();
		api.server().resetRequests();
		Throwable idempotent = catchThrowable(
				() -> blocking.invoke(Invocation.of("hello", Map.of()).asIdempotent(), Map.class));

		assertThat(notIdempotent).isExactlyInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
		assertThat(once).as("a 503 may have run the function: sent once").isEqualTo(1);
		assertThat(idempotent).isExactlyInstanceOf(notIdempotent.getClass());
		assertThat(Sent.toApiHost()).as("an idempotent invocation is retried").hasSize(3);
	}

	@Test
	void refusesToBlockAReactorNonBlockingThreadAndSendsNothing() {
		BlockingFunctionInvoker blocking = BlockingFunctionInvoker
			.of(template(FunctionsResilience.none()).invoker(NAMESPACE_ID));

		Throwable thrown = catchThrowable(() -> Mono.fromCallable(() -> blocking.invoke("hello", Map.of()))
			.subscribeOn(Schedulers.parallel())
			.block(WAIT));

		assertThat(thrown).isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("invoke blocks, and was called on thread 'parallel-");
		assertThat(api.requests()).isEmpty();
	}

	@Test
	void aListingAsksNoLargerPageThanItsLimit() {
		String listing = Stream.of("r0", "r1")
			.map((id) -> summary(id, 1700000000000L, 0))
			.collect(Collectors.joining(",", "[", "]"));
		api.server().stubFor(get(urlPathMatching(ACTIVATIONS)).willReturn(answer(200, listing)));
		BlockingFunctionInvoker blocking = BlockingFunctionInvoker
			.of(template(FunctionsResilience.none()).invoker(NAMESPACE_ID));

		List<Activation> listed = blocking.listActivations(ActivationQuery.all(), 2);

		assertThat(listed).extracting(Activation::activationId).containsExactly("r0", "r1");
		assertThat(Sent.toApiHost()).singleElement()
			.satisfies((sent) -> assertThat(sent.url()).contains("limit=2&skip=0"));
	}

	@Test
	void aListingNeedsAPositiveLimit() {
		BlockingFunctionInvoker blocking = BlockingFunctionInvoker
			.of(template(FunctionsResilience.none()).invoker(NAMESPACE_ID));

		assertThatIllegalArgumentException().isThrownBy(() -> blocking.listActivations(ActivationQuery.all(), 0))
			.withMessage("limit must be positive");
		assertThat(blocking.namespaceId()).isEqualTo(NAMESPACE_ID);
		assertThat(api.requests()).isEmpty();
	}

	private static Object await(Publisher<?> call) {
		return (call instanceof Flux<?> flux) ? flux.collectList().block() : ((Mono<?>) call).block();
	}

}
