package io.github.dofunctions.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.error.FunctionInvocationTimeoutException;
import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsUnauthorizedException;
import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.model.ActivationQuery;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.observation.FunctionsClientListener;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.dofunctions.test.ApiHostStubs.ACTIONS;
import static io.github.dofunctions.test.ApiHostStubs.ACTIVATIONS;
import static io.github.dofunctions.test.ApiHostStubs.KEYS;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_ID;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_KEY;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_UUID;
import static io.github.dofunctions.test.ApiHostStubs.answer;
import static io.github.dofunctions.test.ApiHostStubs.basic;
import static io.github.dofunctions.test.ApiHostStubs.failed;
import static io.github.dofunctions.test.ApiHostStubs.managedKey;
import static io.github.dofunctions.test.ApiHostStubs.succeeded;
import static io.github.dofunctions.test.ApiHostStubs.summary;
import static io.github.dofunctions.test.StubbedFunctionsApi.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Invocation of functions and reads of activations, over HTTP against a stub of the
 * namespace's API host: the requests that go out and what callers get back.
 */
class FunctionInvokerTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	private static final String HELLO = ACTIONS + "hello";

	@BeforeEach
	void serveNamespace() {
		ApiHostStubs.serveNamespace(api);
	}

	/** One attempt per call, quick polls. */
	static FunctionsTemplate template() {
		return api.templateBuilder()
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> FunctionsResilience.none())
				.pollInterval(Duration.ofMillis(10), Duration.ofMillis(40))
				.build())
			.build();
	}

	static FunctionInvoker invoker() {
		return template().invoker(NAMESPACE_ID);
	}

	record Greeting(String greeting) {
	}

	record Person(String name) {
	}

	@Test
	void blockingInvocationSendsParametersWithAManagedAccessKeyAndReadsTheResult() {
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(answer(200, succeeded("a1", "{\"greeting\": \"Hello, Ada!\"}"))));

		Greeting greeting = invoker().invoke("hello", new Person("Ada"), Greeting.class).block();

		assertThat(greeting).isEqualTo(new Greeting("Hello, Ada!"));
		LoggedRequest created = api.server().findAll(postRequestedFor(urlPathEqualTo(KEYS))).get(0);
		assertThat(created.getHeader("Authorization")).isEqualTo("Bearer " + StubbedFunctionsApi.TOKEN);
		assertThat(created.getBodyAsString())
			.matches("\\{\"name\":\"do-functions-[0-9a-f]{8}-1\",\"expires_in\":\"1d\"\\}");
		LoggedRequest request = api.server().findAll(postRequestedFor(urlPathEqualTo(HELLO))).get(0);
		assertThat(request.queryParameter("blocking").firstValue()).isEqualTo("true");
		assertThat(request.queryParameter("result").firstValue()).isEqualTo("false");
		assertThat(request.getHeader("Authorization")).isEqualTo(managedKey())
			.isNotEqualTo(basic(NAMESPACE_UUID, NAMESPACE_KEY));
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertJsonEquals(request.getBodyAsString(), "{\"name\": \"Ada\"}");
	}

	@Test
	void resultAsMapAndFunctionInPackageWithEncodedNames() {
		String path = ACTIONS + "my%20tools/say%20hello";
		api.server().stubFor(post(urlPathEqualTo(path)).willReturn(answer(200, succeeded("a1", "{\"n\": 3}"))));

		Map<String, Object> result = invoker().invoke("my tools/say hello", Map.of()).block();

		assertThat(result).containsExactly(Map.entry("n", 3));
		assertThat(api.server().findAll(postRequestedFor(urlPathEqualTo(path)))).hasSize(1);
	}

	@Test
	void aMissingFunctionIsNamedWithItsNamespace() {
		api.server()
			.stubFor(post(urlPathEqualTo(ACTIONS + "reports/nightly"))
				.willReturn(answer(404, "{\"error\": \"The requested resource does not exist.\", \"code\": \"c1\"}")));

		Throwable thrown = catchThrowable(() -> invoker().invoke("reports/nightly", Map.of()).block());
		Throwable started = catchThrowable(() -> invoker().start(Invocation.of("reports/nightly", Map.of())).block());

		assertThat(thrown).isInstanceOfSatisfying(FunctionsNotFoundException.class, (ex) -> {
			assertThat(ex).hasMessage("invoke failed: 404: function 'reports/nightly' does not exist in namespace "
					+ NAMESPACE_ID + " (The requested resource does not exist.) (request_id c1)");
			assertThat(ex.status()).isEqualTo(404);
			assertThat(ex.requestId()).isEqualTo("c1");
		});
		assertThat(started).hasMessage(thrown.getMessage());
		assertThat(api.server().findAll(postRequestedFor(urlPathEqualTo(ACTIONS + "reports/nightly")))).hasSize(2);
	}

	@Test
	void namespaceIsReadOnceForItsApiHostAndOneKeyIsMade() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(200, succeeded("a1", "{}"))));
		FunctionsTemplate template = template();

		template.invoker(NAMESPACE_ID).invoke("hello", Map.of()).block();
		template.invoker(NAMESPACE_ID).invoke("hello", Map.of()).block();

		assertThat(template.invoker(NAMESPACE_ID)).isSameAs(template.invoker(NAMESPACE_ID));
		api.server().verify(1, getRequestedFor(urlPathEqualTo("/v2/functions/namespaces/" + NAMESPACE_ID)));
		api.server().verify(1, postRequestedFor(urlPathEqualTo(KEYS)));
		api.server()
			.verify(2, postRequestedFor(urlPathEqualTo(HELLO)).withHeader("Authorization", equalTo(managedKey())));
	}

	@Test
	void configuredAccessKeyAuthenticatesAndNoKeyIsMade() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(200, succeeded("a1", "{}"))));
		FunctionInvoker invoker = template().invoker(NAMESPACE_ID,
				InvocationCredentials.accessKey("dof_v1_a1b2c3", "key-secret"));

		invoker.invoke("hello", Map.of()).block();

		api.server()
			.verify(postRequestedFor(urlPathEqualTo(HELLO)).withHeader("Authorization",
					equalTo(basic("dof_v1_a1b2c3", "key-secret"))));
		api.server().verify(0, postRequestedFor(urlPathEqualTo(KEYS)));
	}

	@Test
	void accessKeyTheSettingsGiveForANamespaceServesItsInvoker() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(200, succeeded("a1", "{}"))));
		FunctionsTemplate template = api.templateBuilder()
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> FunctionsResilience.none())
				.accessKey(NAMESPACE_ID, InvocationCredentials.accessKey("dof_v1_a1b2c3", "key-secret"))
				.build())
			.build();

		template.invoker(NAMESPACE_ID).invoke("hello", Map.of()).block();

		api.server()
			.verify(postRequestedFor(urlPathEqualTo(HELLO)).withHeader("Authorization",
					equalTo(basic("dof_v1_a1b2c3", "key-secret"))));
		api.server().verify(0, postRequestedFor(urlPathEqualTo(KEYS)));
		assertThat(template.invoker(NAMESPACE_ID))
			.isSameAs(template.invoker(NAMESPACE_ID, InvocationCredentials.accessKey("dof_v1_a1b2c3", "key-secret")));
	}

	@Test
	void refusedConfiguredAccessKeyIsUnauthorizedWithoutARepeat() {
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(answer(401, "{\"error\": \"The supplied authentication is invalid.\", \"code\": \"c9\"}")));
		FunctionInvoker invoker = template().invoker(NAMESPACE_ID,
				InvocationCredentials.accessKey("dof_v1_revoked", "key-secret"));

		Throwable failure = catchThrowable(() -> invoker.invoke("hello", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionsUnauthorizedException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(401);
			assertThat(ex.errorMessage()).isEqualTo("The supplied authentication is invalid.");
			assertThat(ex.requestId()).isEqualTo("c9");
		});
		api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
		api.server().verify(0, postRequestedFor(urlPathEqualTo(KEYS)));
	}

	@Test
	void refusedManagedKeyIsReplacedOnceAndTheCallMadeAgain() {
		api.stubSequence(() -> post(urlPathEqualTo(HELLO)),
				answer(401, "{\"error\": \"The supplied authentication is invalid.\", \"code\": \"c9\"}"),
				answer(200, succeeded("a1", "{\"greeting\": \"again\"}")));

		Greeting greeting = invoker().invoke("hello", Map.of(), Greeting.class).block();

		assertThat(greeting).isEqualTo(new Greeting("again"));
		api.server().verify(2, postRequestedFor(urlPathEqualTo(KEYS)));
		api.server().verify(2, postRequestedFor(urlPathEqualTo(HELLO)));
	}

	@Test
	void startThenAwaitPollsUntilTheActivationHasEnded() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(202, "{\"activationId\": \"a7\"}")));
		api.stubSequence(() -> get(ACTIVATIONS + "/a7"),
				answer(404, "{\"error\": \"The requested resource does not exist.\", \"code\": \"c1\"}"),
				answer(200, succeeded("a7", "{\"greeting\": \"later\"}")));
		FunctionInvoker invoker = invoker();

		String activationId = invoker.start(Invocation.of("hello", Map.of("name", "Ada"))).block();
		Greeting greeting = invoker.awaitResult(activationId, Duration.ofSeconds(10), Greeting.class).block();

		assertThat(activationId).isEqualTo("a7");
		assertThat(greeting).isEqualTo(new Greeting("later"));
		LoggedRequest invocation = api.server().findAll(postRequestedFor(urlPathEqualTo(HELLO))).get(0);
		assertThat(invocation.queryParameter("blocking").firstValue()).isEqualTo("false");
		api.server().verify(2, getRequestedFor(urlPathEqualTo(ACTIVATIONS + "/a7")));
	}

	@Test
	void demotedBlockingCallIsFollowedToItsResult() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(202, "{\"activationId\": \"a8\"}")));
		api.stubSequence(() -> get(ACTIVATIONS + "/a8"), answer(404, "{\"error\": \"not yet\"}"),
				answer(200, succeeded("a8", "{\"greeting\": \"slow\"}", "2023-11-14T22:13:20Z stdout: working")));

		Activation activation = invoker().invokeForActivation(Invocation.of("hello")).block();

		assertThat(activation.activationId()).isEqualTo("a8");
		assertThat(activation.result()).asInstanceOf(MAP).containsEntry("greeting", "slow");
		assertThat(activation.logs()).containsExactly("2023-11-14T22:13:20Z stdout: working");
		assertThat(activation.status()).isEqualTo(Activation.SUCCESS);
		assertThat(activation.start()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
		assertThat(activation.duration()).isEqualTo(Duration.ofMillis(42));
		api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
	}

	@Test
	void demotedCallKeepsItsPlaceInTheConcurrencyLimitUntilItsActivationEnds() {
		FunctionsResilience resilience = FunctionsResilience.invocationBuilder(NAMESPACE_ID)
			.noPacing()
			.concurrencyLimit(1)
			.build();
		FunctionInvoker invoker = api.templateBuilder()
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> resilience)
				.pollInterval(Duration.ofMillis(10), Duration.ofMillis(40))
				.build())
			.build()
			.invoker(NAMESPACE_ID);
		api.server()
			.stubFor(post(urlPathEqualTo(ACTIONS + "slow")).willReturn(answer(202, "{\"activationId\": \"a8\"}")));
		api.stubSequence(() -> get(ACTIVATIONS + "/a8"), answer(404, "{\"error\": \"not yet\"}"),
				answer(200, succeeded("a8", "{\"n\": 1}")));
		api.server()
			.stubFor(post(urlPathEqualTo(ACTIONS + "fast")).willReturn(answer(200, succeeded("f1", "{\"n\": 2}"))));
		// The namespace and the access key are known before the two calls race.
		invoker.invoke("fast", Map.of()).block();

		StepVerifier.create(Mono.zip(invoker.invoke("slow", Map.of()), invoker.invoke("fast", Map.of())))
			.assertNext((results) -> assertThat(results.getT1()).containsEntry("n", 1))
			.verifyComplete();

		List<ServeEvent> newestFirst = new ArrayList<>(api.server().getAllServeEvents());
		Collections.reverse(newestFirst);
		List<String> journal = newestFirst.stream()
			.map((event) -> event.getRequest().getMethod() + " " + event.getRequest().getUrl().replaceAll("\\?.*", ""))
			.filter((request) -> request.contains("/actions/") || request.contains("/activations/"))
			.toList();
		assertThat(journal).containsSubsequence("POST " + ACTIONS + "fast", "POST " + ACTIONS + "slow")
			.endsWith("POST " + ACTIONS + "slow", "GET " + ACTIVATIONS + "/a8", "GET " + ACTIVATIONS + "/a8",
					"POST " + ACTIONS + "fast");
	}

	@Test
	void pollsAndActivationReadsNeverWaitForTheInvocationBudget() {
		List<ApiOperation> paced = new CopyOnWriteArrayList<>();
		FunctionInvoker invoker = api.templateBuilder().listener(new FunctionsClientListener() {

			@Override
			public void onPacingWait(ApiOperation operation, Duration wait) {
				paced.add(operation);
			}

		})
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> FunctionsResilience.invocationBuilder(namespaceId).pacing(1).build())
				.pollInterval(Duration.ofMillis(10), Duration.ofMillis(40))
				.build())
			.build()
			.invoker(NAMESPACE_ID);
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(202, "{\"activationId\": \"a8\"}")));
		api.stubSequence(() -> get(ACTIVATIONS + "/a8"), answer(404, "{\"error\": \"not yet\"}"),
				answer(200, succeeded("a8", "{\"n\": 1}")));
		api.server().stubFor(get(ACTIVATIONS + "/a8/logs").willReturn(answer(200, "{\"logs\": []}")));

		// One invocation a minute: the invocation takes the only place, its polls need
		// none.
		assertThat(invoker.invoke("hello", Map.of()).block()).containsEntry("n", 1);
		assertThat(invoker.getActivationLogs("a8").block()).isEmpty();

		assertThat(paced).isEmpty();
		api.server().verify(2, getRequestedFor(urlPathEqualTo(ACTIVATIONS + "/a8")));
	}

	@Test
	void theLastPollIsMadeJustBeforeTheDeadlineNotAfterIt() {
		// Polls 1 s apart, then 2 s: the regular third poll would be at 3 s, past the
		// 2.8 s deadline, and the function ends at 2 s.
		FunctionInvoker invoker = api.templateBuilder()
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> FunctionsResilience.none())
				.pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(10))
				.build())
			.build()
			.invoker(NAMESPACE_ID);
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(202, "{\"activationId\": \"a10\"}")));
		String scenario = "ends between the second and the third regular poll";
		api.server()
			.stubFor(get(ACTIVATIONS + "/a10").inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(answer(404, "{\"error\": \"not yet\"}"))
				.willSetStateTo("polled once"));
		api.server()
			.stubFor(get(ACTIVATIONS + "/a10").inScenario(scenario)
				.whenScenarioStateIs("polled once")
				.willReturn(answer(404, "{\"error\": \"not yet\"}"))
				.willSetStateTo("ended"));
		api.server()
			.stubFor(get(ACTIVATIONS + "/a10").inScenario(scenario)
				.whenScenarioStateIs("ended")
				.willReturn(answer(200, succeeded("a10", "{\"done\": true}"))));

		Map<String, Object> result = invoker
			.invoke(Invocation.of("hello").withDeadline(Duration.ofMillis(2800)), Map.class)
			.block();

		assertThat(result).containsEntry("done", true);
		assertThat(api.server().findAll(getRequestedFor(urlPathEqualTo(ACTIVATIONS + "/a10")))).hasSize(3);
	}

	@Test
	void deadlinePassedWhileDemotedNamesTheActivation() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(202, "{\"activationId\": \"a9\"}")));
		api.server().stubFor(get(ACTIVATIONS + "/a9").willReturn(answer(404, "{\"error\": \"not yet\"}")));

		Throwable failure = catchThrowable(
				() -> invoker().invoke(Invocation.of("hello").withDeadline(Duration.ofSeconds(3)), Map.class).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionInvocationTimeoutException.class, (timeout) -> {
			assertThat(timeout.activationId()).isEqualTo("a9");
			assertThat(timeout.deadline()).isEqualTo(Duration.ofSeconds(3));
			assertThat(timeout.operation()).isEqualTo("invoke");
			assertThat(timeout).hasMessageContaining("a9").hasMessageContaining("hello");
		});
		assertThat(api.server().findAll(getRequestedFor(urlPathEqualTo(ACTIVATIONS + "/a9")))).isNotEmpty();
	}

	@Test
	void functionFailureCarriesItsActivationAndIsNotRetried() {
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(answer(502, failed("b1", "name is required", "2023-11-14T22:13:20Z stderr: oops"))));
		FunctionsResilience resilience = FunctionsResilience.invocationBuilder(NAMESPACE_ID).noPacing().build();
		FunctionsTemplate template = api.templateBuilder()
			.invocation(InvocationSettings.builder().resilience((namespaceId) -> resilience).build())
			.build();
		FunctionInvoker invoker = template.invoker(NAMESPACE_ID);

		Throwable failure = catchThrowable(
				() -> invoker.invoke(Invocation.of("hello").asIdempotent(), Map.class).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionInvocationException.class, (ex) -> {
			assertThat(ex.activationId()).isEqualTo("b1");
			assertThat(ex.status()).isEqualTo(Activation.APPLICATION_ERROR);
			assertThat(ex.result()).asInstanceOf(MAP).containsEntry("error", "name is required");
			assertThat(ex.logs()).containsExactly("2023-11-14T22:13:20Z stderr: oops");
			assertThat(ex.function()).isEqualTo("hello");
			assertThat(ex).hasMessage("Function 'hello' failed in activation b1 (application error): name is required");
		});
		api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
		assertThat(resilience.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void whiskInternalErrorAnsweredWith500KeepsItsActivationAndIsNotRetried() {
		// OpenWhisk answers 500 with the activation record for any outcome other than
		// success and application or developer errors (Actions.scala, doInvoke).
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(500,
					ApiHostStubs.activation("c1", Activation.INTERNAL_ERROR, false,
							"{\"error\": \"The action did not initialize or run as expected.\"}",
							"2023-11-14T22:13:20Z stderr: init failed"))));
		FunctionsResilience resilience = FunctionsResilience.invocationBuilder(NAMESPACE_ID).noPacing().build();
		FunctionsTemplate template = api.templateBuilder()
			.invocation(InvocationSettings.builder().resilience((namespaceId) -> resilience).build())
			.build();

		Throwable failure = catchThrowable(
				() -> template.invoker(NAMESPACE_ID).invoke(Invocation.of("hello").asIdempotent(), Map.class).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionInvocationException.class, (ex) -> {
			assertThat(ex.activationId()).isEqualTo("c1");
			assertThat(ex.status()).isEqualTo(Activation.INTERNAL_ERROR);
			assertThat(ex.result()).asInstanceOf(MAP)
				.containsEntry("error", "The action did not initialize or run as expected.");
			assertThat(ex.logs()).containsExactly("2023-11-14T22:13:20Z stderr: init failed");
		});
		api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
	}

	@Test
	void serverErrorWithOtherJsonIsDescribedAsJson() {
		api.allowOffContractAnswers();
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(503, "{\"status\": \"maintenance\"}")));

		Throwable failure = catchThrowable(() -> invoker().invoke("hello", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionsServerException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(503);
			assertThat(ex.errorMessage())
				.isEqualTo("Service Unavailable (JSON body without an error message: {\"status\": \"maintenance\"})");
		});
	}

	@Test
	void resultsNestedAThousandLevelsDeepAreRead() {
		// Jackson 2's limit; Jackson 3's default stops at 500.
		String deep = "[".repeat(1000) + "]".repeat(1000);
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(200, succeeded("d1", deep))));

		Object level = invoker().invoke("hello", Map.of(), Object.class).block();

		int depth = 0;
		while (level instanceof List<?> list) {
			depth++;
			level = list.isEmpty() ? null : list.get(0);
		}
		assertThat(depth).isEqualTo(1000);
	}

	@Test
	void integersOfAnyLengthAreReadExactly() {
		// A Python function may return 10**1200; Jackson 3's default stops at 1,000
		// digits.
		String big = "1" + "0".repeat(1200);
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(answer(200, succeeded("d1", "{\"big\": " + big + ", \"negative\": -" + big + "}"))));

		Map<String, Object> result = invoker().invoke("hello", Map.of()).block();

		assertThat(result).containsEntry("big", java.math.BigInteger.TEN.pow(1200))
			.containsEntry("negative", java.math.BigInteger.TEN.pow(1200).negate());
	}

	@Test
	void badGatewayWithoutActivationIsAServerError() {
		api.allowOffContractAnswers();
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(answer(502, "<html>bad gateway</html>").withHeader("Content-Type", "text/html")));

		Throwable failure = catchThrowable(() -> invoker().invoke("hello", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionsServerException.class,
				(ex) -> assertThat(ex.status()).isEqualTo(502));
	}

	@Test
	void awaitingAFailedActivationFailsWithIt() {
		api.server().stubFor(get(ACTIVATIONS + "/b2").willReturn(answer(200, failed("b2", "boom"))));

		StepVerifier.create(invoker().awaitActivation("b2", Duration.ofSeconds(5)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FunctionInvocationException.class,
					(failure) -> assertThat(failure.result()).asInstanceOf(MAP).containsEntry("error", "boom")))
			.verify();
	}

	@Test
	void listingPagesWithOneUptoAndDropsWhatAShiftRepeats() {
		List<String> ids = IntStream.range(0, 450).mapToObj((i) -> "r" + i).toList();
		// The second page is shifted by one, as if an activation had been inserted.
		stubPage(0, ids.subList(0, 200));
		stubPage(200, ids.subList(199, 399));
		stubPage(400, ids.subList(399, 450));

		List<String> listed = invoker().listActivations(ActivationQuery.all())
			.map(Activation::activationId)
			.collectList()
			.block();

		assertThat(listed).containsExactlyElementsOf(ids);
		List<LoggedRequest> pages = api.server().findAll(getRequestedFor(urlPathEqualTo(ACTIVATIONS)));
		assertThat(pages).hasSize(3);
		assertThat(pages).extracting((page) -> page.queryParameter("skip").firstValue())
			.containsExactly("0", "200", "400");
		assertThat(pages).extracting((page) -> page.queryParameter("limit").firstValue()).containsOnly("200");
		assertThat(pages.stream().map((page) -> page.queryParameter("upto").firstValue()).distinct()).hasSize(1);
	}

	@Test
	void listingSendsItsFiltersAndStopsWhenTheConsumerDoes() {
		stubPage(0, List.of("r0", "r1", "r2"));
		ActivationQuery query = ActivationQuery.ofFunction("say hello")
			.withSince(Instant.ofEpochMilli(1700000000000L))
			.withUpto(Instant.ofEpochMilli(1700000600000L))
			.withPageSize(3);

		List<String> firstTwo = invoker().listActivations(query)
			.take(2)
			.map(Activation::activationId)
			.collectList()
			.block();

		assertThat(firstTwo).containsExactly("r0", "r1");
		LoggedRequest page = api.server().findAll(getRequestedFor(urlPathEqualTo(ACTIVATIONS))).get(0);
		assertThat(page.getUrl()).contains("name=say%20hello");
		assertThat(page.queryParameter("since").firstValue()).isEqualTo("1700000000000");
		assertThat(page.queryParameter("upto").firstValue()).isEqualTo("1700000600000");
		assertThat(page.queryParameter("limit").firstValue()).isEqualTo("3");
		api.server().verify(1, getRequestedFor(urlPathEqualTo(ACTIVATIONS)));
	}

	@Test
	void activationLogsAndResult() {
		api.server()
			.stubFor(get(ACTIVATIONS + "/c1/logs")
				.willReturn(answer(200, "{\"logs\": [\"2023-11-14T22:13:20Z stdout: one\"]}")));
		api.server()
			.stubFor(get(ACTIVATIONS + "/c1/result").willReturn(
					answer(200, "{\"result\": {\"greeting\": \"hi\"}, \"status\": \"success\", \"success\": true}")));
		FunctionInvoker invoker = invoker();

		assertThat(invoker.getActivationLogs("c1").block()).containsExactly("2023-11-14T22:13:20Z stdout: one");
		assertThat(invoker.getActivationResult("c1", Greeting.class).block()).isEqualTo(new Greeting("hi"));
	}

	@Test
	void resultOfAnotherShapeIsAnInvalidResponse() {
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(answer(200, succeeded("a1", "{\"greeting\": {\"nested\": true}}"))));

		Throwable failure = catchThrowable(() -> invoker().invoke("hello", Map.of(), Greeting.class).block());

		assertThat(failure).isInstanceOf(FunctionsInvalidResponseException.class)
			.hasMessageContaining(Greeting.class.getName());
	}

	@Test
	void answerThatIsNoActivationIsAnInvalidResponse() {
		api.allowOffContractAnswers();
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(200, "{\"greeting\": \"hi\"}")));

		Throwable failure = catchThrowable(() -> invoker().invoke("hello", Map.of()).block());

		assertThat(failure).isInstanceOf(FunctionsInvalidResponseException.class).hasMessageContaining("activation");
	}

	@Test
	void listedSummariesTakeTheirOutcomeFromTheirStatusCode() {
		String page = IntStream.range(0, 4)
			.mapToObj((code) -> summary("s" + code, 1700000000000L - code, code))
			.collect(Collectors.joining(",", "[", "]"));
		api.server().stubFor(get(urlPathMatching(ACTIVATIONS)).willReturn(answer(200, page)));

		List<Activation> listed = invoker().listActivations(ActivationQuery.all()).collectList().block();

		assertThat(listed).extracting(Activation::activationId, Activation::success, Activation::status)
			.containsExactly(tuple("s0", true, Activation.SUCCESS), tuple("s1", false, Activation.APPLICATION_ERROR),
					tuple("s2", false, Activation.DEVELOPER_ERROR), tuple("s3", false, Activation.INTERNAL_ERROR));
		assertThat(listed).allSatisfy((activation) -> {
			assertThat(activation.result()).isNull();
			assertThat(activation.logs()).isEmpty();
			assertThat(activation.duration()).isEqualTo(Duration.ofMillis(42));
		});
		assertThat(listed.stream().filter((activation) -> !activation.success())).hasSize(3);
	}

	@Test
	void resultsOfEveryJsonTypeAreReadAsTheTypeAsked() {
		stubResult("list", "[{\"name\": \"a\"}, {\"name\": \"b\"}]");
		stubResult("text", "\"done\"");
		stubResult("count", "42");
		stubResult("flag", "true");
		stubResult("nothing", "null");
		FunctionInvoker invoker = invoker();

		assertThat(invoker.invoke("list", Map.of(), List.class).block()).containsExactly(Map.of("name", "a"),
				Map.of("name", "b"));
		assertThat(invoker.invoke("list", Map.of(), Person[].class).block()).containsExactly(new Person("a"),
				new Person("b"));
		assertThat(invoker.invoke("text", Map.of(), String.class).block()).isEqualTo("done");
		assertThat(invoker.invoke("count", Map.of(), Integer.class).block()).isEqualTo(42);
		assertThat(invoker.invoke("count", Map.of(), Object.class).block()).isEqualTo(42);
		assertThat(invoker.invoke("flag", Map.of(), Boolean.class).block()).isTrue();
		StepVerifier.create(invoker.invoke("nothing", Map.of(), String.class)).verifyComplete();
		assertThat(invoker.invokeForActivation(Invocation.of("list")).block().result())
			.isEqualTo(List.of(Map.of("name", "a"), Map.of("name", "b")));
	}

	@Test
	void resultThatCannotBeReadAsTheTypeAskedSaysWhatItIs() {
		stubResult("list", "[1, 2, 3]");

		Throwable failure = catchThrowable(() -> invoker().invoke("list", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionsInvalidResponseException.class, (ex) -> {
			assertThat(ex.operation()).isEqualTo("invoke");
			assertThat(ex.errorMessage())
				.startsWith("the function's result, a JSON array, cannot be read as java.util.Map");
		});
	}

	@Test
	void largestActivationThePlatformAllowsComesBackWhole() {
		String value = "r".repeat(900 * 1024);
		String[] logs = IntStream.range(0, 2000)
			.mapToObj((line) -> "2026-11-30T10:00:00.000Z stdout: " + "l".repeat(70))
			.toArray(String[]::new);
		assertThat(Arrays.stream(logs).mapToInt(String::length).sum()).isGreaterThan(200 * 1024);
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(answer(200, succeeded("big", "{\"value\": \"" + value + "\"}", logs))));

		Activation activation = invoker().invokeForActivation(Invocation.of("hello")).block();

		assertThat(activation.result()).isEqualTo(Map.of("value", value));
		assertThat(activation.logs()).containsExactly(logs);
	}

	@Test
	void answerOverTheApiHostLimitIsRefused() {
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(answer(200, succeeded("big", "{\"value\": \"" + "r".repeat(2048) + "\"}"))));
		FunctionsTemplate template = api.templateBuilder()
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> FunctionsResilience.none())
				.maxResponseSize(DataSize.ofKilobytes(2))
				.build())
			.build();

		Throwable failure = catchThrowable(() -> template.invoker(NAMESPACE_ID).invoke("hello", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionsInvalidResponseException.class,
				(ex) -> assertThat(ex.errorMessage()).contains("larger than the 2048-byte limit"));
	}

	private static void stubResult(String function, String resultJson) {
		api.server()
			.stubFor(post(urlPathEqualTo(ACTIONS + function))
				.willReturn(answer(200, succeeded("a-" + function, resultJson))));
	}

	@Test
	void invalidInputIsRefusedBeforeAnythingIsSent() {
		FunctionInvoker invoker = invoker();
		String tooLarge = "x".repeat(WebClientFunctionInvoker.MAX_PARAMETERS_BYTES);

		assertThatIllegalArgumentException().isThrownBy(() -> invoker.invoke(" ", Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> invoker.invoke("a/b/c", Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> invoker.invoke("pkg/..", Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> invoker.invoke("hello", List.of(1, 2)))
			.withMessageContaining("JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> invoker.invoke("hello", Map.of("blob", tooLarge)))
			.withMessageContaining("limit");
		assertThatIllegalArgumentException().isThrownBy(() -> invoker.getActivation(""));
		assertThatIllegalArgumentException().isThrownBy(() -> invoker.awaitActivation("a1", Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> ActivationQuery.all().withPageSize(201));
		assertThatIllegalArgumentException().isThrownBy(() -> template().invoker(" "));
		assertThat(api.requests()).isEmpty();
	}

	private static void stubPage(int skip, List<String> ids) {
		String records = ids.stream()
			.map((id) -> summary(id, 1700000000000L, 0))
			.collect(Collectors.joining(",", "[", "]"));
		api.server()
			.stubFor(get(urlPathMatching(ACTIVATIONS)).withQueryParam("skip", equalTo(String.valueOf(skip)))
				.willReturn(answer(200, records)));
	}

}
