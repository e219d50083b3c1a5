package io.github.dofunctions.autoconfigure;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Each configuration mistake, as a user meets it: a real application that fails to start
 * and prints Spring Boot's "APPLICATION FAILED TO START" report naming the property, the
 * value and the reason, with an action, and no stack trace to dig through.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailureAnalysisTests {

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, FunctionsAutoConfiguration.class,
			FunctionsRedisBudgetStoreAutoConfiguration.class, FunctionsMetricsAutoConfiguration.class,
			FunctionsHealthAutoConfiguration.class })
	static class Application {

	}

	static Stream<Arguments> mistakes() {
		return Stream.of(
				Arguments.of("do.functions.base-url=http://api.example.com", "do.functions.base-url",
						"uses plain http to a host that is not loopback"),
				Arguments.of("do.functions.base-url=https://exa mple.com", "do.functions.base-url",
						"is not a valid URL"),
				Arguments.of("do.functions.base-url=api.digitalocean.com", "do.functions.base-url",
						"must be an absolute http or https URL"),
				Arguments.of("do.functions.base-url=https://api.digitalocean.com/v2", "do.functions.base-url",
						"must not end with /v2"),
				Arguments.of("do.functions.user-agent=app/1\r\nX-Injected: yes", "do.functions.user-agent",
						"must contain only visible ASCII characters and spaces"),
				Arguments.of("do.functions.invocation.namespace-id=reports", "do.functions.invocation.namespace-id",
						"must be a namespace id, fn-<uuid>"),
				Arguments.of("do.functions.connect-timeout=-1s", "do.functions.connect-timeout", "must be positive"),
				Arguments.of("do.functions.response-timeout=-5s", "do.functions.response-timeout", "must be positive"),
				Arguments.of("do.functions.call-timeout=0s", "do.functions.call-timeout", "must be positive"),
				Arguments.of("do.functions.max-response-size=0B", "do.functions.max-response-size", "must be positive"),
				Arguments.of("do.functions.retry.max-attempts=0", "do.functions.retry.max-attempts",
						"must be at least 1"),
				Arguments.of("do.functions.retry.initial-backoff=0s", "do.functions.retry.initial-backoff",
						"must be positive"),
				Arguments.of("do.functions.retry.multiplier=0.5", "do.functions.retry.multiplier",
						"must be at least 1"),
				Arguments.of("do.functions.retry.max-backoff=100ms", "do.functions.retry.max-backoff",
						"must not be below do.functions.retry.initial-backoff"),
				Arguments.of("do.functions.retry.max-rate-limit-wait=-1s", "do.functions.retry.max-rate-limit-wait",
						"must not be negative"),
				Arguments.of("do.functions.circuit-breaker.failure-rate-threshold=0",
						"do.functions.circuit-breaker.failure-rate-threshold", "percentage above 0 and at most 100"),
				Arguments.of("do.functions.circuit-breaker.failure-rate-threshold=150",
						"do.functions.circuit-breaker.failure-rate-threshold", "percentage above 0 and at most 100"),
				Arguments.of("do.functions.circuit-breaker.sliding-window-size=0",
						"do.functions.circuit-breaker.sliding-window-size", "must be at least 1"),
				Arguments.of("do.functions.circuit-breaker.minimum-number-of-calls=0",
						"do.functions.circuit-breaker.minimum-number-of-calls", "must be at least 1"),
				Arguments.of("do.functions.circuit-breaker.wait-duration-in-open-state=0s",
						"do.functions.circuit-breaker.wait-duration-in-open-state", "must be positive"),
				Arguments.of("do.functions.circuit-breaker.permitted-number-of-calls-in-half-open-state=0",
						"do.functions.circuit-breaker.permitted-number-of-calls-in-half-open-state",
						"must be at least 1"),
				Arguments.of("do.functions.rate-limit.requests-per-minute=0",
						"do.functions.rate-limit.requests-per-minute", "must be at least 1"),
				Arguments.of("do.functions.rate-limit.fallback-share=1.5", "do.functions.rate-limit.fallback-share",
						"must be above 0 and at most 1"),
				Arguments.of("do.functions.invocation.deadline=0s", "do.functions.invocation.deadline",
						"must be positive"),
				Arguments.of("do.functions.invocation.response-timeout=-1s", "do.functions.invocation.response-timeout",
						"must be positive"),
				Arguments.of("do.functions.invocation.max-response-size=0B",
						"do.functions.invocation.max-response-size", "must be positive"),
				Arguments.of("do.functions.invocation.poll-interval=0s", "do.functions.invocation.poll-interval",
						"must be at least 1ms"),
				Arguments.of("do.functions.invocation.max-poll-interval=1ms",
						"do.functions.invocation.max-poll-interval",
						"must not be below do.functions.invocation.poll-interval"),
				Arguments.of("do.functions.invocation.requests-per-minute=0",
						"do.functions.invocation.requests-per-minute", "must be at least 1"),
				Arguments.of("do.functions.invocation.max-concurrency=0", "do.functions.invocation.max-concurrency",
						"must be at least 1"),
				Arguments.of("do.functions.invocation.managed-key.lifetime=90m",
						"do.functions.invocation.managed-key.lifetime", "whole number of hours"),
				Arguments.of("do.functions.invocation.managed-key.renew-before=2d",
						"do.functions.invocation.managed-key.renew-before", "shorter than"),
				Arguments.of("do.functions.invocation.managed-key.name-prefix=my keys",
						"do.functions.invocation.managed-key.name-prefix", "name-prefix"),
				Arguments.of("do.functions.invocation.access-key-id=dof_v1_1",
						"do.functions.invocation.access-key-secret", "must be set too"),
				Arguments.of("do.functions.rate-limit.store=redis", "do.functions.rate-limit.store",
						"needs a reactive Redis connection"),
				Arguments.of("do.functions.rate-limit.store=memcached", "do.functions.rate-limit.store", "LOCAL"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void failsToStartNamingThePropertyWithoutAStackTrace(String mistake, String property, String reason,
			CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("do.functions.token=dop_v1_test", mistake));

		assertThat(output).contains("APPLICATION FAILED TO START", property, reason, "Action:")
			.doesNotContain("Caused by", "\tat ");
	}

	@Test
	void everyWrongPropertyIsReportedAtOnce(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start("do.functions.token=dop_v1_test", "do.functions.retry.max-attempts=0",
					"do.functions.connect-timeout=-1s", "do.functions.invocation.max-concurrency=0"));

		assertThat(output).contains("do.functions.retry.max-attempts", "do.functions.connect-timeout",
				"do.functions.invocation.max-concurrency");
	}

	@Test
	void aTypoUnderThePrefixIsRefusedNamingTheNearestPropertyAndNotTheValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("do.functions.tokn=dop_v1_SECRET",
				"do.functions.retry.max-atempts=3", "do.functions.circuit-breakr.enabled=false"));

		assertThat(output)
			.contains("APPLICATION FAILED TO START",
					"do.functions.tokn is not a property of this starter (set in \"do.functions.tokn\" from property "
							+ "source \"defaultProperties\")",
					"did you mean do.functions.token?",
					"do.functions.retry.max-atempts is not a property of this starter",
					"did you mean do.functions.retry.max-attempts?", "do.functions.circuit-breakr.enabled",
					"did you mean do.functions.circuit-breaker.enabled?", "Action:")
			.doesNotContain("dop_v1_SECRET", "Caused by", "\tat ");
	}

	@Test
	void aTypoInAYamlFileIsReportedWithItsLine(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("spring.config.location=classpath:typo.yml"));

		assertThat(output).contains(
				"do.functions.retry.max-atempts is not a property of this starter "
						+ "(set in class path resource [typo.yml] - 5:",
				"did you mean do.functions.retry.max-attempts?");
	}

	@Test
	void aNameFarFromEveryPropertyPointsToTheReference(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("do.functions.token=dop_v1_test", "do.functions.colour=blue"));

		assertThat(output).contains("do.functions.colour is not a property of this starter",
				"listed in the configuration reference");
	}

	@Test
	void switchingOnAnEmulatorThatIsNotThereIsRefused(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start("do.functions.token=dop_v1_test", "do.functions.emulator.enabled=true"));

		assertThat(output).contains("APPLICATION FAILED TO START",
				"do.functions.emulator.enabled is true, but the emulator (io.github.dofunctions:functions-emulator) "
						+ "is not on the class path: the client would call DigitalOcean instead");
	}

	@Test
	void relaxedFormsOfAPropertyAreNoTypo() {
		start("do.functions.token=dop_v1_test", "do.functions.retry.maxAttempts=3",
				"do.functions.circuit_breaker.wait_duration_in_open_state=10s", "DO.FUNCTIONS.CALL-TIMEOUT=1m")
			.close();
	}

	@Test
	void theEmulatorsPropertiesAreLeftToItWhenItIsNotThere() {
		start("do.functions.token=dop_v1_test", "do.functions.emulator.enabled=false",
				"do.functions.emulator.namespaces.fn-a.label=a")
			.close();
	}

	@Test
	void anUnresolvedPlaceholderForTheTokenIsNoToken(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("do.functions.token=${NO_SUCH_VARIABLE_FOR_THIS_TEST}"));

		assertThat(output)
			.contains("APPLICATION FAILED TO START", "needs an API token",
					"'do.functions.token' is ${NO_SUCH_VARIABLE_FOR_THIS_TEST}, a placeholder", "DIGITALOCEAN_TOKEN")
			.doesNotContain("Caused by");
	}

	@Test
	void aTokenWithWhiteSpaceInsideIsRefusedWithoutShowingIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("do.functions.token=dop_v1_SECRET part"));

		assertThat(output).contains("APPLICATION FAILED TO START", "do.functions.token", "must not contain white space")
			.doesNotContain("dop_v1_SECRET", "Caused by");
	}

	@Test
	void aTokenEndingWithALineBreakIsUsedWithoutIt() {
		try (ConfigurableApplicationContext context = start("do.functions.token=dop_v1_test\n")) {
			assertThat(context.getBean(FunctionsConnectionDetails.class).getToken()).isEqualTo("dop_v1_test");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://user:PASSW0RD@example.com", "https://user:PASSW0RD secret@example.com",
			"https://user:PASSW0RD@bad_host", "https://example.com/?key=PASSW0RD",
			"https://user:PASSW0RD#x@example.com" })
	void aBaseUrlWithCredentialsOrAQueryIsReportedWithoutThem(String baseUrl, CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start("do.functions.token=dop_v1_test", "do.functions.base-url=" + baseUrl));

		assertThat(output).contains("APPLICATION FAILED TO START", "do.functions.base-url", "******")
			.doesNotContain("PASSW0RD");
	}

	@Test
	void aTokenWithANoBreakSpaceIsRefusedWithoutShowingIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("do.functions.token=dop_v1_SECRET\u00a0"));

		assertThat(output).contains("APPLICATION FAILED TO START", "do.functions.token", "must not contain white space")
			.doesNotContain("dop_v1_SECRET", "Caused by");
	}

	@Test
	void aBlankTokenIsNoToken(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("do.functions.token=   "));

		assertThat(output).contains("APPLICATION FAILED TO START", "needs an API token").doesNotContain("Caused by");
	}

	@Test
	void aValidConfigurationStarts() {
		start("do.functions.token=dop_v1_test", "do.functions.base-url=http://127.0.0.1:1",
				"do.functions.retry.enabled=false", "do.functions.retry.max-attempts=0")
			.close();
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=off",
					"logging.level.org.springframework.boot.diagnostics=error")
			.properties(properties)
			.run();
	}

}
