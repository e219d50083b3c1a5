package io.github.dofunctions.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.model.WebInvocation;
import io.github.dofunctions.client.model.WebResponse;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_ID;
import static io.github.dofunctions.test.ApiHostStubs.answer;
import static io.github.dofunctions.test.ApiHostStubs.managedKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Calls of web functions at their web URLs, against a stub of the namespace's API host:
 * the request that goes out, without an access key, and the answer as it came.
 */
class WebFunctionTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	private static final String WEB = "/api/v1/web/" + NAMESPACE_ID + "/";

	@BeforeEach
	void serveNamespace() {
		ApiHostStubs.serveNamespace(api);
	}

	static FunctionInvoker invoker() {
		return api.templateBuilder()
			.invocation(InvocationSettings.builder().resilience((namespaceId) -> FunctionsResilience.none()).build())
			.build()
			.invoker(NAMESPACE_ID);
	}

	@Test
	void theWebUrlNamesTheNamespaceThePackageOrDefaultAndTheFunction() {
		FunctionInvoker invoker = invoker();

		assertThat(invoker.webUrl("reports/nightly").block())
			.isEqualTo(URI.create(api.baseUrl() + WEB + "reports/nightly"));
		assertThat(invoker.webUrl("say hello").block())
			.isEqualTo(URI.create(api.baseUrl() + WEB + "default/say%20hello"));
	}

	@Test
	void aCallSendsTheMethodQueryHeadersBodyAndSecretButNoAccessKey() {
		api.server()
			.stubFor(any(urlPathEqualTo(WEB + "default/hello")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "text/plain; charset=utf-8")
				.withHeader("X-Answer", "42")
				.withBody("créé")));

		WebResponse response = invoker()
			.invokeWeb(WebInvocation.builder(HttpMethod.PUT, "hello")
				.query("name", "Ada Lovelace & co")
				.header("X-Trace", "t-1")
				.body("{\"n\": 1}", "application/json")
				.secret("w3b-s3cret")
				.build())
			.block();

		LoggedRequest request = api.server().findAll(anyRequestedFor(urlPathEqualTo(WEB + "default/hello"))).get(0);
		assertThat(request.getMethod().getName()).isEqualTo("PUT");
		assertThat(request.getUrl()).endsWith("?name=Ada%20Lovelace%20%26%20co");
		assertThat(request.getHeader("X-Trace")).isEqualTo("t-1");
		assertThat(request.getHeader("X-Require-Whisk-Auth")).isEqualTo("w3b-s3cret");
		assertThat(request.containsHeader("Authorization")).isFalse();
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
		assertThat(request.getBodyAsString()).isEqualTo("{\"n\": 1}");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.headers().getFirst("X-Answer")).isEqualTo("42");
		assertThat(response.bodyAsString()).isEqualTo("créé");
		assertThat(response.body()).isEqualTo("créé".getBytes(StandardCharsets.UTF_8));
		assertThat(api.server().findAll(anyRequestedFor(urlPathEqualTo(ApiHostStubs.KEYS)))).isEmpty();
	}

	@Test
	void anErrorStatusOrARedirectIsTheFunctionsAnswerNotAnException() {
		api.server()
			.stubFor(any(urlPathEqualTo(WEB + "default/missing"))
				.willReturn(answer(404, "{\"error\": \"The requested resource does not exist.\", \"code\": \"c1\"}")));
		api.server()
			.stubFor(any(urlPathEqualTo(WEB + "default/moved"))
				.willReturn(aResponse().withStatus(302).withHeader("Location", "https://example.com/elsewhere")));
		FunctionInvoker invoker = invoker();

		WebResponse missing = invoker.invokeWeb(WebInvocation.get("missing").build()).block();
		WebResponse moved = invoker.invokeWeb(WebInvocation.get("moved").build()).block();

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.bodyAsString()).contains("does not exist");
		assertThat(moved.status()).isEqualTo(302);
		assertThat(moved.headers().getLocation()).isEqualTo(URI.create("https://example.com/elsewhere"));
		assertThat(api.server()
			.findAll(anyRequestedFor(anyUrl()))
			.stream()
			.filter((request) -> request.getUrl().contains("example.com"))).isEmpty();
	}

	@Test
	void theRateLimitIsAnException() {
		api.server()
			.stubFor(any(urlPathEqualTo(WEB + "default/busy")).willReturn(answer(429,
					"{\"error\": \"Too many requests in the last minute (count: 601, allowed: 600).\", \"code\": \"c2\"}")));

		assertThat(catchThrowable(() -> invoker().invokeWeb(WebInvocation.post("busy").build()).block()))
			.isInstanceOf(FunctionsRateLimitException.class);
	}

	@Test
	void theBlockingInvokerCallsTheSameWay() {
		api.server().stubFor(any(urlPathEqualTo(WEB + "tools/echo")).willReturn(answer(200, "{\"ok\": true}")));
		BlockingFunctionInvoker invoker = BlockingFunctionInvoker.of(invoker());

		WebResponse response = invoker.invokeWeb(WebInvocation.get("tools/echo").build());

		assertThat(response.bodyAsString()).isEqualTo("{\"ok\": true}");
		assertThat(invoker.webUrl("tools/echo")).hasPath(WEB + "tools/echo");
	}

	@Test
	void badRequestsAreRefusedBeforeAnythingIsSent() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebInvocation.get("a/b/c"))
			.withMessageContaining("at most one '/'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebInvocation.get("hello").header("X-Require-Whisk-Auth", "s"))
			.withMessageContaining("give the web secret with secret(...)");
		assertThatIllegalArgumentException().isThrownBy(() -> WebInvocation.get("hello").header("Authorization", "s"))
			.withMessageContaining("give the web secret with secret(...)");
		assertThat(WebInvocation.get("hello").secret("w3b-s3cret").build().toString()).doesNotContain("w3b-s3cret");
		assertThat(api.server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
		assertThat(managedKey()).isNotNull();
	}

}
