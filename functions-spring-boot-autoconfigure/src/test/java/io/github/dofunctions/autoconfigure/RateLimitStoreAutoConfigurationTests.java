package io.github.dofunctions.autoconfigure;

import java.util.Map;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FallbackBudgetStore;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.LocalBudgetStore;
import io.github.dofunctions.test.RedisServerExtension;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the rate-limit budget is kept: in the application by default, in Redis with
 * {@code do.functions.rate-limit.store=redis}, through Spring Boot's Redis connection to
 * a real server; and what start-up says when that cannot work.
 */
class RateLimitStoreAutoConfigurationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, FunctionsAutoConfiguration.class,
				FunctionsRedisBudgetStoreAutoConfiguration.class, FunctionsMetricsAutoConfiguration.class,
				FunctionsHealthAutoConfiguration.class))
		.withPropertyValues("do.functions.token=t", "do.functions.base-url=" + api.baseUrl(),
				"spring.data.redis.port=" + redis.port());

	@Test
	void budgetIsLocalByDefaultForTheApiAndTheFunctions() {
		this.contextRunner.run((context) -> {
			BudgetStore store = context.getBean(BudgetStore.class);
			assertThat(store).isInstanceOf(LocalBudgetStore.class);
			assertThat(context.getBean(FunctionsResilience.class).budgetStore()).isSameAs(store);
			assertThat(context.getBean(InvocationSettings.class).resilience("fn-1").budgetStore()).isSameAs(store);
		});
	}

	@Test
	void withoutSpringDataRedisTheBudgetIsLocalAndNoRedisClassIsNeeded() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withConfiguration(AutoConfigurations.of(FunctionsAutoConfiguration.class,
					FunctionsRedisBudgetStoreAutoConfiguration.class, FunctionsMetricsAutoConfiguration.class,
					FunctionsHealthAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(BudgetStore.class)).isInstanceOf(LocalBudgetStore.class));
	}

	@Test
	void redisStoreKeepsTheBudgetInRedisKeyedByAHashOfTheToken() {
		api.server().stubFor(get("/v2/functions/namespaces/fn-1").willReturn(json(200, payload("namespace.json"))));
		this.contextRunner.withPropertyValues("do.functions.rate-limit.store=redis").run((context) -> {
			BudgetStore store = context.getBean(BudgetStore.class);
			assertThat(store).isInstanceOf(FallbackBudgetStore.class);
			assertThat(context.getBean(InvocationSettings.class).resilience("fn-1").budgetStore()).isSameAs(store);

			context.getBean(FunctionsOperations.class).getNamespace("fn-1").block();

			assertThat(redis.template().keys("do-functions:budget:*").collectList().block()).singleElement()
				.asString()
				.matches("do-functions:budget:token:[0-9a-f]{32}");
			Health health = context.getBean(FunctionsHealthIndicator.class).health();
			assertThat(health.getDetails()).containsEntry("rateLimitStore", Map.of("shared", true));
		});
	}

	@Test
	void callsGoOnWhenRedisIsDownAndHealthSaysTheBudgetIsLocal() {
		api.server().stubFor(get("/v2/functions/namespaces/fn-1").willReturn(json(200, payload("namespace.json"))));
		this.contextRunner.withPropertyValues("do.functions.rate-limit.store=redis").run((context) -> {
			FunctionsOperations functions = context.getBean(FunctionsOperations.class);
			redis.stop();
			try {
				assertThat(functions.getNamespace("fn-1").block()).isNotNull();
				Health health = context.getBean(FunctionsHealthIndicator.class).health();
				assertThat(health.getStatus().getCode()).isEqualTo("UP");
				assertThat((Map<String, Object>) health.getDetails().get("rateLimitStore"))
					.containsEntry("shared", false)
					.containsKey("localSince");
			}
			finally {
				redis.start();
			}
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "do.functions.rate-limit.requests-per-minute, 0, must be at least 1",
			"do.functions.invocation.requests-per-minute, -5, must be at least 1",
			"do.functions.retry.max-rate-limit-wait, -1s, must not be negative" })
	void impossibleBudgetFailsStartUpNamingTheProperty(String property, String value, String reason) {
		// The whole report, as a user sees it, is checked in
		// ConfigurationFailureAnalysisTests.
		this.contextRunner.withPropertyValues(property + "=" + value)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("'" + property.substring("do.functions.".length()) + "'")
				.hasMessageContaining(reason));
	}

	@Test
	void redisStoreWithoutSpringDataRedisFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("do.functions.rate-limit.store=redis")
			.withClassLoader(new FilteredClassLoader(ReactiveStringRedisTemplate.class))
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("do.functions.rate-limit.store")
				.hasMessageContaining("spring-boot-starter-data-redis-reactive"));
	}

	@Test
	void redisStoreWithoutARedisConnectionFailsStartUpNamingTheProperty() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FunctionsAutoConfiguration.class,
					FunctionsRedisBudgetStoreAutoConfiguration.class, FunctionsMetricsAutoConfiguration.class,
					FunctionsHealthAutoConfiguration.class))
			.withPropertyValues("do.functions.token=t", "do.functions.rate-limit.store=redis")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("do.functions.rate-limit.store")
				.hasMessageContaining("reactive Redis connection"));
	}

	@Test
	void fallbackShareOutsideItsRangeFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("do.functions.rate-limit.store=redis", "do.functions.rate-limit.fallback-share=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("'rate-limit.fallback-share'")
				.hasMessageContaining("must be above 0 and at most 1"));
	}

}
