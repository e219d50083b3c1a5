package io.github.dofunctions.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.error.FunctionsUnauthorizedException;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.WebExport;
import io.github.dofunctions.client.model.WebInvocation;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import io.github.dofunctions.test.VerboseLogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A whole create-and-list cycle, with every logger of the HTTP stack at TRACE and
 * Spring's logging of request details switched on, leaves the token, the namespace key
 * and the access-key secret out of the log, out of every exception message and out of
 * every {@code toString()}.
 */
class SecretsStayOutOfLogsTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NAMESPACE_KEY = "d1zcd455h01mqjfs4s2eaewyejehi5f2uj4etqq3h7cera8iwkub6xg5of1wdde2";

	static final String KEY_SECRET = "DOSECRETKEYEXAMPLE";

	static final String NAMESPACE_ID = "fn-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	@RegisterExtension
	final VerboseLogCapture log = new VerboseLogCapture();

	@Test
	void createAndListCycleLeaksNoSecret() {
		String keys = "/v2/functions/namespaces/" + NAMESPACE_ID + "/keys";
		api.server().stubFor(post("/v2/functions/namespaces").willReturn(json(200, payload("namespace.json"))));
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, payload("namespaces.json"))));
		api.server().stubFor(post(keys).willReturn(json(201, payload("access-key-created.json"))));
		api.server().stubFor(get(keys).willReturn(json(200, payload("access-keys.json"))));
		api.server()
			.stubFor(post("/v2/functions/namespaces/" + NAMESPACE_ID + "/triggers")
				.willReturn(json(200, payload("trigger.json"))));
		api.server()
			.stubFor(get("/v2/functions/namespaces/fn-gone")
				.willReturn(json(401, "{\"id\": \"unauthorized\", \"message\": \"Unable to authenticate you.\"}")));
		// The application asked Spring to log request details (headers included) at
		// TRACE.
		WebClient.Builder verbose = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true));
		FunctionsTemplate template = api.templateBuilder().webClientBuilder(verbose).build();

		List<Object> seen = new ArrayList<>();
		Namespace created = template.createNamespace(new CreateNamespaceRequest("nyc1", "my namespace")).block();
		seen.add(created);
		seen.addAll(template.listNamespaces().collectList().block());
		AccessKey key = template.createAccessKey(NAMESPACE_ID, CreateAccessKeyRequest.named("ci")).block();
		seen.add(key);
		seen.addAll(template.listAccessKeys(NAMESPACE_ID).collectList().block());
		seen.add(template.createTrigger(NAMESPACE_ID, CreateTriggerRequest.scheduled("t", "hello", "* * * * *"))
			.block());
		seen.add(template);
		Throwable failure = catchThrowable(() -> template.getNamespace("fn-gone").block());
		assertThat(failure).isInstanceOf(FunctionsUnauthorizedException.class);
		seen.add(failure);

		assertThat(created.key()).isEqualTo(NAMESPACE_KEY);
		assertThat(key.secret()).isEqualTo(KEY_SECRET);
		String logged = this.log.text();
		assertThat(logged).as("the HTTP stack logged the calls").contains("HTTP POST", "/v2/functions/namespaces");
		String everything = logged + "\n" + VerboseLogCapture.describe(seen);
		assertThat(everything).doesNotContain(StubbedFunctionsApi.TOKEN, NAMESPACE_KEY, KEY_SECRET);
	}

	@Test
	void invocationCycleLeaksNoCredential() {
		ApiHostStubs.serveNamespace(api);
		String hello = ApiHostStubs.ACTIONS + "hello";
		api.server()
			.stubFor(post(urlPathEqualTo(hello)).withQueryParam("blocking", equalTo("true"))
				.willReturn(ApiHostStubs.answer(502, ApiHostStubs.failed("b1", "boom"))));
		api.server()
			.stubFor(post(urlPathEqualTo(hello)).withQueryParam("blocking", equalTo("false"))
				.willReturn(ApiHostStubs.answer(202, "{\"activationId\": \"a1\"}")));
		api.server()
			.stubFor(get(ApiHostStubs.ACTIVATIONS + "/a1")
				.willReturn(ApiHostStubs.answer(200, ApiHostStubs.succeeded("a1", "{}"))));
		api.server()
			.stubFor(get(ApiHostStubs.ACTIVATIONS + "/gone")
				.willReturn(ApiHostStubs.answer(401, "{\"error\": \"The supplied authentication is invalid.\"}")));
		WebClient.Builder verbose = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true));
		FunctionsTemplate template = api.templateBuilder().webClientBuilder(verbose).build();
		InvocationCredentials accessKey = InvocationCredentials.accessKey("dof_v1_a1b2c3", KEY_SECRET);

		List<Object> seen = new ArrayList<>();
		FunctionInvoker invoker = template.invoker(NAMESPACE_ID);
		seen.add(invoker);
		seen.add(accessKey);
		seen.add(catchThrowable(() -> invoker.invoke("hello", Map.of("password", "not-logged")).block()));
		String activationId = invoker.start(Invocation.of("hello")).block();
		seen.add(invoker.awaitActivation(activationId, Duration.ofSeconds(10)).block());
		FunctionInvoker withKey = template.invoker(NAMESPACE_ID, accessKey);
		seen.add(withKey);
		seen.add(catchThrowable(() -> withKey.getActivation("gone").block()));

		assertThat(seen.get(2)).isInstanceOf(FunctionInvocationException.class);
		assertThat(seen.get(5)).isInstanceOf(FunctionsUnauthorizedException.class);
		String logged = this.log.text();
		assertThat(logged).as("the HTTP stack logged the calls").contains("/api/v1/namespaces/_/actions/hello");
		String everything = logged + "\n" + VerboseLogCapture.describe(seen);
		assertThat(everything).doesNotContain(NAMESPACE_KEY, KEY_SECRET,
				ApiHostStubs.managedKey().substring("Basic ".length()),
				ApiHostStubs.basic("dof_v1_a1b2c3", KEY_SECRET).substring("Basic ".length()), "not-logged");
	}

	@Test
	void deployAndWebCycleLeaksNoEnvironmentValueOrWebSecret() {
		ApiHostStubs.serveNamespace(api);
		api.server()
			.stubFor(get(urlPathEqualTo("/api/v1"))
				.willReturn(ApiHostStubs.answer(200, FunctionDeployerTests.API_INFO)));
		api.server()
			.stubFor(put(urlPathEqualTo("/api/v1/namespaces/_/actions/hello"))
				.willReturn(ApiHostStubs.answer(200, FunctionDeployerTests.action(NAMESPACE_ID, "hello", "0.0.1",
						"{\"kind\": \"nodejs:18\", \"binary\": false}",
						"[{\"key\": \"DB_PASSWORD\", \"value\": \"env-s3cret-value\", \"init\": true}]",
						"[{\"key\": \"web-export\", \"value\": true}, {\"key\": \"require-whisk-auth\", \"value\": \"w3b-s3cret-value\"}]"))));
		api.server()
			.stubFor(post(urlPathEqualTo("/api/v1/web/" + NAMESPACE_ID + "/default/hello"))
				.willReturn(ApiHostStubs.answer(200, "{}")));
		WebClient.Builder verbose = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true));
		FunctionsTemplate template = api.templateBuilder().webClientBuilder(verbose).build();
		FunctionDefinition hello = FunctionDefinition.builder("hello")
			.runtime("nodejs:18")
			.code("exports.main = () => ({})")
			.environment("DB_PASSWORD", "env-s3cret-value")
			.web(WebExport.ON)
			.webSecret("w3b-s3cret-value")
			.build();

		List<Object> seen = new ArrayList<>();
		FunctionDeployer deployer = template.deployer(NAMESPACE_ID);
		seen.add(deployer);
		seen.add(hello);
		seen.add(deployer.deploy(hello).block());
		WebInvocation call = WebInvocation.post("hello").secret("w3b-s3cret-value").build();
		seen.add(call);
		seen.add(template.invoker(NAMESPACE_ID).invokeWeb(call).block());

		String logged = this.log.text();
		assertThat(logged).as("the HTTP stack logged the calls").contains("/api/v1/namespaces/_/actions/hello");
		String everything = logged + "\n" + VerboseLogCapture.describe(seen);
		assertThat(everything).doesNotContain("env-s3cret-value", "w3b-s3cret-value");
	}

}
