package io.github.dofunctions.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.github.dofunctions.client.BlockingFunctionDeployer;
import io.github.dofunctions.client.FunctionDeployer;
import io.github.dofunctions.client.FunctionInvoker;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.error.FunctionInvocationTimeoutException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.ApiHostStubs.ACTIONS;
import static io.github.dofunctions.test.ApiHostStubs.ACTIVATIONS;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_ID;
import static io.github.dofunctions.test.ApiHostStubs.answer;
import static io.github.dofunctions.test.ApiHostStubs.basic;
import static io.github.dofunctions.test.ApiHostStubs.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for the invocation part of {@link FunctionsAutoConfiguration}: the
 * {@link FunctionInvoker} bean and {@code do.functions.invocation.*}.
 */
class FunctionInvokerAutoConfigurationTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String HELLO = ACTIONS + "hello";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, FunctionsAutoConfiguration.class,
				FunctionsRedisBudgetStoreAutoConfiguration.class, FunctionsMetricsAutoConfiguration.class,
				FunctionsHealthAutoConfiguration.class))
		.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl());

	@BeforeEach
	void serveNamespace() {
		ApiHostStubs.serveNamespace(api);
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(200, succeeded("a1", "{\"ok\": true}"))));
	}

	@Test
	void noInvokerBeanWithoutANamespace() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(FunctionInvoker.class));
	}

	@Test
	void invokerOfTheConfiguredNamespaceMakesAKeyNamedForTheApplicationAndDeletesItOnClose() {
		this.contextRunner
			.withPropertyValues("do.functions.invocation.namespace-id=" + NAMESPACE_ID,
					"spring.application.name=Nightly Reports", "do.functions.invocation.managed-key.name-prefix=acme",
					"do.functions.invocation.managed-key.lifetime=2h",
					"do.functions.invocation.managed-key.renew-before=30m")
			.run((context) -> {
				FunctionInvoker invoker = context.getBean(FunctionInvoker.class);
				assertThat(invoker.namespaceId()).isEqualTo(NAMESPACE_ID);
				assertThat(invoker).isSameAs(context.getBean(FunctionsOperations.class).invoker(NAMESPACE_ID));
				assertThat(invoker.invoke("hello", Map.of()).block()).containsEntry("ok", true);
				api.server()
					.verify(postRequestedFor(urlPathEqualTo(HELLO)).withHeader("Authorization",
							equalTo(ApiHostStubs.managedKey())));
				assertThat(api.server().findAll(postRequestedFor(urlPathEqualTo(ApiHostStubs.KEYS)))).singleElement()
					.satisfies((created) -> assertThat(created.getBodyAsString())
						.matches("\\{\"name\":\"acme-nightly-reports-[0-9a-f]{8}-1\",\"expires_in\":\"2h\"\\}"));
				InvocationSettings settings = context.getBean(InvocationSettings.class);
				assertThat(settings.managedKeyRenewBefore()).isEqualTo(Duration.ofMinutes(30));
				api.server()
					.verify(0, deleteRequestedFor(urlPathEqualTo(ApiHostStubs.KEYS + "/" + ApiHostStubs.KEY_ID)));
			});
		api.server().verify(1, deleteRequestedFor(urlPathEqualTo(ApiHostStubs.KEYS + "/" + ApiHostStubs.KEY_ID)));
	}

	@Test
	void deployerOfTheConfiguredNamespaceTakesTheInvokersAccessKey() {
		api.server()
			.stubFor(get(urlPathEqualTo(ACTIONS + "gone"))
				.willReturn(answer(404, "{\"error\": \"The requested resource does not exist.\", \"code\": \"c1\"}")));
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(FunctionDeployer.class)
			.doesNotHaveBean(BlockingFunctionDeployer.class));
		this.contextRunner
			.withPropertyValues("do.functions.invocation.namespace-id=" + NAMESPACE_ID,
					"do.functions.invocation.access-key-id=dof_v1_configured",
					"do.functions.invocation.access-key-secret=configured-secret")
			.run((context) -> {
				FunctionDeployer deployer = context.getBean(FunctionDeployer.class);
				assertThat(deployer.namespaceId()).isEqualTo(NAMESPACE_ID);
				assertThat(deployer).isSameAs(context.getBean(FunctionsOperations.class).deployer(NAMESPACE_ID));
				assertThat(catchThrowable(() -> context.getBean(BlockingFunctionDeployer.class).getFunction("gone")))
					.isInstanceOf(FunctionsNotFoundException.class);
				api.server()
					.verify(getRequestedFor(urlPathEqualTo(ACTIONS + "gone")).withHeader("Authorization",
							equalTo(ApiHostStubs.basic("dof_v1_configured", "configured-secret"))));
			});
	}

	@Test
	void managedKeyPropertiesTheClientWouldRefuseFailStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("do.functions.invocation.managed-key.lifetime=90m")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("do.functions.invocation.managed-key.lifetime")
				.hasMessageContaining("whole number of hours"));
		this.contextRunner.withPropertyValues("do.functions.invocation.managed-key.renew-before=2d")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("do.functions.invocation.managed-key.renew-before"));
		this.contextRunner.withPropertyValues("do.functions.invocation.managed-key.name-prefix=my keys")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("do.functions.invocation.managed-key.name-prefix"));
	}

	@Test
	void apiHostAnswersHaveTheirOwnSizeLimit() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(InvocationSettings.class).maxResponseSize()).isEqualTo(DataSize.ofMegabytes(4));
		});
		this.contextRunner.withPropertyValues("do.functions.invocation.max-response-size=8MB")
			.run((context) -> assertThat(context.getBean(InvocationSettings.class).maxResponseSize())
				.isEqualTo(DataSize.ofMegabytes(8)));
	}

	@Test
	void invokerAuthenticatesWithTheConfiguredAccessKey() {
		this.contextRunner
			.withPropertyValues("do.functions.invocation.namespace-id=" + NAMESPACE_ID,
					"do.functions.invocation.access-key-id=dof_v1_a1b2c3",
					"do.functions.invocation.access-key-secret=key-secret")
			.run((context) -> {
				FunctionInvoker invoker = context.getBean(FunctionInvoker.class);
				assertThat(context.getBean(FunctionsOperations.class).invoker(NAMESPACE_ID)).isSameAs(invoker);
				invoker.invoke("hello", Map.of()).block();
				api.server()
					.verify(postRequestedFor(urlPathEqualTo(HELLO)).withHeader("Authorization",
							equalTo(basic("dof_v1_a1b2c3", "key-secret"))));
				api.server().verify(0, postRequestedFor(urlPathEqualTo(ApiHostStubs.KEYS)));
			});
	}

	@Test
	void accessKeyWithoutANamespaceFailsStartUpInsteadOfBeingIgnored() {
		this.contextRunner
			.withPropertyValues("do.functions.invocation.access-key-id=dof_v1_a1b2c3",
					"do.functions.invocation.access-key-secret=s3cr3t-value")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("do.functions.invocation.namespace-id")
				.hasMessageNotContaining("s3cr3t-value"));
		this.contextRunner.withPropertyValues("do.functions.invocation.access-key-secret=s3cr3t-value")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("do.functions.invocation.access-key-id")
				.hasMessageNotContaining("s3cr3t-value"));
	}

	@Test
	void accessKeySecretWithoutItsIdFailsWithoutShowingTheSecret() {
		this.contextRunner
			.withPropertyValues("do.functions.invocation.namespace-id=" + NAMESPACE_ID,
					"do.functions.invocation.access-key-secret=s3cr3t-value")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("do.functions.invocation.access-key-id")
					.hasMessageNotContaining("s3cr3t-value");
			});
	}

	@Test
	void callsToApiHostsHaveTheirOwnResponseTimeout() {
		api.server()
			.stubFor(post(urlPathEqualTo(HELLO))
				.willReturn(answer(200, succeeded("a1", "{\"ok\": true}")).withFixedDelay(2_000)));
		this.contextRunner.withPropertyValues("do.functions.response-timeout=1s", "do.functions.retry.enabled=false")
			.run((context) -> StepVerifier
				.create(context.getBean(FunctionsOperations.class).invoker(NAMESPACE_ID).invoke("hello", Map.of()))
				.expectNext(Map.of("ok", true))
				.verifyComplete());
		this.contextRunner.withPropertyValues("do.functions.invocation.response-timeout=200ms")
			.run((context) -> StepVerifier
				.create(context.getBean(FunctionsOperations.class).invoker(NAMESPACE_ID).invoke("hello", Map.of()))
				.expectError(FunctionsTimeoutException.class)
				.verify(Duration.ofSeconds(5)));
	}

	@Test
	void deadlineAndPollIntervalsAreBound() {
		api.server().stubFor(post(urlPathEqualTo(HELLO)).willReturn(answer(202, "{\"activationId\": \"a9\"}")));
		api.server().stubFor(get(ACTIVATIONS + "/a9").willReturn(answer(404, "{\"error\": \"not yet\"}")));
		this.contextRunner
			.withPropertyValues("do.functions.invocation.deadline=3s", "do.functions.invocation.poll-interval=20ms",
					"do.functions.invocation.max-poll-interval=50ms")
			.run((context) -> {
				InvocationSettings settings = context.getBean(InvocationSettings.class);
				assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(20));
				assertThat(settings.maxPollInterval()).isEqualTo(Duration.ofMillis(50));
				StepVerifier
					.create(context.getBean(FunctionsOperations.class).invoker(NAMESPACE_ID).invoke("hello", Map.of()))
					.expectErrorSatisfies((ex) -> assertThat(ex)
						.isInstanceOfSatisfying(FunctionInvocationTimeoutException.class, (timeout) -> {
							assertThat(timeout.deadline()).isEqualTo(Duration.ofSeconds(3));
							assertThat(timeout.activationId()).isEqualTo("a9");
						}))
					.verify(Duration.ofSeconds(10));
			});

	}

	@Test
	void everyNamespaceGetsItsOwnBreakerInTheApplicationsRegistry() {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		this.contextRunner.withBean(CircuitBreakerRegistry.class, () -> registry).run((context) -> {
			FunctionsOperations functions = context.getBean(FunctionsOperations.class);
			functions.invoker(NAMESPACE_ID);
			functions.invoker("fn-other");
			CircuitBreaker breaker = registry.find("do-functions-invocations-" + NAMESPACE_ID).get();
			functions.invoker(NAMESPACE_ID, InvocationCredentials.accessKey("dof_v1_a1b2c3", "s3cr3t-value"));
			assertThat(registry.find("do-functions-invocations-" + NAMESPACE_ID)).containsSame(breaker);
			assertThat(registry.find("do-functions-invocations-" + NAMESPACE_ID)).isPresent();
			assertThat(registry.find("do-functions-invocations-fn-other")).isPresent();
			assertThat(registry.find("do-functions")).isPresent();
		});
	}

}
