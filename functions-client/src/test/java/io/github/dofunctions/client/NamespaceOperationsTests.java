package io.github.dofunctions.client;

import java.time.Instant;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.StubbedFunctionsApi.assertJsonEquals;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The namespace operations: the request each one sends and what it makes of the
 * documented answer.
 */
class NamespaceOperationsTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NAMESPACE_ID = "fn-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	@Test
	void listNamespacesReadsEveryNamespaceWithAllFields() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, payload("namespaces.json"))));

		StepVerifier.create(api.template().listNamespaces()).assertNext((namespace) -> {
			assertThat(namespace.apiHost()).isEqualTo("https://api_host.io");
			assertThat(namespace.id()).isEqualTo(NAMESPACE_ID);
			assertThat(namespace.namespace()).isEqualTo(NAMESPACE_ID);
			assertThat(namespace.createdAt()).isEqualTo(Instant.parse("2022-09-14T04:16:45Z"));
			assertThat(namespace.updatedAt()).isEqualTo(Instant.parse("2022-09-14T04:16:45Z"));
			assertThat(namespace.label()).isEqualTo("my namespace");
			assertThat(namespace.region()).isEqualTo("nyc1");
			assertThat(namespace.uuid()).isEqualTo("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
			assertThat(namespace.key()).isEqualTo("d1zcd455h01mqjfs4s2eaewyejehi5f2uj4etqq3h7cera8iwkub6xg5of1wdde2");
		}).assertNext((namespace) -> {
			assertThat(namespace.label()).isEqualTo("jobs");
			assertThat(namespace.createdAt()).isEqualTo(Instant.parse("2023-01-05T10:00:00Z"));
			assertThat(namespace.updatedAt()).isEqualTo(Instant.parse("2023-02-06T11:30:15Z"));
		}).verifyComplete();

		LoggedRequest request = api.onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo("/v2/functions/namespaces");
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StubbedFunctionsApi.TOKEN);
		assertThat(request.getHeader("Accept")).isEqualTo("application/json");
		assertThat(request.getHeader("User-Agent")).matches("do-functions-spring-boot/\\d+\\.\\d+\\.\\d+.*");
		assertThat(request.getBody()).isEmpty();
	}

	@Test
	void listNamespacesIgnoresFieldsTheClientDoesNotKnow() {
		api.allowOffContractAnswers();
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, """
				{"namespaces": [{"namespace": "fn-1", "label": "jobs", "tier": {"name": "pro", "limits": [1, 2]}}],
				 "meta": {"total": 1}}
				""")));

		StepVerifier.create(api.template().listNamespaces())
			.assertNext((namespace) -> assertThat(namespace.label()).isEqualTo("jobs"))
			.verifyComplete();
	}

	@Test
	void listNamespacesCompletesEmptyWhenThereAreNone() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, "{\"namespaces\":[]}")));

		StepVerifier.create(api.template().listNamespaces()).verifyComplete();
	}

	@Test
	void getNamespaceReadsTheNamespace() {
		api.server()
			.stubFor(get("/v2/functions/namespaces/" + NAMESPACE_ID).willReturn(json(200, payload("namespace.json"))));

		StepVerifier.create(api.template().getNamespace(NAMESPACE_ID))
			.assertNext((namespace) -> assertThat(namespace).isEqualTo(new Namespace("https://api_host.io",
					NAMESPACE_ID, Instant.parse("2022-09-14T04:16:45Z"), Instant.parse("2022-09-14T04:16:45Z"),
					"my namespace", "nyc1", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
					"d1zcd455h01mqjfs4s2eaewyejehi5f2uj4etqq3h7cera8iwkub6xg5of1wdde2")))
			.verifyComplete();

		LoggedRequest request = api.onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo("/v2/functions/namespaces/" + NAMESPACE_ID);
	}

	@Test
	void createNamespaceSendsRegionAndLabel() {
		api.server().stubFor(post("/v2/functions/namespaces").willReturn(json(200, payload("namespace.json"))));

		StepVerifier.create(api.template().createNamespace(new CreateNamespaceRequest("nyc1", "my namespace")))
			.assertNext((namespace) -> {
				assertThat(namespace.id()).isEqualTo(NAMESPACE_ID);
				assertThat(namespace.label()).isEqualTo("my namespace");
			})
			.verifyComplete();

		LoggedRequest request = api.onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/v2/functions/namespaces");
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
		assertJsonEquals(request.getBodyAsString(), "{\"region\":\"nyc1\",\"label\":\"my namespace\"}");
	}

	@Test
	void deleteNamespaceCompletesOnNoContent() {
		api.server()
			.stubFor(delete(urlPathEqualTo("/v2/functions/namespaces/" + NAMESPACE_ID))
				.willReturn(aResponse().withStatus(204)
					.withHeader("ratelimit-limit", "5000")
					.withHeader("ratelimit-remaining", "4815")
					.withHeader("ratelimit-reset", "1444931833")));

		StepVerifier.create(api.template().deleteNamespace(NAMESPACE_ID)).verifyComplete();

		LoggedRequest request = api.onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("DELETE");
		assertThat(request.getUrl()).isEqualTo("/v2/functions/namespaces/" + NAMESPACE_ID);
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StubbedFunctionsApi.TOKEN);
	}

}
