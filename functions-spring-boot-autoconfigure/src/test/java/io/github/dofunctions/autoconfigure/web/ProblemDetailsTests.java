package io.github.dofunctions.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.dofunctions.client.BlockingFunctionsOperations;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring MVC and a WebFlux application answer their controllers' failed calls of
 * DigitalOcean as problem details when {@code do.functions.problemdetails.enabled} is on,
 * and as Spring's own 500 when it is off.
 */
class ProblemDetailsTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NAMESPACE_ID = "fn-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	static final HttpClient http = HttpClient.newHttpClient();

	enum Stack {

		MVC(WebApplicationType.SERVLET, MvcApplication.class),

		WEBFLUX(WebApplicationType.REACTIVE, WebFluxApplication.class);

		final WebApplicationType type;

		final Class<?> application;

		Stack(WebApplicationType type, Class<?> application) {
			this.type = type;
			this.application = application;
		}

	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aResourceDigitalOceanDoesNotHaveIsA404WithItsErrorAndRequestIds(Stack stack) throws Exception {
		api.server()
			.stubFor(get(urlPathMatching("/v2/functions/namespaces/.*")).willReturn(json(404,
					"{\"id\": \"not_found\", \"message\": \"The resource you requested could not be found.\", "
							+ "\"request_id\": \"r-404\"}")));
		try (ConfigurableApplicationContext context = start(stack, true)) {
			HttpResponse<String> answer = request(context, "/namespaces/" + NAMESPACE_ID);

			assertThat(answer.statusCode()).isEqualTo(404);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(body(answer)).containsEntry("status", 404)
				.containsEntry("title", "DigitalOcean answered 404 not_found")
				.containsEntry("detail", "The resource you requested could not be found.")
				.containsEntry("operation", "getNamespace")
				.containsEntry("errorId", "not_found")
				.containsEntry("requestId", "r-404");
			assertThat(answer.body()).doesNotContain(StubbedFunctionsApi.TOKEN);
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void idsDigitalOceanDidNotGiveAreLeftOut(Stack stack) throws Exception {
		api.allowOffContractAnswers();
		api.server()
			.stubFor(get(urlPathMatching("/v2/functions/namespaces/.*"))
				.willReturn(aResponse().withStatus(404).withBody("Not Found")));
		try (ConfigurableApplicationContext context = start(stack, true)) {
			HttpResponse<String> answer = request(context, "/namespaces/" + NAMESPACE_ID);

			assertThat(answer.statusCode()).isEqualTo(404);
			assertThat(body(answer)).containsEntry("title", "DigitalOcean answered 404")
				.doesNotContainKeys("errorId", "requestId");
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aRateLimitIsA429WithRetryAfterInWholeSeconds(Stack stack) throws Exception {
		api.server()
			.stubFor(get(urlPathMatching("/v2/functions/namespaces/.*"))
				.willReturn(json(429, "{\"id\": \"too_many_requests\", \"message\": \"API Rate limit exceeded.\"}")
					.withHeader("retry-after", "3")));
		try (ConfigurableApplicationContext context = start(stack, true)) {
			HttpResponse<String> answer = request(context, "/namespaces/" + NAMESPACE_ID);

			assertThat(answer.statusCode()).isEqualTo(429);
			assertThat(answer.headers().firstValue("Retry-After")).hasValue("3");
			assertThat(body(answer)).containsEntry("errorId", "too_many_requests");
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void theApplicationsTokenRefusedIsA502NotTheCallersFault(Stack stack) throws Exception {
		api.server()
			.stubFor(get(urlPathMatching("/v2/functions/namespaces/.*"))
				.willReturn(json(401, "{\"id\": \"unauthorized\", \"message\": \"Unable to authenticate you.\"}")));
		try (ConfigurableApplicationContext context = start(stack, true)) {
			HttpResponse<String> answer = request(context, "/namespaces/" + NAMESPACE_ID);

			assertThat(answer.statusCode()).isEqualTo(502);
			assertThat(body(answer)).containsEntry("title", "DigitalOcean answered 401 unauthorized");
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void anOpenCircuitBreakerIsA503AndSendsNothing(Stack stack) throws Exception {
		try (ConfigurableApplicationContext context = start(stack, true)) {
			context.getBean(FunctionsResilience.class).circuitBreaker().transitionToOpenState();

			HttpResponse<String> answer = request(context, "/namespaces/" + NAMESPACE_ID);

			assertThat(answer.statusCode()).isEqualTo(503);
			assertThat(body(answer)).containsEntry("title", "DigitalOcean is failing")
				.containsEntry("operation", "getNamespace");
			assertThat(api.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aConnectionFailureIsA502(Stack stack) throws Exception {
		api.server()
			.stubFor(get(urlPathMatching("/v2/functions/namespaces/.*"))
				.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		api.allowOffContractAnswers();
		try (ConfigurableApplicationContext context = start(stack, true)) {
			HttpResponse<String> answer = request(context, "/namespaces/" + NAMESPACE_ID);

			assertThat(answer.statusCode()).isEqualTo(502);
			assertThat(body(answer)).containsEntry("title", "DigitalOcean could not be reached");
		}
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void offByDefaultLeavingSpringsOwn500(Stack stack) throws Exception {
		api.server()
			.stubFor(get(urlPathMatching("/v2/functions/namespaces/.*")).willReturn(json(404,
					"{\"id\": \"not_found\", \"message\": \"The resource you requested could not be found.\"}")));
		try (ConfigurableApplicationContext context = start(stack, false)) {
			HttpResponse<String> answer = request(context, "/namespaces/" + NAMESPACE_ID);

			assertThat(context.getBeansOfType(FunctionsProblemDetailsExceptionHandler.class)).isEmpty();
			assertThat(answer.statusCode()).isEqualTo(500);
		}
	}

	private static ConfigurableApplicationContext start(Stack stack, boolean problemDetails) {
		return new SpringApplicationBuilder(stack.application).web(stack.type)
			.properties(Map.of("server.port", "0", "do.functions.token", StubbedFunctionsApi.TOKEN,
					"do.functions.base-url", api.baseUrl(), "do.functions.retry.max-attempts", "1",
					"do.functions.retry.max-rate-limit-wait", "0s", "do.functions.problemdetails.enabled",
					String.valueOf(problemDetails), "management.health.defaults.enabled", "false"))
			.run();
	}

	private static HttpResponse<String> request(ConfigurableApplicationContext context, String path) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(HttpResponse<String> answer) {
		return JsonMapper.builder().build().readValue(answer.body(), Map.class);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class MvcApplication {

		@RestController
		static class Namespaces {

			private final BlockingFunctionsOperations functions;

			Namespaces(BlockingFunctionsOperations functions) {
				this.functions = functions;
			}

			@GetMapping("/namespaces/{id}")
			Namespace namespace(@PathVariable String id) {
				return this.functions.getNamespace(id);
			}

		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebFluxApplication {

		@RestController
		static class Namespaces {

			private final FunctionsOperations functions;

			Namespaces(FunctionsOperations functions) {
				this.functions = functions;
			}

			@GetMapping("/namespaces/{id}")
			Mono<Namespace> namespace(@PathVariable String id) {
				return this.functions.getNamespace(id);
			}

		}

	}

}
