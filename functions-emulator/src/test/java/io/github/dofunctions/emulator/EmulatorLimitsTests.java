package io.github.dofunctions.emulator;

import java.util.Map;

import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the emulator does at its edges: a request body over the limit, a port already in
 * use, an emulator bound to every address. (Not checked against the API descriptions:
 * neither documents a 413.)
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
		String label = "x".repeat(1024 * 1024 - "{\"region\": \"nyc1\", \"label\": \"\"}".length());

		RawClient.Answer answer = new RawClient(emulator.get()).send("POST", "/v2/functions/namespaces",
				"{\"region\": \"nyc1\", \"label\": \"" + label + "\"}");

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
	void boundToEveryAddressItGivesTheLoopbackAddressAsApiHost() {
		try (FunctionsEmulator everywhere = FunctionsEmulator.builder().host("0.0.0.0").port(0).build().start()) {
			EmulatedNamespace namespace = everywhere.state().addNamespace("nyc1", "jobs");

			assertThat(everywhere.baseUrl()).isEqualTo("http://127.0.0.1:" + everywhere.port());
			assertThat(namespace.apiHost()).isEqualTo(everywhere.baseUrl());
			assertThat(new RawClient(everywhere).send("GET", "/v2/functions/namespaces", null).status()).isEqualTo(200);
		}
	}

}
