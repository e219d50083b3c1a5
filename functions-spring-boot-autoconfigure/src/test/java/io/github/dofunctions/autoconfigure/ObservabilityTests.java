package io.github.dofunctions.autoconfigure;

import java.util.List;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.test.StubbedFunctionsApi;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters and observations of an application with Micrometer: the documented names,
 * with low-cardinality tags and never an id.
 */
class ObservabilityTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NAMESPACE_ID = "fn-1d2b2c9e-8a7b-4c3d-9e8f-0a1b2c3d4e5f";

	static final String NAMESPACE = "/v2/functions/namespaces/" + NAMESPACE_ID;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
				ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				FunctionsAutoConfiguration.class, FunctionsRedisBudgetStoreAutoConfiguration.class,
				FunctionsMetricsAutoConfiguration.class, FunctionsHealthAutoConfiguration.class))
		.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl(),
				"do.functions.retry.initial-backoff=1ms", "do.functions.retry.max-backoff=2ms",
				"do.functions.rate-limit.enabled=false");

	private static void stubFirstThen(int firstStatus, String firstBody, String retryAfter) {
		api.stubSequence(() -> get(NAMESPACE), json(firstStatus, firstBody).withHeader("retry-after", retryAfter),
				json(200, payload("namespace.json")));
	}

	@Test
	void successfulCallIsTimedByOperationAndOutcomeAndItsRequestByUriTemplate() {
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json"))));
		this.contextRunner.run((context) -> {
			context.getBean(FunctionsOperations.class).getNamespace(NAMESPACE_ID).block();
			MeterRegistry meters = context.getBean(MeterRegistry.class);

			assertThat(meters.get("do.functions.client.calls")
				.tags("operation", "getNamespace", "method", "GET", "outcome", "SUCCESS", "error", "none")
				.timer()
				.count()).isEqualTo(1);
			assertThat(meters.get("http.client.requests")
				.tags("uri", "/v2/functions/namespaces/{namespace_id}", "method", "GET", "status", "200")
				.timer()
				.count()).isEqualTo(1);
			assertThat(meters.get("do.functions.client.rate-limit.limit").gauge().value()).isEqualTo(5000);
			assertThat(meters.get("do.functions.client.rate-limit.remaining").gauge().value()).isEqualTo(4816);
			assertThat(meters.get("do.functions.client.rate-limit.reset").gauge().value()).isZero();
			assertThat(meters.get("resilience4j.circuitbreaker.state")
				.tags("name", "do-functions", "state", "closed")
				.gauge()
				.value()).isEqualTo(1);
			assertNoIdInAnyTag(meters);
		});
	}

	@Test
	void invocationBreakerOfANamespaceIsPublishedWhenItsInvokerIsMade() {
		this.contextRunner.run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			String name = "do-functions-invocations-" + NAMESPACE_ID;
			assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", name).gauges()).isEmpty();

			context.getBean(FunctionsOperations.class).invoker(NAMESPACE_ID);

			assertThat(meters.get("resilience4j.circuitbreaker.state")
				.tags("name", name, "state", "closed")
				.gauge()
				.value()).isEqualTo(1);
		});
	}

	@Test
	void retriedServerErrorIsCountedByReason() {
		stubFirstThen(503, "{\"id\": \"server_error\", \"message\": \"Unexpected server-side error\"}", "0");
		this.contextRunner.run((context) -> {
			context.getBean(FunctionsOperations.class).getNamespace(NAMESPACE_ID).block();
			MeterRegistry meters = context.getBean(MeterRegistry.class);

			assertThat(meters.get("do.functions.client.retries")
				.tags("operation", "getNamespace", "reason", "server_error")
				.counter()
				.count()).isEqualTo(1);
			assertThat(meters.get("do.functions.client.calls").tags("outcome", "SUCCESS").timer().count()).isEqualTo(1);
			assertThat(meters.get("http.client.requests").tags("status", "503").timer().count()).isEqualTo(1);
			assertNoIdInAnyTag(meters);
		});
	}

	@Test
	void rateLimitAnswerIsCountedAndItsRetryTooAndAFinalOneTagsTheCall() {
		stubFirstThen(429, "{\"id\": \"too_many_requests\", \"message\": \"API rate limit exceeded.\"}", "0");
		api.server()
			.stubFor(get("/v2/functions/namespaces/fn-other")
				.willReturn(json(429, "{\"id\": \"too_many_requests\", \"message\": \"API rate limit exceeded.\"}")
					.withHeader("retry-after", "3600")));
		this.contextRunner.run((context) -> {
			FunctionsOperations functions = context.getBean(FunctionsOperations.class);
			functions.getNamespace(NAMESPACE_ID).block();
			StepVerifier.create(functions.getNamespace("fn-other"))
				.expectError(FunctionsRateLimitException.class)
				.verify();
			MeterRegistry meters = context.getBean(MeterRegistry.class);

			assertThat(
					meters.get("do.functions.client.rate-limited").tags("operation", "getNamespace").counter().count())
				.isEqualTo(2);
			assertThat(meters.get("do.functions.client.retries").tags("reason", "rate_limit").counter().count())
				.isEqualTo(1);
			assertThat(meters.get("do.functions.client.calls")
				.tags("outcome", "RATE_LIMITED", "error", "FunctionsRateLimitException")
				.timer()
				.count()).isEqualTo(1);
			assertNoIdInAnyTag(meters);
		});
	}

	@Test
	void eachCallIsAnObservationWithLowCardinalityKeys() {
		api.server().stubFor(get(NAMESPACE).willReturn(json(200, payload("namespace.json"))));
		TestObservationRegistry observations = TestObservationRegistry.create();
		FunctionsTemplate template = api.templateBuilder().observationRegistry(observations).build();

		template.getNamespace(NAMESPACE_ID).block();

		TestObservationRegistryAssert.assertThat(observations)
			.hasObservationWithNameEqualTo("do.functions.client.calls")
			.that()
			.hasContextualNameEqualTo("do-functions getNamespace")
			.hasLowCardinalityKeyValue("operation", "getNamespace")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.doesNotHaveError()
			.hasBeenStopped();
		TestObservationRegistryAssert.assertThat(observations)
			.hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasLowCardinalityKeyValue("uri", "/v2/functions/namespaces/{namespace_id}")
			.hasParentObservationContextMatching((parent) -> "do.functions.client.calls".equals(parent.getName()));
	}

	@Test
	void clientWithoutMicrometerNeedsNoRegistry() {
		api.server().stubFor(get(NAMESPACE).willReturn(aResponse().withStatus(204)));
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
							FunctionsAutoConfiguration.class, FunctionsRedisBudgetStoreAutoConfiguration.class,
							FunctionsMetricsAutoConfiguration.class, FunctionsHealthAutoConfiguration.class))
			.withPropertyValues("do.functions.token=t")
			.run((context) -> {
				assertThat(context).hasSingleBean(FunctionsOperations.class);
				assertThat(context).doesNotHaveBean(FunctionsClientMetrics.class);
			});
	}

	private static void assertNoIdInAnyTag(MeterRegistry meters) {
		List<String> values = meters.getMeters()
			.stream()
			.map(Meter::getId)
			.flatMap((id) -> id.getTags().stream())
			.map(Tag::getValue)
			.toList();
		assertThat(values).isNotEmpty().noneMatch((value) -> value.contains("fn-") || value.contains(NAMESPACE_ID));
	}

}
