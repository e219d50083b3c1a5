package io.github.dofunctions.autoconfigure;

import java.io.IOException;
import java.util.Map;

import io.github.dofunctions.client.BlockingFunctionInvoker;
import io.github.dofunctions.client.BlockingFunctionsOperations;
import io.github.dofunctions.client.BlockingFunctionsTemplate;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.ApiHostStubs.ACTIONS;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_ID;
import static io.github.dofunctions.test.ApiHostStubs.answer;
import static io.github.dofunctions.test.ApiHostStubs.succeeded;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;

/**
 * The blocking beans, in reactive and servlet applications alike, and a servlet
 * application without Reactor Netty, whose calls go over the JDK {@code HttpClient}.
 */
class BlockingAutoConfigurationTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String HELLO = ACTIONS + "hello";

	static final AutoConfigurations CLIENT = AutoConfigurations.of(JacksonAutoConfiguration.class,
			CodecsAutoConfiguration.class, HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, FunctionsAutoConfiguration.class,
			FunctionsRedisBudgetStoreAutoConfiguration.class, FunctionsMetricsAutoConfiguration.class,
			FunctionsHealthAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(CLIENT)
		.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl());

	/**
	 * A Spring MVC application (a servlet web application context) whose class path has
	 * no Reactor Netty.
	 */
	private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner()
		.withConfiguration(CLIENT)
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader("reactor.netty"))
		.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl());

	@BeforeEach
	void serveNamespace() {
		ApiHostStubs.serveNamespace(api);
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(200, succeeded("a1", "{\"ok\": true}"))));
	}

	@Test
	void blockingOperationsBesideTheReactiveOnesOverReactorNettyWhenPresent() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BlockingFunctionsOperations.class)
				.doesNotHaveBean(BlockingFunctionInvoker.class);
			assertThat(context.getBean(ClientHttpConnectorBuilder.class))
				.isInstanceOf(ReactorClientHttpConnectorBuilder.class);
			assertThat(context.getBean(BlockingFunctionsOperations.class).getNamespace(NAMESPACE_ID).label())
				.isEqualTo("my namespace");
			assertThat(api.onlyRequest().getHeader("Authorization")).isEqualTo("Bearer t");
		});
	}

	@Test
	void blockingInvokerOfTheConfiguredNamespaceUsesTheReactiveInvokerBean() {
		this.contextRunner.withPropertyValues("do.functions.invocation.namespace-id=" + NAMESPACE_ID).run((context) -> {
			BlockingFunctionInvoker invoker = context.getBean(BlockingFunctionInvoker.class);
			assertThat(invoker.namespaceId()).isEqualTo(NAMESPACE_ID);
			assertThat(invoker.invoke("hello", Map.of())).containsEntry("ok", true);
			api.server()
				.verify(1, postRequestedFor(urlPathEqualTo(HELLO)).withHeader("Authorization",
						equalTo(ApiHostStubs.managedKey())));
		});
	}

	@Test
	void backsOffWhenTheUserDefinesBlockingOperations() {
		BlockingFunctionsOperations own = mock(BlockingFunctionsOperations.class);
		this.contextRunner.withBean(BlockingFunctionsOperations.class, () -> own)
			.run((context) -> assertThat(context.getBean(BlockingFunctionsOperations.class)).isSameAs(own));
	}

	@Test
	void servletApplicationWithoutReactorNettyCallsOverTheJdkHttpClient() {
		this.servletRunner.withPropertyValues("do.functions.invocation.namespace-id=" + NAMESPACE_ID).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ClientHttpConnectorBuilder.class))
				.isInstanceOf(JdkClientHttpConnectorBuilder.class);
			assertThat(context.getBean(BlockingFunctionsOperations.class))
				.isInstanceOf(BlockingFunctionsTemplate.class);
			assertThat(context.getBean(FunctionsOperations.class)).isNotNull();
			BlockingFunctionsOperations functions = context.getBean(BlockingFunctionsOperations.class);

			assertThat(functions.getNamespace(NAMESPACE_ID).label()).isEqualTo("my namespace");
			assertThat(context.getBean(BlockingFunctionInvoker.class).invoke("hello", Map.of())).containsEntry("ok",
					true);
			assertThat(functions.rateLimit().remaining()).isEqualTo(4816);
			api.server().verify(1, postRequestedFor(urlPathEqualTo(HELLO)));
		});
	}

	@Test
	void overTheJdkHttpClientAnUnreachableApiIsAConnectionFailureThatWasNotSent() throws IOException {
		int closedPort = StubbedFunctionsApi.unusedPort();
		this.servletRunner
			.withPropertyValues("do.functions.base-url=http://127.0.0.1:" + closedPort,
					"do.functions.retry.enabled=false")
			.run((context) -> {
				Throwable thrown = catchThrowable(
						() -> context.getBean(BlockingFunctionsOperations.class).getNamespace(NAMESPACE_ID));

				assertThat(thrown).isInstanceOfSatisfying(FunctionsConnectionException.class,
						(ex) -> assertThat(ex.requestSent()).isFalse());
			});
	}

	@Test
	void overTheJdkHttpClientTheResponseTimeoutIsATimeout() {
		api.server()
			.stubFor(get("/v2/functions/namespaces")
				.willReturn(json(200, payload("namespaces.json")).withFixedDelay(3_000)));
		this.servletRunner.withPropertyValues("do.functions.response-timeout=200ms", "do.functions.retry.enabled=false")
			.run((context) -> {
				Throwable thrown = catchThrowable(
						() -> context.getBean(BlockingFunctionsOperations.class).listNamespaces());

				assertThat(thrown).isInstanceOfSatisfying(FunctionsTimeoutException.class,
						(ex) -> assertThat(ex.requestSent()).isTrue());
				assertThat(api.requests()).hasSize(1);
			});
	}

}
