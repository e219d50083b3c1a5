package io.github.dofunctions.emulator.test;

import java.util.Map;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.emulator.EmulatedFunction;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

/**
 * An application as a user writes one: a service that creates its namespace and calls a
 * function, and the function emulated for its tests.
 */
@SpringBootApplication
class ReportsApplication {

	@Bean
	EmulatedFunction hello() {
		return EmulatedFunction.of("hello", (call) -> Map.of("greeting", "Hello, " + call.parameters().get("name")));
	}

	@Service
	static class Reports {

		private final FunctionsOperations functions;

		Reports(FunctionsOperations functions) {
			this.functions = functions;
		}

		Mono<Namespace> createNamespace() {
			return this.functions.createNamespace(new CreateNamespaceRequest("nyc1", "reports"));
		}

		Mono<Object> greet(String namespaceId, String name) {
			return this.functions.invoker(namespaceId)
				.invoke("hello", Map.of("name", name))
				.map((result) -> result.get("greeting"));
		}

	}

}
