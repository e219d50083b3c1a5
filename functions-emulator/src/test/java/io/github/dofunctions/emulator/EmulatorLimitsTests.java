package io.github.dofunctions.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import io.github.dofunctions.test.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the emulator does at its edges: a request body over the limit, a port already in
 * use, a host that is no address, an emulator bound to every address. (Not checked
 * against the API descriptions: neither documents a 413.)
 */
class EmulatorLimitsTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = new FunctionsEmulatorExtension();

	@Test
	void aControlPlaneBodyOverOneMegabyteIsRefusedWith413AndNothingIsCreated() {
		String body = "{\"region\": \"nyc1\", \"label\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

		RawClient.Answer answer = new RawClient(emulator.get()).send("POST", "/v2/functions/namespaces", body);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.errorId()).isEqualTo("request_entity_too_large");
		assertThat(answer.message()).isEqualTo("Request larger than allowed: " + body.length() + " > 1048576 bytes.");
		assertThat(answer.requestId()).isNotBlank();
		assertThat(emulator.get().state().namespaces()).isEmpty();
		assertThat(emulator.get().journal().requests()).singleElement()
			.satisfies((request) -> assertThat(request.body()).isEmpty());
	}

	@Test
	void invocationParametersOverOneMegabyteAreRefusedAsOpenWhiskDoes() {
		emulator.get().registerFunction("hello", (call) -> Map.of("ok", true));
		String namespaceId = emulator.get().state().addNamespace("nyc1", "jobs").id();
		EmulatorState.CreatedAccessKey key = emulator.get().state().createAccessKey(namespaceId, "k", null);
		String parameters = "{\"data\": \"" + "x".repeat(1024 * 1024) + "\"}";

		RawClient.Answer answer = new RawClient(emulator.get()).sendToApiHost("POST",
				"/api/v1/namespaces/_/actions/hello?blocking=true", parameters, key.key().id(), key.secret());

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body().get("error").asString())
			.isEqualTo("Request larger than allowed: " + parameters.length() + " > 1048576 bytes.");
		assertThat(answer.body().has("code")).isTrue();
		assertThat(emulator.get().activations(namespaceId)).isEmpty();
	}

	@Test
	void aBodyOfExactlyOneMegabyteIsServed() {
		// A field DigitalOcean does not read carries the size: a label is at most 256
		// characters.
		String padding = "x"
			.repeat(1024 * 1024 - "{\"region\": \"nyc1\", \"label\": \"big\", \"padding\": \"\"}".length());

		RawClient.Answer answer = new RawClient(emulator.get()).send("POST", "/v2/functions/namespaces",
				"{\"region\": \"nyc1\", \"label\": \"big\", \"padding\": \"" + padding + "\"}");

		assertThat(answer.status()).isEqualTo(200);
	}

	@Test
	void aPortInUseIsOneClearSentence() {
		int port = emulator.get().port();
		FunctionsEmulator second = FunctionsEmulator.builder().port(port).build();

		assertThatIllegalStateException().isThrownBy(second::start)
			.withMessageStartingWith("Cannot listen on 127.0.0.1:" + port + ": the port is in use")
			.withMessageEndingWith("choose another port, or 0 for a free one");
		assertThat(second.isRunning()).isFalse();
	}

	@Test
	void anAddressThatIsNoneIsNotTakenForAPortInUse() {
		FunctionsEmulator invalid = FunctionsEmulator.builder().host("999.1.1.1").port(0).build();

		assertThatIllegalStateException().isThrownBy(invalid::start)
			.withMessageStartingWith(
					"Cannot listen on 999.1.1.1: the host is not an IP address or a name that resolves")
			.withMessageNotContaining("port is in use");
		assertThat(invalid.isRunning()).isFalse();
	}

	@Test
	void boundToEveryAddressItGivesTheLoopbackAddressAsApiHost() {
		try (FunctionsEmulator everywhere = FunctionsEmulator.builder().host("0.0.0.0").port(0).build().start()) {
			EmulatedNamespace namespace = everywhere.state().addNamespace("nyc1", "jobs");

			assertThat(everywhere.baseUrl()).isEqualTo("http://127.0.0.1:" + everywhere.port());
			assertThat(namespace.apiHost()).isEqualTo(everywhere.baseUrl());
			assertThat(new RawClient(everywhere).send("GET", "/v2/functions/namespaces", null).status()).isEqualTo(200);
		}
	}

	@Test
	void invocationsOverTheNamespacesMinuteAreRefusedWithOpenWhisksMessageCountingRefusals() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
		try (FunctionsEmulator limited = FunctionsEmulator.builder()
			.clock(clock)
			.invocationLimits(new InvocationLimits(3, 100))
			.build()
			.start()) {
			limited.registerFunction("hello", (call) -> Map.of("ok", true));
			Invoke invoke = invoker(limited);

			List<Integer> statuses = IntStream.range(0, 5).mapToObj((i) -> invoke.blocking().status()).toList();
			RawClient.Answer refused = invoke.blocking();
			clock.advance(Duration.ofMinutes(1));
			RawClient.Answer nextMinute = invoke.blocking();

			assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.body().get("error").asString())
				.isEqualTo("Too many requests in the last minute (count: 6, allowed: 3).");
			assertThat(refused.body().has("code")).isTrue();
			assertThat(nextMinute.status()).as("a new calendar minute").isEqualTo(200);
		}
	}

	@Test
	void activationsInFlightOverTheLimitAreRefusedUntilOneEnds() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		try (FunctionsEmulator limited = FunctionsEmulator.builder()
			.invocationLimits(new InvocationLimits(100, 2))
			.build()
			.start()) {
			limited.registerFunction("hold", (call) -> release.await(30, TimeUnit.SECONDS));
			Invoke invoke = invoker(limited);
			assertThat(invoke.nonBlocking().status()).isEqualTo(202);
			assertThat(invoke.nonBlocking().status()).isEqualTo(202);

			RawClient.Answer refused = invoke.nonBlocking();
			release.countDown();
			Awaitility.await().until(() -> limited.activations(invoke.namespaceId()).size() == 2);
			RawClient.Answer afterwards = invoke.nonBlocking();

			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.body().get("error").asString())
				.isEqualTo("Too many concurrent requests in flight (count: 3, allowed: 2).");
			assertThat(afterwards.status()).isEqualTo(202);
		}
	}

	@Test
	void theDefaultsAreDigitalOceansPerNamespaceLimits() {
		assertThat(InvocationLimits.digitalOcean()).isEqualTo(new InvocationLimits(600, 120));
	}

	private static Invoke invoker(FunctionsEmulator emulator) {
		String namespaceId = emulator.state().addNamespace("nyc1", "jobs").id();
		EmulatorState.CreatedAccessKey key = emulator.state().createAccessKey(namespaceId, "k", null);
		return new Invoke(new RawClient(emulator), namespaceId, key);
	}

	/**
	 * Invocations of one function with one namespace's key.
	 */
	private record Invoke(RawClient raw, String namespaceId, EmulatorState.CreatedAccessKey key) {

		RawClient.Answer blocking() {
			return send(true);
		}

		RawClient.Answer nonBlocking() {
			return send(false);
		}

		private RawClient.Answer send(boolean blocking) {
			String function = blocking ? "hello" : "hold";
			return this.raw.sendToApiHost("POST", "/api/v1/namespaces/_/actions/" + function + "?blocking=" + blocking,
					"{}", this.key.key().id(), this.key.secret());
		}

	}

}
