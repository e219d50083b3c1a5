package io.github.dofunctions.emulator;

import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.resilience.FunctionsResilience;

/**
 * Clients of an emulator for tests that look at what one call does: no retries, no
 * breaker, no rate limiting, on the control plane or the API host.
 */
final class EmulatorClients {

	private EmulatorClients() {
	}

	static FunctionsTemplate withoutResilience(FunctionsEmulator emulator) {
		return FunctionsTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.token(emulator.token())
			.resilience(FunctionsResilience.none())
			.invocation(InvocationSettings.builder().resilience((namespaceId) -> FunctionsResilience.none()).build())
			.build();
	}

}
