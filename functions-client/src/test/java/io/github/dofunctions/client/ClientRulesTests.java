package io.github.dofunctions.client;

import java.time.Duration;

import io.github.dofunctions.client.model.ClientRules;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each rule of the client's settings is one function: it gives the reason, and the
 * builders throw that same reason after the setting's name.
 */
class ClientRulesTests {

	private static final String TOKEN = "dop_v1_0123456789abcdef";

	@Test
	void tokenIsOneWordAndItsReasonNeverShowsIt() {
		assertThat(ClientRules.token(TOKEN)).isNull();
		assertThat(ClientRules.token(" ")).isEqualTo("must not be null or blank");
		String reason = ClientRules.token(TOKEN + "\nsecret");

		assertThat(reason).startsWith("must not contain white space or control characters: it is sent in a header")
			.doesNotContain("secret", TOKEN);
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionsTemplate.builder().token(TOKEN + "\nsecret"))
			.withMessage("token " + reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u00a0", "\u200b", "\u2028", "\u3000", "\ufeff", "\u00e9" })
	void tokenWithInvisibleOrNonAsciiCharactersIsRefused(String character) {
		assertThat(ClientRules.token(TOKEN + character)).startsWith("must not contain white space or control")
			.doesNotContain(TOKEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://user:s3cret PW@api.example.com", "https://user:s3cret@bad_host",
			"https://user:s3cret/PW@api.example.com", "user:s3cret@api.example.com", "https://:s3cret@[::1",
			"https://admin:s3cret#PW@api.example.com", "https://admin:s3cret?PW@api.example.com",
			"http://admin:s3cret#@127.0.0.1", "http://admin:s3cret?PW@localhost" })
	void baseUrlCredentialsAreNeverRepeatedEvenWhenTheUrlDoesNotParse(String url) {
		assertThat(ClientRules.baseUrl(url)).contains("must not carry credentials").doesNotContain("s3cret", "PW");
		assertThat(ClientRules.redactedUrl(url)).contains("******@").doesNotContain("s3cret", "PW");
	}

	@Test
	void baseUrlReasonsShowNoQueryOrFragment() {
		assertThat(ClientRules.baseUrl("https://api.example.com/?token=s3cret")).contains("must not have a query")
			.contains("'https://api.example.com/?******'")
			.doesNotContain("s3cret");
		assertThat(ClientRules.baseUrl("http://api.example.com/#s3cret")).contains("plain http")
			.doesNotContain("s3cret");
		assertThat(ClientRules.baseUrl("https://exa mple.com/?key=s3cret")).contains("is not a valid URL")
			.doesNotContain("s3cret");
		assertThat(ClientRules.baseUrl("ftp://api.example.com?key=s3cret")).contains("absolute http or https")
			.doesNotContain("s3cret");
		assertThat(ClientRules.redactedUrl("https://api.example.com/base")).isEqualTo("https://api.example.com/base");
	}

	@Test
	void baseUrlIsHttpsOrLoopbackHttpWithoutCredentialsQueryOrApiPath() {
		assertThat(ClientRules.baseUrl("https://api.digitalocean.com")).isNull();
		assertThat(ClientRules.baseUrl("http://127.0.0.1:8080/")).isNull();
		assertThat(ClientRules.baseUrl("http://[::1]:8080")).isNull();
		assertThat(ClientRules.baseUrl("http://api.example.com"))
			.contains("uses plain http to a host that is not loopback");
		assertThat(ClientRules.baseUrl("https://user:PASSW0RD@api.example.com")).contains("must not carry credentials")
			.doesNotContain("PASSW0RD");
		assertThat(ClientRules.baseUrl("https://api.example.com?x=1")).contains("must not have a query");
		assertThat(ClientRules.baseUrl("https://api.digitalocean.com/v2")).endsWith("use https://api.digitalocean.com");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionsTemplate.builder().baseUrl("http://api.example.com"))
			.withMessage("baseUrl " + ClientRules.baseUrl("http://api.example.com"));
	}

