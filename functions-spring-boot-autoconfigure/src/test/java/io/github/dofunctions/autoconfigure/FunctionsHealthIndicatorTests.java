package io.github.dofunctions.autoconfigure;

import java.util.Map;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code doFunctions} health indicator reports what calls saw, and never calls the
 * API itself.
 */
@SuppressWarnings("unchecked")
class FunctionsHealthIndicatorTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
						FunctionsAutoConfiguration.class, FunctionsRedisBudgetStoreAutoConfiguration.class,
						FunctionsMetricsAutoConfiguration.class, FunctionsHealthAutoConfiguration.class))
		.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl(),
				"do.functions.retry.enabled=false");

	@Test
	void isUpWithTheBreakerTheBudgetAndTheLatestCallsAndSendsNothing() {
		api.server().stubFor(get("/v2/functions/namespaces/fn-1").willReturn(json(200, payload("namespace.json"))));
		api.server()
			.stubFor(get("/v2/functions/namespaces/fn-2")
				.willReturn(json(404, "{\"id\": \"not_found\", \"message\": \"namespace not found\", "
						+ "\"request_id\": \"88d17b7a-630b-4083-99ce-5b91045efdb4\"}")));
		this.contextRunner.run((context) -> {
			FunctionsOperations functions = context.getBean(FunctionsOperations.class);
			functions.getNamespace("fn-1").block();
			StepVerifier.create(functions.getNamespace("fn-2")).expectError(FunctionsNotFoundException.class).verify();
			int requestsBefore = api.requests().size();

			Health health = context.getBean("doFunctionsHealthIndicator", FunctionsHealthIndicator.class).health();

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().get("circuitBreaker"))
				.isEqualTo(Map.of("name", "do-functions", "state", "CLOSED", "failureRate", -1.0f));
			assertThat(health.getDetails().get("rateLimit"))
				.isEqualTo(Map.of("limit", 5000, "remaining", 4816, "reset", "2015-10-15T17:57:13Z"));
			assertThat((Map<String, Object>) health.getDetails().get("lastSuccess"))
				.containsEntry("operation", "getNamespace")
				.containsKey("time");
			assertThat((Map<String, Object>) health.getDetails().get("lastError"))
				.containsEntry("operation", "getNamespace")
				.containsEntry("outcome", "CLIENT_ERROR")
				.containsEntry("status", 404)
				.containsEntry("errorId", "not_found")
				.containsEntry("requestId", "88d17b7a-630b-4083-99ce-5b91045efdb4")
				.containsKey("time");
			assertThat(health.toString())
				.doesNotContain("d1zcd455h01mqjfs4s2eaewyejehi5f2uj4etqq3h7cera8iwkub6xg5of1wdde2");
			assertThat(api.requests()).as("requests sent by the health check").hasSize(requestsBefore);
		});
	}

	@Test
	void failingFunctionsSayNothingOfTheApisHealth() {
		ApiHostStubs.serveNamespace(api);
		api.server()
			.stubFor(post(urlPathEqualTo(ApiHostStubs.ACTIONS + "hello"))
				.willReturn(ApiHostStubs.answer(502, ApiHostStubs.failed("b1", "boom"))));
		this.contextRunner.run((context) -> {
			FunctionsOperations functions = context.getBean(FunctionsOperations.class);
			StepVerifier.create(functions.invoker(ApiHostStubs.NAMESPACE_ID).invoke("hello", Map.of()))
				.expectError(FunctionInvocationException.class)
				.verify();

			Health health = context.getBean(FunctionsHealthIndicator.class).health();

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			// The control-plane calls the invoker made: its namespace's API host, its
			// access key.
			assertThat((Map<String, Object>) health.getDetails().get("lastSuccess")).extractingByKey("operation")
				.isIn("getNamespace", "createAccessKey", "listAccessKeys");
			assertThat(health.getDetails()).doesNotContainKey("lastError");
		});
	}

	@Test
	void showsAnOpenBreakerButStaysUpByDefault() {
		this.contextRunner.run((context) -> {
			context.getBean(FunctionsResilience.class).circuitBreaker().transitionToOpenState();

			Health health = context.getBean(FunctionsHealthIndicator.class).health();

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat((Map<String, Object>) health.getDetails().get("circuitBreaker")).containsEntry("state", "OPEN");
			assertThat(api.requests()).isEmpty();
		});
	}

	@Test
	void isDownWithAnOpenBreakerWhenAskedTo() {
		this.contextRunner.withPropertyValues("do.functions.health.down-when-circuit-open=true").run((context) -> {
			context.getBean(FunctionsResilience.class).circuitBreaker().transitionToOpenState();

			assertThat(context.getBean(FunctionsHealthIndicator.class).health().getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void canBeSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.doFunctions.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FunctionsHealthIndicator.class));
	}

}
