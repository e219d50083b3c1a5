package io.github.dofunctions.autoconfigure;

import java.net.http.HttpClient;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.dofunctions.client.FunctionInvoker;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.error.FunctionInvocationTimeoutException;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.dofunctions.test.ApiHostStubs.ACTIONS;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_ID;
import static io.github.dofunctions.test.ApiHostStubs.succeeded;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the client does over each HTTP connector Spring Boot can pick for it, Reactor
 * Netty and the JDK {@code HttpClient}, whatever the application's own defaults: no
 * redirect followed, so no credential sent to another host, and a response timeout that
 * covers the whole answer, body included.
 */
class HttpConnectorTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	/** Another host, where a redirect points. */
	static final WireMockServer elsewhere = new WireMockServer(options().dynamicPort());

	static final String NAMESPACE = "/v2/functions/namespaces/" + NAMESPACE_ID;

	static final String HELLO = ACTIONS + "hello";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(BlockingAutoConfigurationTests.CLIENT)
		.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl(),
				"do.functions.invocation.namespace-id=" + NAMESPACE_ID,
				// The application's own default, which must not reach the client.
				"spring.http.clients.redirects=follow");

	@BeforeAll
	static void startElsewhere() {
		elsewhere.start();
		elsewhere.stubFor(get(anyUrl()).willReturn(json(200, payload("namespace.json"))));
		elsewhere.stubFor(post(anyUrl()).willReturn(ApiHostStubs.answer(200, succeeded("a1", "{}"))));
	}

	@AfterAll
	static void stopElsewhere() {
		elsewhere.stop();
	}

	@BeforeEach
	void serveNamespace() {
		elsewhere.resetRequests();
		ApiHostStubs.serveNamespace(api);
		api.allowOffContractAnswers();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "reactor", "jdk" })
	void aRedirectOfTheApiIsAnErrorAndTheTokenGoesNowhereElse(String connector) {
		api.server()
			.stubFor(get(NAMESPACE).atPriority(1)
				.willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere.baseUrl() + NAMESPACE)));
		this.contextRunner.withPropertyValues("spring.http.clients.reactive.connector=" + connector).run((context) -> {
			assertConnector(context.getBean(ClientHttpConnectorBuilder.class), connector);

			Throwable thrown = catchThrowable(
					() -> context.getBean(FunctionsOperations.class).getNamespace(NAMESPACE_ID).block());

			assertThat(thrown).isInstanceOfSatisfying(FunctionsApiException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(307);
				assertThat(ex.getMessage()).contains("redirect to localhost:" + elsewhere.port(), "not followed");
			});
			assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).as("requests elsewhere").isEmpty();
			api.server().verify(1, getRequestedFor(urlPathEqualTo(NAMESPACE)));
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "reactor", "jdk" })
	void aRedirectOfAnInvocationIsAnErrorAndTheAccessKeyGoesNowhereElse(String connector) {
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere.baseUrl() + HELLO)));
		this.contextRunner.withPropertyValues("spring.http.clients.reactive.connector=" + connector).run((context) -> {
			Throwable thrown = catchThrowable(
					() -> context.getBean(FunctionInvoker.class).invoke("hello", Map.of()).block());

			assertThat(thrown).isInstanceOfSatisfying(FunctionsApiException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(307));
			assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).as("requests elsewhere").isEmpty();
			api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
		});
	}

	@Test
	void aConnectorSetByACustomizerIsReplacedSoItsRedirectPolicyCannotLeakTheToken() {
		api.server()
			.stubFor(get(NAMESPACE).atPriority(1)
				.willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere.baseUrl() + NAMESPACE)));
		FunctionsWebClientCustomizer following = (builder) -> builder.clientConnector(new JdkClientHttpConnector(
				HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build()));
		this.contextRunner.withBean(FunctionsWebClientCustomizer.class, () -> following).run((context) -> {
			Throwable thrown = catchThrowable(
					() -> context.getBean(FunctionsOperations.class).getNamespace(NAMESPACE_ID).block());

			assertThat(thrown).isInstanceOfSatisfying(FunctionsApiException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(307));
			assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).as("requests elsewhere").isEmpty();
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "reactor", "jdk" })
	void anAnswerWhoseBodyStallsIsCutByTheResponseTimeoutAndRetried(String connector) {
		// Headers at once, then the body a chunk every half second for five seconds.
		api.server()
			.stubFor(get(NAMESPACE).atPriority(1)
				.willReturn(json(200, payload("namespace.json")).withChunkedDribbleDelay(10, 5000)));
		this.contextRunner
			.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
					"do.functions.response-timeout=1s", "do.functions.retry.max-attempts=2",
					"do.functions.retry.initial-backoff=10ms")
			.run((context) -> {
				Throwable thrown = catchThrowable(
						() -> context.getBean(FunctionsOperations.class).getNamespace(NAMESPACE_ID).block());

				assertThat(thrown).isExactlyInstanceOf(FunctionsTimeoutException.class)
					.hasMessageContaining("no complete answer within the response timeout")
					.hasMessageContaining("1000 ms");
				api.server().verify(2, getRequestedFor(urlPathEqualTo(NAMESPACE)));
			});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "reactor", "jdk" })
	void anInvocationWhoseAnswerStallsEndsAtTheResponseTimeoutNotTheDeadline(String connector) {
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(ApiHostStubs.answer(200, succeeded("a1", "{}")).withChunkedDribbleDelay(10, 5000)));
		this.contextRunner
			.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
					"do.functions.invocation.response-timeout=1s", "do.functions.invocation.deadline=6s")
			.run((context) -> {
				Throwable thrown = catchThrowable(() -> context.getBean(FunctionInvoker.class)
					.invokeForActivation(Invocation.of("hello", Map.of()))
					.block());

				assertThat(thrown).isInstanceOf(FunctionsTimeoutException.class)
					.isNotInstanceOf(FunctionInvocationTimeoutException.class)
					.hasMessageContaining("no complete answer within the response timeout");
				assertThat(((FunctionsTimeoutException) thrown).requestSent()).isTrue();
				api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
			});
	}

	private static void assertConnector(ClientHttpConnectorBuilder<?> builder, String connector) {
		assertThat(builder).isInstanceOf(connector.equals("jdk") ? JdkClientHttpConnectorBuilder.class
				: ReactorClientHttpConnectorBuilder.class);
	}

}
