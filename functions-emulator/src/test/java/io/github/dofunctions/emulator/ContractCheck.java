package io.github.dofunctions.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.dofunctions.test.OpenApiContract;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every request the emulator receives during a test, and every answer it gives,
 * against DigitalOcean's OpenAPI description, or OpenWhisk's for the API host's calls
 * (the same checkers as the client's contract tests), so that the emulator cannot drift
 * from the platform's contracts.
 */
final class ContractCheck implements BeforeEachCallback, AfterEachCallback {

	private final Supplier<FunctionsEmulator> emulator;

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final Consumer<EmulatorExchange> listener = this::check;

	private volatile boolean requestsChecked;

	private volatile boolean answersChecked;

	ContractCheck(Supplier<FunctionsEmulator> emulator) {
		this.emulator = emulator;
	}

	/**
	 * The emulator's answers in this test break the contract on purpose (injected
	 * malformed bodies): check the requests only.
	 */
	void checkRequestsOnly() {
		this.answersChecked = false;
	}

	/**
	 * The requests of this test break the contract on purpose, to see how the emulator
	 * refuses them: check its answers only.
	 */
	void checkAnswersOnly() {
		this.requestsChecked = false;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		OpenApiContract.load();
		this.violations.clear();
		this.requestsChecked = true;
		this.answersChecked = true;
		this.emulator.get().addExchangeListener(this.listener);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.emulator.get().removeExchangeListener(this.listener);
		if (context.getExecutionException().isEmpty()) {
			assertThat(this.violations)
				.as("requests and answers outside DigitalOcean's and OpenWhisk's API descriptions")
				.isEmpty();
		}
	}

	private void check(EmulatorExchange exchange) {
		RecordedRequest request = exchange.request();
		if (request.operation() == null) {
			// Unknown paths, which no description has.
			return;
		}
		OpenApiContract contract = OpenApiContract.forPath(request.path());
		Map<String, List<String>> responseHeaders = exchange.headers()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (header) -> List.of(header.getValue())));
		OpenApiContract.HttpExchange http = OpenApiContract.HttpExchange.of(request.method(), request.path(),
				request.query(), request.headers(), request.body(), exchange.status(), responseHeaders,
				exchange.body());
		boolean answered = this.answersChecked && exchange.status() > 0;
		if (this.requestsChecked) {
			this.violations.addAll(answered ? contract.checkExchange(http) : contract.checkRequest(http));
		}
		else if (answered) {
			this.violations.addAll(contract.checkAnswer(http));
		}
	}

}
