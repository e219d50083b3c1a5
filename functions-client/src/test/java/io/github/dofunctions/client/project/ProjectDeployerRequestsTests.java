package io.github.dofunctions.client.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.test.ApiHostStubs;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.dofunctions.test.ApiHostStubs.NAMESPACE_ID;
import static io.github.dofunctions.test.ApiHostStubs.answer;
import static io.github.dofunctions.test.StubbedFunctionsApi.assertJsonEquals;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact requests of a plan and of its apply, against stubs held to DigitalOcean's and
 * OpenWhisk's descriptions: a plan only reads; an apply puts the package, then the
 * function with the digests it compares next time, then creates the trigger through the
 * control plane.
 */
class ProjectDeployerRequestsTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	private static final String TRIGGERS = "/v2/functions/namespaces/" + NAMESPACE_ID + "/triggers";

	private static final String API_INFO = """
			{"runtimes": {"nodejs": [{"kind": "nodejs:18", "default": true, "deprecated": false}]}}
			""";

	@BeforeEach
	void serveAnEmptyNamespace() {
		ApiHostStubs.serveNamespace(api);
		api.server().stubFor(get(urlPathEqualTo("/api/v1")).willReturn(answer(200, API_INFO)));
		api.server().stubFor(get(urlPathEqualTo("/api/v1/namespaces/_/packages")).willReturn(answer(200, "[]")));
		api.server().stubFor(get(urlPathEqualTo("/api/v1/namespaces/_/actions")).willReturn(answer(200, "[]")));
		api.server().stubFor(get(TRIGGERS).willReturn(json(200, "{\"triggers\": []}")));
		api.server().stubFor(put(urlPathEqualTo("/api/v1/namespaces/_/packages/reports")).willReturn(answer(200, """
				{"namespace": "%s", "name": "reports", "version": "0.0.1", "publish": false}
				""".formatted(NAMESPACE_ID))));
		api.server()
			.stubFor(put(urlPathEqualTo("/api/v1/namespaces/_/actions/reports/nightly")).willReturn(answer(200,
					"""
							{"namespace": "%s/reports", "name": "nightly", "version": "0.0.1", "publish": false,
							 "exec": {"kind": "nodejs:18", "binary": false}, "limits": {"timeout": 3000, "memory": 256, "logs": 10}}
							"""
						.formatted(NAMESPACE_ID))));
		api.server().stubFor(post(TRIGGERS).willReturn(json(200, payload("trigger.json"))));
	}

	private static ProjectDeployer deployer() {
		FunctionsTemplate template = api.templateBuilder()
			.resilience(FunctionsResilience.none())
			.invocation(InvocationSettings.builder()
				.accessKey(NAMESPACE_ID, InvocationCredentials.accessKey("dof_v1_given", "given-secret"))
				.resilience((namespaceId) -> FunctionsResilience.none())
				.build())
			.build();
		return new ProjectDeployer(template, NAMESPACE_ID);
	}

	private static Project project() {
		return new Project(Path.of("functions"),
				List.of(new ProjectPackage("reports", Map.of(), Map.of(), Map.of(),
						List.of(new ProjectFunction(
								FunctionDefinition.builder("reports/nightly")
									.runtime("nodejs:18")
									.code("function main() { return {}; }")
									.build(),
								true, List.of(new ProjectTrigger("nightly-report", "reports/nightly", "0 2 * * *",
										Map.of("name", "nightly"), true)))))));
	}

	@Test
	void aPlanOnlyReads() {
		deployer().plan(project(), ProjectDeployer.Options.defaults());

		assertThat(api.server().findAll(anyRequestedFor(anyUrl())))
			.extracting((request) -> request.getMethod().getName() + " " + request.getUrl().replaceAll("\\?.*", ""))
			.containsExactlyInAnyOrder("GET /v2/functions/namespaces/" + NAMESPACE_ID, "GET /api/v1",
					"GET /api/v1/namespaces/_/packages", "GET /api/v1/namespaces/_/actions", "GET " + TRIGGERS);
	}

	@Test
	void anApplyPutsThePackageThenTheFunctionWithItsDigestsThenCreatesTheTrigger() {
		ProjectDeployer deployer = deployer();
		ProjectPlan plan = deployer.plan(project(), ProjectDeployer.Options.defaults());
		api.server().resetRequests();

		ApplyReport report = deployer.apply(plan);

		assertThat(report.succeeded()).isTrue();
		List<LoggedRequest> writes = api.server().findAll(anyRequestedFor(anyUrl()));
		assertThat(writes).extracting((request) -> request.getMethod().getName() + " " + request.getUrl())
			.containsExactly("PUT /api/v1/namespaces/_/packages/reports?overwrite=true",
					"PUT /api/v1/namespaces/_/actions/reports/nightly?overwrite=true", "POST " + TRIGGERS);
		assertJsonEquals(writes.get(0).getBodyAsString(), """
				{"parameters": [], "publish": false, "annotations": [{"key": "deployer", "value":
				  {"environment": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}}]}
				""");
		assertJsonEquals(writes.get(1).getBodyAsString(), """
				{"exec": {"kind": "nodejs:18", "code": "function main() { return {}; }", "binary": false},
				 "parameters": [],
				 "annotations": [{"key": "deployer", "value": {
				   "digest": "c6d203608aea51f0ada0ec64df01a8ac6a261b5c273850bbaa1bb0376a495e0b",
				   "secrets": "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"}},
				  {"key": "web-export", "value": false}, {"key": "raw-http", "value": false}]}
				""");
		assertJsonEquals(writes.get(2).getBodyAsString(), """
				{"name": "nightly-report", "function": "reports/nightly", "type": "SCHEDULED", "is_enabled": true,
				 "scheduled_details": {"cron": "0 2 * * *", "body": {"name": "nightly"}}}
				""");
	}

}
