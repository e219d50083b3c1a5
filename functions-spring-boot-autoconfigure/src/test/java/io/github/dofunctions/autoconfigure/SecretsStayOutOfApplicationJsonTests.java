package io.github.dofunctions.autoconfigure;

import java.time.Instant;
import java.util.List;

import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.Namespace;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An application that returns the client's models from its own controllers, written with
 * the JSON mapper Spring Boot configures: the namespace key and the access-key secret are
 * never in the output, on either web stack; the other fields are.
 */
class SecretsStayOutOfApplicationJsonTests {

	static final String NAMESPACE_KEY = "d1zcd455h01mqjfs4s2eaewyejehi5f2uj4etqq3h7cera8iwkub6xg5of1wdde2";

	static final String KEY_SECRET = "DOSECRETKEYEXAMPLE";

	static final Namespace NAMESPACE = new Namespace("https://faas-nyc1-2ef2e6cc.doserverless.co", "fn-1",
			Instant.parse("2026-11-30T10:00:00Z"), null, "jobs", "nyc1", "uuid-1", NAMESPACE_KEY);

	static final AccessKey ACCESS_KEY = new AccessKey("dof_v1_1", "ci", KEY_SECRET, null, null, null);

	@RestController
	static class ModelsController {

		@GetMapping("/namespace")
		Namespace namespace() {
			return NAMESPACE;
		}

		@GetMapping("/namespaces")
		List<Namespace> namespaces() {
			return List.of(NAMESPACE);
		}

		@GetMapping("/key")
		AccessKey key() {
			return ACCESS_KEY;
		}

		@GetMapping("/credentials")
		InvocationCredentials credentials() {
			return InvocationCredentials.accessKey("dof_v1_1", KEY_SECRET);
		}

	}

	@RestController
	static class ReactiveModelsController {

		@GetMapping("/namespace")
		Mono<Namespace> namespace() {
			return Mono.just(NAMESPACE);
		}

		@GetMapping("/key")
		Mono<AccessKey> key() {
			return Mono.just(ACCESS_KEY);
		}

	}

	@Test
	void springMvcControllerWritesNeitherKeyNorSecret() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
			.withUserConfiguration(ModelsController.class)
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				String namespace = mvc.perform(get("/namespace")).andReturn().getResponse().getContentAsString();
				String namespaces = mvc.perform(get("/namespaces")).andReturn().getResponse().getContentAsString();
				String key = mvc.perform(get("/key")).andReturn().getResponse().getContentAsString();
				String credentials = mvc.perform(get("/credentials")).andReturn().getResponse().getContentAsString();

				assertNamespaceWithoutKey(namespace);
				assertNamespaceWithoutKey(namespaces);
				assertKeyWithoutSecret(key);
				assertThat(credentials).contains("\"id\":\"dof_v1_1\"").doesNotContain(KEY_SECRET, "secret");
			});
	}

	@Test
	void webFluxControllerWritesNeitherKeyNorSecret() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					WebFluxAutoConfiguration.class))
			.withUserConfiguration(ReactiveModelsController.class)
			.run((context) -> {
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				String namespace = new String(client.get()
					.uri("/namespace")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.returnResult()
					.getResponseBodyContent());
				String key = new String(client.get()
					.uri("/key")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.returnResult()
					.getResponseBodyContent());

				assertNamespaceWithoutKey(namespace);
				assertKeyWithoutSecret(key);
			});
	}

	private static void assertNamespaceWithoutKey(String json) {
		assertThat(json).contains("\"namespace\":\"fn-1\"", "\"label\":\"jobs\"", "\"uuid\":\"uuid-1\"", "\"api_host\"")
			.doesNotContain(NAMESPACE_KEY, "\"key\"");
	}

	private static void assertKeyWithoutSecret(String json) {
		assertThat(json).contains("\"id\":\"dof_v1_1\"", "\"name\":\"ci\"").doesNotContain(KEY_SECRET, "\"secret\"");
	}

}
