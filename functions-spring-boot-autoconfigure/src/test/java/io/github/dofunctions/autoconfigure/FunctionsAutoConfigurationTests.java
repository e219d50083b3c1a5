package io.github.dofunctions.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.autoconfigure.endpoint.FunctionsEndpointAutoConfiguration;
import io.github.dofunctions.autoconfigure.provisioning.FunctionsProvisioningAutoConfiguration;
import io.github.dofunctions.autoconfigure.web.FunctionsProblemDetailsAutoConfiguration;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.error.FunctionsBadRequestException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.test.StubbedFunctionsApi;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.dofunctions.test.StubbedFunctionsApi.assertJsonEquals;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link FunctionsAutoConfiguration}.
 */
class FunctionsAutoConfigurationTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String UNAVAILABLE = "{\"id\": \"server_error\", \"message\": \"Unexpected server-side error\"}";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, FunctionsAutoConfiguration.class,
				FunctionsRedisBudgetStoreAutoConfiguration.class, FunctionsMetricsAutoConfiguration.class,
				FunctionsHealthAutoConfiguration.class));

	@Test
	void shouldProvideOperationsWhenATokenIsSet() {
		this.contextRunner.withPropertyValues("do.functions.token=dop_v1_abc").run((context) -> {
			assertThat(context).hasSingleBean(FunctionsOperations.class);
			assertThat(context).hasSingleBean(FunctionsTemplate.class);
			assertThat(context).hasSingleBean(PropertiesFunctionsConnectionDetails.class);
			assertThat(context.getBean(FunctionsTemplate.class))
				.hasToString("FunctionsTemplate[baseUrl=https://api.digitalocean.com]");
		});
	}

	@Test
	void shouldRegisterNothingWhenDisabled() {
		this.contextRunner.withPropertyValues("do.functions.enabled=false", "do.functions.rate-limit.store=redis")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(FunctionsOperations.class);
				assertThat(context).doesNotHaveBean(FunctionsConnectionDetails.class);
				assertThat(context).doesNotHaveBean(FunctionsProperties.class);
				assertThat(context).doesNotHaveBean(BudgetStore.class);
				assertThat(context).doesNotHaveBean(FunctionsHealthIndicator.class);
			});
	}

	@Test
	void shouldListEachAutoConfigurationForSpringBootToFind() {
		List<String> listed = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).forEach(listed::add);

		assertThat(listed).filteredOn((name) -> name.startsWith("io.github.dofunctions."))
			.containsExactly(FunctionsRedisBudgetStoreAutoConfiguration.class.getName(),
					FunctionsAutoConfiguration.class.getName(), FunctionsProvisioningAutoConfiguration.class.getName(),
					FunctionsMetricsAutoConfiguration.class.getName(), FunctionsHealthAutoConfiguration.class.getName(),
					FunctionsProblemDetailsAutoConfiguration.class.getName(),
					FunctionsEndpointAutoConfiguration.class.getName());
	}

	@Test
	void shouldRegisterNothingWithoutWebClient() {
		this.contextRunner.withPropertyValues("do.functions.token=dop_v1_abc")
			.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive.function.client"))
			.run((context) -> assertThat(context).doesNotHaveBean(FunctionsOperations.class));
	}

	@Test
	void shouldBackOffWhenUserDefinesOperations() {
		FunctionsOperations own = mock(FunctionsOperations.class);
		this.contextRunner.withBean(FunctionsOperations.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(FunctionsOperations.class);
			assertThat(context.getBean(FunctionsOperations.class)).isSameAs(own);
		});
	}

	@Test
	void shouldUseConnectionDetailsDefinedByTheUser() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, payload("namespaces.json"))));
		this.contextRunner.withPropertyValues("do.functions.token=from-properties")
			.withBean(FunctionsConnectionDetails.class, () -> new FixedConnectionDetails(api.baseUrl(), "from-bean"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesFunctionsConnectionDetails.class);
				StepVerifier.create(context.getBean(FunctionsOperations.class).listNamespaces())
					.expectNextCount(2)
					.verifyComplete();
				assertThat(api.onlyRequest().getHeader("Authorization")).isEqualTo("Bearer from-bean");
			});
	}

	@Test
	void shouldReadTheTokenFromTheEnvironmentVariableWhenThePropertyIsUnset() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, payload("namespaces.json"))));
		this.contextRunner
			.withPropertyValues("do.functions.base-url=" + api.baseUrl(), "DIGITALOCEAN_TOKEN=dop_v1_from_env")
			.run((context) -> {
				context.getBean(FunctionsOperations.class).listNamespaces().blockLast();
				assertThat(api.onlyRequest().getHeader("Authorization")).isEqualTo("Bearer dop_v1_from_env");
			});
	}

	@Test
	void shouldPreferThePropertyOverTheEnvironmentVariable() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, payload("namespaces.json"))));
		this.contextRunner
			.withPropertyValues("do.functions.base-url=" + api.baseUrl(), "do.functions.token=dop_v1_from_property",
					"DIGITALOCEAN_TOKEN=dop_v1_from_env")
			.run((context) -> {
				context.getBean(FunctionsOperations.class).listNamespaces().blockLast();
				assertThat(api.onlyRequest().getHeader("Authorization")).isEqualTo("Bearer dop_v1_from_property");
			});
	}

	@Test
	void shouldFailToStartWithoutATokenAndSayWhatToSet() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingFunctionsTokenException.class);
			FailureAnalysis analysis = new MissingFunctionsTokenFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("needs an API token");
			assertThat(analysis.getAction()).contains("do.functions.token", "DIGITALOCEAN_TOKEN",
					"do.functions.enabled=false");
		});
	}

	@Test
	void failureAnalyzerIsRegistered() {
		// Boot's own analyzers need a bean factory to be built; only ours matters here.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, (factoryType, factoryImplementationName, failure) -> {
			})).hasAtLeastOneElementOfType(MissingFunctionsTokenFailureAnalyzer.class);
	}

	@Test
	void shouldRefusePlainHttpToARemoteHostAndSayWhy() {
		this.contextRunner
			.withPropertyValues("do.functions.token=dop_v1_abc", "do.functions.base-url=http://api.digitalocean.com")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(BindValidationException.class)
					.hasMessageContaining("'base-url'")
					.hasMessageContaining("http://api.digitalocean.com")
					.hasMessageContaining("the API token would cross the network unencrypted");
			});
	}

	@Test
	void shouldApplyCustomizersInOrderAfterTheApplicationsWebClientCustomizers() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, payload("namespaces.json"))));
		this.contextRunner.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl())
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> {
				context.getBean(FunctionsOperations.class).listNamespaces().blockLast();
				assertThat(api.onlyRequest().getHeaders().getHeader("X-Customized").values())
					.containsExactly("application", "first", "second");
			});
	}

	@Test
	void shouldReadAndWriteJsonTheSameWhateverTheApplicationsJacksonSettings() {
		api.allowOffContractAnswers();
		api.server().stubFor(post("/v2/functions/namespaces/fn-1/triggers").willReturn(json(200, """
				{"trigger": {"name": "t", "function": "f", "is_enabled": true, "added_later": 1,
				 "scheduled_details": {"cron": "* * * * *"}}}
				""")));
		this.contextRunner
			.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl(),
					"spring.jackson.deserialization.fail-on-unknown-properties=true",
					"spring.jackson.property-naming-strategy=UPPER_CAMEL_CASE",
					"spring.jackson.default-property-inclusion=always")
			.run((context) -> {
				StepVerifier
					.create(context.getBean(FunctionsOperations.class)
						.createTrigger("fn-1", CreateTriggerRequest.scheduled("t", "f", "* * * * *")))
					.assertNext((trigger) -> {
						assertThat(trigger.isEnabled()).isTrue();
						assertThat(trigger.scheduledDetails().cron()).isEqualTo("* * * * *");
					})
					.verifyComplete();
				assertJsonEquals(api.onlyRequest().getBodyAsString(), """
						{"name": "t", "function": "f", "type": "SCHEDULED", "is_enabled": true,
						 "scheduled_details": {"cron": "* * * * *"}}
						""");
				JsonMapper applicationMapper = context.getBean(JsonMapper.class);
				assertThat(applicationMapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
				assertThat(applicationMapper.serializationConfig().getPropertyNamingStrategy())
					.isInstanceOf(PropertyNamingStrategies.UpperCamelCaseStrategy.class);
			});
	}

	@Test
	void shouldApplyTheResponseTimeout() {
		api.server()
			.stubFor(get("/v2/functions/namespaces")
				.willReturn(json(200, payload("namespaces.json")).withFixedDelay(5_000)));
		this.contextRunner
			.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl(),
					"do.functions.response-timeout=200ms", "do.functions.retry.enabled=false")
			.run((context) -> StepVerifier.create(context.getBean(FunctionsOperations.class).listNamespaces())
				.expectError(FunctionsTimeoutException.class)
				.verify(Duration.ofSeconds(4)));
	}

	@Test
	void shouldApplyTheMaximumResponseSize() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, payload("namespaces.json"))));
		this.contextRunner
			.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl(),
					"do.functions.max-response-size=64B")
			.run((context) -> StepVerifier.create(context.getBean(FunctionsOperations.class).listNamespaces())
				.verifyErrorMessage(
						"listNamespaces failed: 200: body is larger than the 64-byte limit (max-response-size)"));
	}

	@Test
	void shouldBindEveryProperty() {
		this.contextRunner
			.withPropertyValues("do.functions.token=dop_v1_bound_token",
					"do.functions.base-url=https://proxy.example.com", "do.functions.connect-timeout=3s",
					"do.functions.response-timeout=1m", "do.functions.user-agent=billing/1.0",
					"do.functions.max-response-size=2MB")
			.run((context) -> {
				FunctionsProperties properties = context.getBean(FunctionsProperties.class);
				assertThat(properties.getBaseUrl()).isEqualTo("https://proxy.example.com");
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.getUserAgent()).isEqualTo("billing/1.0");
				assertThat(properties.getMaxResponseSize()).isEqualTo(DataSize.ofMegabytes(2));
				FunctionsConnectionDetails details = context.getBean(FunctionsConnectionDetails.class);
				assertThat(details.getToken()).isEqualTo("dop_v1_bound_token");
				assertThat(details.toString()).doesNotContain("dop_v1_bound_token");
			});
	}

	@Test
	void shouldRetryAsConfigured() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(503, UNAVAILABLE)));
		this.contextRunner
			.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl(),
					"do.functions.retry.max-attempts=3", "do.functions.retry.initial-backoff=1ms",
					"do.functions.retry.max-backoff=2ms")
			.run((context) -> {
				StepVerifier.create(context.getBean(FunctionsOperations.class).listNamespaces())
					.expectError(FunctionsServerException.class)
					.verify();
				assertThat(api.requests()).hasSize(3);
			});
	}

	@Test
	void shouldMakeOneAttemptWhenRetryIsDisabled() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(503, UNAVAILABLE)));
		this.contextRunner
			.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl(),
					"do.functions.retry.enabled=false")
			.run((context) -> {
				StepVerifier.create(context.getBean(FunctionsOperations.class).listNamespaces())
					.expectError(FunctionsServerException.class)
					.verify();
				assertThat(api.requests()).hasSize(1);
			});
	}

	@Test
	void shouldCreateTheCircuitBreakerFromProperties() {
		this.contextRunner
			.withPropertyValues("do.functions.token=t", "do.functions.circuit-breaker.failure-rate-threshold=25",
					"do.functions.circuit-breaker.sliding-window-size=40",
					"do.functions.circuit-breaker.minimum-number-of-calls=8",
					"do.functions.circuit-breaker.wait-duration-in-open-state=45s",
					"do.functions.circuit-breaker.permitted-number-of-calls-in-half-open-state=4")
			.run((context) -> {
				CircuitBreaker breaker = context.getBean(FunctionsResilience.class).circuitBreaker();
				assertThat(breaker.getName()).isEqualTo("do-functions");
				CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
				assertThat(config.getFailureRateThreshold()).isEqualTo(25);
				assertThat(config.getSlidingWindowSize()).isEqualTo(40);
				assertThat(config.getMinimumNumberOfCalls()).isEqualTo(8);
				assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(4);
				assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(45_000);
				assertClassifiesOnlyOutagesAsFailures(config);
			});
	}

	@Test
	void shouldSendCallsThroughNoCircuitBreakerWhenDisabled() {
		this.contextRunner.withPropertyValues("do.functions.token=t", "do.functions.circuit-breaker.enabled=false")
			.run((context) -> assertThat(context.getBean(FunctionsResilience.class).circuitBreaker()).isNull());
	}

	@Test
	void shouldPutTheCircuitBreakerInTheApplicationsRegistry() {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		this.contextRunner.withPropertyValues("do.functions.token=t")
			.withBean(CircuitBreakerRegistry.class, () -> registry)
			.run((context) -> {
				assertThat(registry.find("do-functions")).isPresent();
				assertThat(registry.find("do-functions").get())
					.isSameAs(context.getBean(FunctionsResilience.class).circuitBreaker());
				assertClassifiesOnlyOutagesAsFailures(registry.find("do-functions").get().getCircuitBreakerConfig());
			});
	}

	@Test
	void shouldKeepThresholdsTheApplicationConfiguredButClassifyFailuresItself() {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		registry.circuitBreaker("do-functions", CircuitBreakerConfig.custom().slidingWindowSize(7).build());
		this.contextRunner.withPropertyValues("do.functions.token=t")
			.withBean(CircuitBreakerRegistry.class, () -> registry)
			.run((context) -> {
				CircuitBreaker breaker = registry.find("do-functions").get();
				assertThat(breaker).isSameAs(context.getBean(FunctionsResilience.class).circuitBreaker());
				assertThat(breaker.getCircuitBreakerConfig().getSlidingWindowSize()).isEqualTo(7);
				assertClassifiesOnlyOutagesAsFailures(breaker.getCircuitBreakerConfig());
			});
	}

	@Test
	void shouldBackOffWhenUserDefinesResilience() {
		FunctionsResilience own = FunctionsResilience.none();
		this.contextRunner.withPropertyValues("do.functions.token=t")
			.withBean(FunctionsResilience.class, () -> own)
			.run((context) -> assertThat(context.getBean(FunctionsResilience.class)).isSameAs(own));
	}

	private static void assertClassifiesOnlyOutagesAsFailures(CircuitBreakerConfig config) {
		assertThat(config.getRecordExceptionPredicate())
			.accepts(new FunctionsServerException("op", 503, null, null, null),
					new FunctionsTimeoutException("op", "late", new java.util.concurrent.TimeoutException()))
			.rejects(new FunctionsNotFoundException("op", "not_found", null, null),
					new FunctionsRateLimitException("op", "too_many_requests", null, null, null, null),
					new FunctionsBadRequestException("op", "bad_request", null, null));
	}

	record FixedConnectionDetails(String getBaseUrl, @Nullable String getToken) implements FunctionsConnectionDetails {

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		@Order(2)
		FunctionsWebClientCustomizer second() {
			return (builder) -> builder.defaultHeaders((headers) -> headers.add("X-Customized", "second"));
		}

		@Bean
		@Order(1)
		FunctionsWebClientCustomizer first() {
			return (builder) -> builder.defaultHeaders((headers) -> headers.add("X-Customized", "first"));
		}

		@Bean
		WebClientCustomizer applicationWide() {
			return (builder) -> builder.defaultHeaders((headers) -> headers.add("X-Customized", "application"));
		}

	}

}
