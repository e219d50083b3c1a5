package io.github.dofunctions.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.json.JSONException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WireMock server standing in for the DigitalOcean API and for namespaces' API hosts,
 * one per test class. After each test, every request it received, and every answer it
 * gave, is validated against DigitalOcean's OpenAPI description (control plane) or
 * OpenWhisk's (API host, {@code /api/v1/...}): a test fails if the client sent something
 * the contract does not allow, or if a stub answered something the platform would not.
 */
public final class StubbedFunctionsApi
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	/** Token the client under test sends. */
	public static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private final WireMockServer server;

	private boolean offContractAnswers;

	private final AtomicInteger scenarios = new AtomicInteger();

	/**
	 * Create the stand-in, with WireMock extensions such as a rate limiter.
	 */
	public StubbedFunctionsApi(Extension... extensions) {
		this.server = new WireMockServer(options().dynamicPort().extensions(extensions));
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.server.start();
		warmUp();
	}

	/**
	 * Serve one request before the tests: the first answer of a fresh server is slow
	 * enough to trip the short response timeouts some tests use.
	 */
	private void warmUp() throws IOException, InterruptedException {
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/warm-up")).build(),
					HttpResponse.BodyHandlers.discarding());
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.server.resetAll();
		this.offContractAnswers = false;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (context.getExecutionException().isPresent()) {
			return;
		}
		List<String> violations = new ArrayList<>();
		for (ServeEvent event : this.server.getAllServeEvents()) {
			LoggedResponse response = event.getResponse();
			OpenApiContract.HttpExchange exchange = exchange(event.getRequest(), response);
			OpenApiContract contract = OpenApiContract.forPath(exchange.path());
			boolean answered = response != null && response.getFault() == null;
			violations.addAll((!this.offContractAnswers && answered) ? contract.checkExchange(exchange)
					: contract.checkRequest(exchange));
		}
		assertThat(violations).as("requests and answers outside DigitalOcean's and OpenWhisk's API descriptions")
			.isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.stop();
	}

	/**
	 * Answer the first matching request with {@code first} and every later one with
	 * {@code then}, as a server that recovers.
	 * @param request a fresh request pattern on each call (a builder is used once)
	 */
	public void stubSequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder first,
			ResponseDefinitionBuilder then) {
		String scenario = "sequence-" + this.scenarios.incrementAndGet();
		this.server.stubFor(request.get()
			.inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(first)
			.willSetStateTo("answered once"));
		this.server.stubFor(request.get().inScenario(scenario).whenScenarioStateIs("answered once").willReturn(then));
	}

	/**
	 * Return a local port nothing listens on, where a connection is refused.
	 */
	public static int unusedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Answers of this test are meant to break the contract (malformed or non-JSON
	 * bodies): validate only the requests.
	 */
	public void allowOffContractAnswers() {
		this.offContractAnswers = true;
	}

	public WireMockServer server() {
		return this.server;
	}

	public String baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * A template that makes one attempt per call, with no pacing and no breaker, so that
	 * a test sees exactly what one request does. Resilience tests set their own.
	 */
	public FunctionsTemplate.Builder templateBuilder() {
		return FunctionsTemplate.builder().baseUrl(baseUrl()).token(TOKEN).resilience(FunctionsResilience.none());
	}

	public FunctionsTemplate template() {
		return templateBuilder().build();
	}

	/**
	 * Return the requests the server received, oldest first.
	 */
	public List<LoggedRequest> requests() {
		List<LoggedRequest> requests = new ArrayList<>(this.server.findAll(anyRequestedFor(anyUrl())));
		requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
		return requests;
	}

	/**
	 * Return the one request the server received, failing if it received another number.
	 */
	public LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = requests();
		assertThat(requests).as("requests received").hasSize(1);
		return requests.get(0);
	}

	/**
	 * A JSON answer with DigitalOcean's rate-limit headers.
	 */
	public static ResponseDefinitionBuilder json(int status, String body) {
		return json(status, body, 4816);
	}

	/**
	 * A JSON answer with DigitalOcean's rate-limit headers, saying how many requests of
	 * the hour remain.
	 */
	public static ResponseDefinitionBuilder json(int status, String body, int remaining) {
		return json(status, body, remaining, 1444931833L);
	}

	/**
	 * A JSON answer with DigitalOcean's rate-limit headers, saying how many requests of
	 * the hour remain and when (epoch seconds) the oldest counted one expires.
	 */
	public static ResponseDefinitionBuilder json(int status, String body, int remaining, long reset) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withHeader("ratelimit-limit", "5000")
			.withHeader("ratelimit-remaining", String.valueOf(remaining))
			.withHeader("ratelimit-reset", String.valueOf(reset))
			.withBody(body);
	}

	/**
	 * Assert that a JSON document has exactly the expected fields and values: no more
	 * (such as nulls for absent fields), no fewer, in any order.
	 */
	public static void assertJsonEquals(String actual, String expected) {
		try {
			JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
		}
		catch (JSONException ex) {
			throw new AssertionError("Not JSON: " + actual, ex);
		}
	}

	/**
	 * Read one of the example payloads of DigitalOcean's OpenAPI description.
	 */
	public static String payload(String name) {
		try (InputStream in = StubbedFunctionsApi.class.getResourceAsStream("/payloads/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No payload " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static OpenApiContract.HttpExchange exchange(LoggedRequest request, @Nullable LoggedResponse response) {
		String url = request.getUrl();
		int query = url.indexOf('?');
		return new OpenApiContract.HttpExchange(request.getMethod().getName(),
				(query >= 0) ? url.substring(0, query) : url, (query >= 0) ? url.substring(query + 1) : null,
				headers(request.getHeaders()), (request.getBody() != null) ? request.getBody() : new byte[0],
				(response != null) ? response.getStatus() : 0,
				(response != null) ? headers(response.getHeaders()) : Map.of(),
				(response != null && response.getBody() != null) ? response.getBody() : new byte[0]);
	}

	private static Map<String, List<String>> headers(@Nullable HttpHeaders headers) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		if (headers != null) {
			for (HttpHeader header : headers.all()) {
				map.put(header.key(), header.values());
			}
		}
		return map;
	}

}
