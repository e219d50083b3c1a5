package io.github.dofunctions.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the builder accepts and what it sets on every request.
 */
class FunctionsTemplateBuilderTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	@ParameterizedTest
	@ValueSource(strings = { "http://api.digitalocean.com", "http://10.0.0.5:8080", "http://example.localhost.com",
			"http://[2001:db8::1]:8080" })
	void plainHttpToAHostThatIsNotLoopbackIsRefused(String baseUrl) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionsTemplate.builder().baseUrl(baseUrl).token("t").build())
			.withMessageContaining("plain http to a host that is not loopback")
			.withMessageContaining("unencrypted");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8089", "http://127.0.0.1:8089", "http://127.1.2.3", "http://[::1]:8089",
			"https://api.digitalocean.com", "https://proxy.example.com/do/" })
	void httpsAndLoopbackHttpAreAccepted(String baseUrl) {
		assertThat(FunctionsTemplate.builder().baseUrl(baseUrl).token("t").build().toString())
			.isEqualTo("FunctionsTemplate[baseUrl=" + baseUrl.replaceAll("/$", "") + "]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api.digitalocean.com", "ftp://api.digitalocean.com", "https://", "not a url" })
	void baseUrlThatIsNotAnAbsoluteHttpUrlIsRefused(String baseUrl) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionsTemplate.builder().baseUrl(baseUrl).token("t").build())
			.withMessageContaining("baseUrl");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"https://api.digitalocean.com/v2|must not end with /v2: the client adds the API's paths (/v2/functions/...) itself; use https://api.digitalocean.com",
			"http://127.0.0.1:8089/v2/|must not end with /v2",
			"https://api.digitalocean.com/?region=nyc1|must not have a query or a fragment",
			"https://api.digitalocean.com/#x|must not have a query or a fragment" })
	void baseUrlWithTheApisOwnPathOrAQueryIsRefused(String baseUrl, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionsTemplate.builder().baseUrl(baseUrl))
			.withMessageContaining(message);
	}

	@Test
	void baseUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FunctionsTemplate.builder().baseUrl("https://user:PASSW0RD@api.digitalocean.com"))
			.withMessageContaining("must not carry credentials")
			.withMessageNotContaining("PASSW0RD");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dop_v1_abc\n", "dop_v1_abc def", "dop_v1_\tabc", "dop_v1_abc\r" })
	void tokenThatNoHeaderCanCarryIsRefusedWithoutRepeatingIt(String escaped) {
		String token = escaped.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r");
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionsTemplate.builder().token(token))
			.withMessageStartingWith("token must not contain white space or control characters: it is sent in a header")
			.withMessageNotContaining("dop_v1_abc");
	}

	@Test
	void userAgentWithALineBreakIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionsTemplate.builder().userAgent("app/1\r\nX: y"))
			.withMessageContaining("userAgent must contain only visible ASCII characters and spaces");
	}

	@Test
	void tokenIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionsTemplate.builder().build())
			.withMessageContaining("token");
		assertThatIllegalArgumentException().isThrownBy(() -> FunctionsTemplate.builder().token(" "))
			.withMessageContaining("token");
	}

	@Test
	void toStringShowsNoToken() {
		assertThat(api.template().toString()).doesNotContain(StubbedFunctionsApi.TOKEN);
	}

	@Test
	void tokenSupplierIsAskedOnEveryRequestSoARotatedTokenTakesEffect() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, payload("namespaces.json"))));
		AtomicInteger rotation = new AtomicInteger();
		FunctionsTemplate template = FunctionsTemplate.builder()
			.baseUrl(api.baseUrl())
			.tokenSupplier(() -> "token-" + rotation.incrementAndGet())
			.resilience(FunctionsResilience.none())
			.build();

		StepVerifier.create(template.listNamespaces().then(template.listNamespaces().then())).verifyComplete();

		assertThat(api.requests()).extracting((request) -> request.getHeader("Authorization"))
			.containsExactly("Bearer token-1", "Bearer token-2");
	}

	@Test
	void applicationProductTokenGoesBeforeTheClientsOwn() {
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, payload("namespaces.json"))));

		StepVerifier.create(api.templateBuilder().userAgent("billing-service/2.3").build().listNamespaces().then())
			.verifyComplete();

		assertThat(api.onlyRequest().getHeader("User-Agent"))
			.matches("billing-service/2\\.3 do-functions-spring-boot/\\d+\\.\\d+\\.\\d+.*");
	}

	@Test
	void givenWebClientBuilderIsCopiedNotChanged() {
		List<ClientRequest> sent = new ArrayList<>();
		WebClient.Builder shared = WebClient.builder()
			.baseUrl("https://elsewhere.example.com")
			.exchangeFunction((request) -> {
				sent.add(request);
				return Mono.just(ClientResponse.create(HttpStatus.NO_CONTENT).build());
			});

		StepVerifier
			.create(FunctionsTemplate.builder().webClientBuilder(shared).token("t").build().deleteNamespace("fn-1"))
			.verifyComplete();
		StepVerifier.create(shared.build().get().uri("/x").retrieve().toBodilessEntity())
			.expectNextCount(1)
			.verifyComplete();

		assertThat(sent.get(0).url()).hasToString("https://api.digitalocean.com/v2/functions/namespaces/fn-1");
		assertThat(sent.get(0).headers().getFirst("Authorization")).isEqualTo("Bearer t");
		assertThat(sent.get(1).url()).hasToString("https://elsewhere.example.com/x");
		assertThat(sent.get(1).headers().get("Authorization")).isNull();
		assertThat(sent.get(1).headers().get("User-Agent")).isNull();
	}

}
