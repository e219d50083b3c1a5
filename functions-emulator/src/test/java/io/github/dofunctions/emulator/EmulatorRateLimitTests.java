package io.github.dofunctions.emulator;

import java.time.Duration;

import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits like DigitalOcean's, scaled: a burst over the per-"minute" limit gets a
 * {@code 429} with {@code retry-after}; a spent "hourly" budget gets a {@code 429}
 * without it; the headers count down on every answer.
 */
class EmulatorRateLimitTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = FunctionsEmulatorExtension.configured(
			(builder) -> builder.rateLimits(new RateLimits(3, 5, Duration.ofMinutes(10), Duration.ofHours(10))));

	@RegisterExtension
	final ContractCheck contract = new ContractCheck(emulator::get);

	private RawClient raw;

	@BeforeEach
	void setUp() {
		this.raw = new RawClient(emulator.get());
	}

	@Test
	void headersCountDownTheHourlyBudget() {
		RawClient.Answer first = this.raw.send("GET", "/v2/functions/namespaces", null);
		RawClient.Answer second = this.raw.send("GET", "/v2/functions/namespaces", null);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.remaining()).isEqualTo("4");
		assertThat(second.remaining()).isEqualTo("3");
		long reset = Long.parseLong(first.reset());
		assertThat(reset).as("oldest request expires an (emulated) hour after it was made")
			.isBetween(System.currentTimeMillis() / 1000 + Duration.ofHours(10).toSeconds() - 5,
					System.currentTimeMillis() / 1000 + Duration.ofHours(10).toSeconds() + 5);
		assertThat(second.reset()).isEqualTo(first.reset());
	}

	@Test
	void burstOverThePerMinuteLimitGetsRetryAfter() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.raw.send("GET", "/v2/functions/namespaces", null).status()).isEqualTo(200);
		}

		RawClient.Answer refused = this.raw.send("GET", "/v2/functions/namespaces", null);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.errorId()).isEqualTo("too_many_requests");
		assertThat(Long.parseLong(refused.retryAfter())).isBetween(590L, 600L);
		assertThat(refused.remaining()).as("refused requests are not counted").isEqualTo("2");
	}

	@Test
	void spentHourlyBudgetGetsNoRetryAfter() {
		FunctionsEmulator generous = FunctionsEmulator.builder()
			.rateLimits(new RateLimits(100, 2, Duration.ofMinutes(1), Duration.ofHours(1)))
			.build()
			.start();
		try {
			RawClient client = new RawClient(generous);
			client.send("GET", "/v2/functions/namespaces", null);
			RawClient.Answer last = client.send("GET", "/v2/functions/namespaces", null);
			assertThat(last.remaining()).isEqualTo("0");

			RawClient.Answer refused = client.send("GET", "/v2/functions/namespaces", null);

			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.retryAfter()).isNull();
			assertThat(refused.remaining()).isEqualTo("0");
			assertThat(refused.reset()).isEqualTo(last.reset());
		}
		finally {
			generous.stop();
		}
	}

	@Test
	void unauthenticatedRequestsAreNotCounted() {
		this.raw.send("GET", "/v2/functions/namespaces", null, "wrong");
		assertThat(this.raw.send("GET", "/v2/functions/namespaces", null).remaining()).isEqualTo("4");
	}

}