	@Test
	void keyLifetimeIsWholeHoursAndRenewalComesBeforeExpiry() {
		assertThat(ClientRules.keyLifetime(Duration.ofHours(1))).isNull();
		assertThat(ClientRules.keyLifetime(Duration.ofMinutes(90)))
			.isEqualTo("PT1H30M must be a whole number of hours of at least 1h");
		assertThat(ClientRules.renewBefore(Duration.ofHours(1), Duration.ofDays(1))).isNull();
		assertThat(ClientRules.renewBefore(Duration.ofDays(1), Duration.ofDays(1)))
			.isEqualTo("PT24H must be positive and shorter than the lifetime PT24H");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateAccessKeyRequest.expiringAfter("k", Duration.ofMinutes(90)))
			.withMessage("lifetime " + ClientRules.keyLifetime(Duration.ofMinutes(90)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvocationSettings.builder().managedKeyLifetime(Duration.ofDays(1), Duration.ofDays(2)))
			.withMessage("renewBefore " + ClientRules.renewBefore(Duration.ofDays(2), Duration.ofDays(1)));
	}

	@Test
	void namesAndIdsFollowDigitalOceansForms() {
		assertThat(ClientRules.namespaceId("fn-b1a0e1e3-52b6-4d63-b36d-3c9a0e2d1f00")).isNull();
		assertThat(ClientRules.namespaceId("reports")).startsWith("must be a namespace id, fn-<uuid>");
		assertThat(ClientRules.managedKeyPrefix("do-functions")).isNull();
		assertThat(ClientRules.managedKeyPrefix("my keys"))
			.isEqualTo("'my keys' must be 1 to 32 letters, digits, '-' or '_'");
		assertThat(ClientRules.userAgent("billing/1.0")).isNull();
		assertThat(ClientRules.userAgent("billing/1.0\r\nX-Injected: yes"))
			.contains("must contain only visible ASCII characters and spaces");
		assertThat(ClientRules.userAgent("billing/1.0 (reports)")).isNull();
		assertThat(ClientRules.userAgent("billing/1.0\u2028X-Injected: yes"))
			.contains("must contain only visible ASCII characters and spaces");
		assertThat(ClientRules.userAgent("billing/1.0\u0085"))
			.contains("must contain only visible ASCII characters and spaces");
		assertThat(ClientRules.userAgent("facturación/1.0"))
			.contains("must contain only visible ASCII characters and spaces");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvocationSettings.builder().managedKeyName("my keys", null))
			.withMessage("managed key prefix " + ClientRules.managedKeyPrefix("my keys"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "hello", "reports/nightly", "my tools/say hello", "a", "_", "x@y.z&w-1", "a.",
			"name-of-256-characters" })
	void functionNamesAsOpenWhiskNamesEntities(String function) {
		String name = function.equals("name-of-256-characters") ? "n".repeat(256) : function;
		assertThat(ClientRules.functionName(name)).isNull();
		assertThat(ClientRules.triggerName(name.replace('/', '-'))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "-lead", "trailing ", "a/b/c", "a//b", "/a", "new\nline", "tab\there",
			"caf\u00e9", "name-of-257-characters" })
	void namesOpenWhiskRefusesAreRefused(String function) {
		String name = function.equals("name-of-257-characters") ? "n".repeat(257) : function;
		assertThat(ClientRules.functionName(name)).startsWith("must ");
		if (!name.contains("/")) {
			assertThat(ClientRules.triggerName(name)).startsWith("must have 1 to 256");
		}
	}

	@Test
	void aLabelIsAnyVisibleTextOfAtMost256Characters() {
		assertThat(ClientRules.label("My namespace (prod) – reports")).isNull();
		assertThat(ClientRules.label("l".repeat(256))).isNull();
		assertThat(ClientRules.label("l".repeat(257))).isEqualTo("must have at most 256 characters, not 257");
		assertThat(ClientRules.label("a\u0000b")).isEqualTo("must not contain control characters");
		assertThat(ClientRules.label(" ")).isEqualTo("must not be null or blank");
	}

}
