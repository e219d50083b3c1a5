package io.github.dofunctions.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.dofunctions.client.FunctionInvoker;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.error.FunctionsUnauthorizedException;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import io.github.dofunctions.test.VerboseLogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Invocations against the emulator with the HTTP stack at TRACE and Spring's logging of
 * request details on: the namespace key, the secrets of a configured access key and of
 * the key the client made for itself, and the Basic credentials built from them stay out
 * of the log, of exception messages, of {@code toString()} and of the emulator's journal.
 */
class EmulatorInvocationSecretsTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = new FunctionsEmulatorExtension();

	@RegisterExtension
	final VerboseLogCapture log = new VerboseLogCapture();

	@Test
	void invocationCycleLeaksNoCredential() {
		emulator.get().registerFunction("hello", (call) -> Map.of("greeting", "hi"));
		emulator.get().registerFunction("fail", (call) -> {
			throw new IllegalStateException("boom");
		});
		WebClient.Builder verbose = WebClient.builder()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true));
		FunctionsTemplate template = FunctionsTemplate.builder()
			.baseUrl(emulator.get().baseUrl())
			.token(emulator.get().token())
			.webClientBuilder(verbose)
			.resilience(FunctionsResilience.none())
			.build();
		Namespace namespace = template.createNamespace(new CreateNamespaceRequest("nyc1", "secrets")).block();
		AccessKey key = template.createAccessKey(namespace.id(), CreateAccessKeyRequest.named("ci")).block();
		InvocationCredentials accessKey = InvocationCredentials.accessKey(key.id(), key.secret());
		List<String> madeSecrets = new CopyOnWriteArrayList<>();
		Consumer<EmulatorExchange> keysMade = (exchange) -> {
			if (exchange.request().operation() == Operation.CREATE_ACCESS_KEY && exchange.status() == 201) {
				madeSecrets.add(JsonMapper.shared().readTree(exchange.body()).at("/access_key/secret").asString());
			}
		};
		emulator.get().addExchangeListener(keysMade);

		List<Object> seen = new ArrayList<>();
		FunctionInvoker withManagedKey = template.invoker(namespace.id());
		FunctionInvoker withAccessKey = template.invoker(namespace.id(), accessKey);
		seen.add(withManagedKey.invoke("hello", Map.of()).block());
		seen.add(withAccessKey.invoke("hello", Map.of()).block());
		seen.add(catchThrowable(() -> withAccessKey.invoke("fail", Map.of()).block()));
		seen.add(catchThrowable(() -> template
			.invoker(namespace.id(), InvocationCredentials.accessKey(key.id(), "wrong-" + key.secret()))
			.invoke("hello", Map.of())
			.block()));
		seen.addAll(List.of(withManagedKey, withAccessKey, accessKey));
		template.close();
		emulator.get().removeExchangeListener(keysMade);

		assertThat(madeSecrets).singleElement().asString().isNotBlank();
		String managed = madeSecrets.get(0);
		assertThat(seen.get(2)).isInstanceOf(FunctionInvocationException.class);
		assertThat(seen.get(3)).isInstanceOf(FunctionsUnauthorizedException.class);
		String logged = this.log.text();
		assertThat(logged).as("the HTTP stack logged the calls").contains("/api/v1/namespaces/_/actions/hello");
		String journal = emulator.get().journal().requests().toString();
		assertThat(logged + "\n" + VerboseLogCapture.describe(seen) + "\n" + journal).doesNotContain(namespace.key(),
				key.secret(), managed, basic(namespace.uuid(), namespace.key()), basic(key.id(), key.secret()),
				emulator.get().token());
		assertThat(emulator.get().journal().requests(Operation.INVOKE_FUNCTION))
			.allSatisfy((request) -> assertThat(request.header("Authorization")).isEqualTo("Basic ******"));
	}

	private static String basic(String user, String password) {
		return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
