package io.github.dofunctions.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DigitalOcean's validation and error answers: every error carries an id, a message and a
 * request id, in the body and the {@code x-request-id} header.
 */
class EmulatorValidationTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = FunctionsEmulatorExtension
		.configured((builder) -> builder.namespaceLimit(2).triggerLimit(2));

	@RegisterExtension
	final ContractCheck contract = new ContractCheck(emulator::get);

	private RawClient raw;

	private String namespace;

	@BeforeEach
	void setUp() {
		this.raw = new RawClient(emulator.get());
		this.namespace = emulator.get().state().addNamespace("nyc1", "jobs").id();
	}

	private String triggers() {
		return "/v2/functions/namespaces/" + this.namespace + "/triggers";
	}

	private void assertError(RawClient.Answer answer, int status, String id, String messagePart) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.errorId()).isEqualTo(id);
		assertThat(answer.message()).contains(messagePart);
		assertThat(answer.requestId()).isNotBlank().isEqualTo(answer.requestIdHeader());
	}

	@Test
	void wrongOrMissingTokenIsUnauthorized() {
		assertError(this.raw.send("GET", "/v2/functions/namespaces", null, "not-the-token"), 401, "unauthorized",
				"Unable to authenticate you.");
		assertThat(emulator.get().journal().requests()).singleElement()
			.satisfies((request) -> assertThat(request.header("Authorization")).isEqualTo("Bearer ******"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{\"label\": \"x\"}|missing region", "{\"region\": \"nyc1\"}|missing label",
					"{\"region\": \"mars1\", \"label\": \"x\"}|unknown region", "not json|not JSON",
					"[]|expected a JSON object" })
	void invalidNamespaceIsABadRequestAnsweredWithTheSpecificationsStatus(String body, String messagePart) {
		contract.checkAnswersOnly();
		// DigitalOcean's OpenAPI description answers an invalid create with 404
		// bad_request.
		assertError(this.raw.send("POST", "/v2/functions/namespaces", body), 404, "bad_request", messagePart);
	}

	@Test
	void duplicateLabelIsABadRequestAnsweredWithTheSpecificationsStatus() {
		assertError(this.raw.send("POST", "/v2/functions/namespaces", "{\"region\": \"nyc1\", \"label\": \"jobs\"}"),
				404, "bad_request", "Invalid request payload: a namespace with label 'jobs' already exists");
	}

	@Test
	void namespaceOverTheLimitIsRefused() {
		emulator.get().state().addNamespace("nyc1", "second");
		assertError(this.raw.send("POST", "/v2/functions/namespaces", "{\"region\": \"nyc1\", \"label\": \"third\"}"),
				422, "unprocessable_entity", "namespace limit reached");
	}

	@ParameterizedTest
	@ValueSource(strings = { "* * * *", "61 * * * *", "@daily", "every day" })
	void invalidCronIsABadRequest(String cron) {
		assertError(this.raw.send("POST", triggers(), """
				{"name": "t", "function": "f", "type": "SCHEDULED", "is_enabled": true,
				 "scheduled_details": {"cron": "%s"}}""".formatted(cron)), 400, "bad_request", "invalid cron");
	}

	@Test
	void unknownTriggerTypeIsABadRequest() {
		assertError(this.raw.send("POST", triggers(), """
				{"name": "t", "function": "f", "type": "HTTP", "is_enabled": true,
				 "scheduled_details": {"cron": "* * * * *"}}"""), 400, "bad_request", "unknown trigger type 'HTTP'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "name", "function", "type", "is_enabled", "scheduled_details" })
	void triggerWithoutARequiredFieldIsABadRequest(String missing) {
		contract.checkAnswersOnly();
		Map<String, Object> trigger = new LinkedHashMap<>(Map.of("name", "t", "function", "f", "type", "SCHEDULED",
				"is_enabled", true, "scheduled_details", Map.of("cron", "* * * * *")));
		trigger.remove(missing);
		RawClient.Answer answer = this.raw.send("POST", triggers(), JsonMapper.shared().writeValueAsString(trigger));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.errorId()).isEqualTo("bad_request");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"name\": 7, \"function\": \"f\", \"type\": \"SCHEDULED\", \"is_enabled\": true, \"scheduled_details\": {\"cron\": \"* * * * *\"}}|name must be a string, not a number",
			"{\"name\": \"t\", \"function\": [\"f\"], \"type\": \"SCHEDULED\", \"is_enabled\": true, \"scheduled_details\": {\"cron\": \"* * * * *\"}}|function must be a string, not an array",
			"{\"name\": \"t\", \"function\": \"f\", \"type\": \"SCHEDULED\", \"is_enabled\": \"yes\", \"scheduled_details\": {\"cron\": \"* * * * *\"}}|is_enabled must be a boolean, not a string",
			"{\"name\": \"t\", \"function\": \"f\", \"type\": \"SCHEDULED\", \"is_enabled\": true, \"scheduled_details\": {\"cron\": 5}}|cron must be a string, not a number" })
	void fieldOfTheWrongTypeIsNamedWithItsType(String trigger, String message) {
		contract.checkAnswersOnly();
		assertError(this.raw.send("POST", triggers(), trigger), 400, "bad_request", message);
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "a\\u0007b", "trailing " })
	void triggerNameOpenWhiskWouldRefuseIsABadRequest(String name) {
		assertError(this.raw.send("POST", triggers(), """
				{"name": "%s", "function": "f", "type": "SCHEDULED", "is_enabled": true,
				 "scheduled_details": {"cron": "* * * * *"}}""".formatted(name)), 400, "bad_request",
				"must have 1 to 256 letters, digits, spaces or _ @ . & -");
		assertThat(emulator.get().state().triggers(this.namespace)).isEmpty();
	}

	@Test
	void aTriggerNameOf10000CharactersIsQuotedOnlyInPart() {
		RawClient.Answer answer = this.raw.send("POST", triggers(), """
				{"name": "%s", "function": "f", "type": "SCHEDULED", "is_enabled": true,
				 "scheduled_details": {"cron": "* * * * *"}}""".formatted("t".repeat(10_000)));

		assertError(answer, 400, "bad_request", "name '" + "t".repeat(64) + "...' (10000 characters) must have");
		assertThat(emulator.get().state().triggers(this.namespace)).isEmpty();
	}

	@Test
	void aTriggersFunctionIsAnOpenWhiskName() {
		assertError(this.raw.send("POST", triggers(), """
				{"name": "t", "function": "a/b/c", "type": "SCHEDULED", "is_enabled": true,
				 "scheduled_details": {"cron": "* * * * *"}}"""), 400, "bad_request",
				"function 'a/b/c' must be 'name' or 'package/name', with at most one '/'");
	}

	@ParameterizedTest
	@ValueSource(ints = { 257, 500 })
	void aLabelOfMoreThan256CharactersIsRefusedAsDigitalOceanRefusesInvalidCreates(int length) {
		contract.checkAnswersOnly();
		assertError(this.raw.send("POST", "/v2/functions/namespaces", """
				{"region": "nyc1", "label": "%s"}""".formatted("l".repeat(length))), 404, "bad_request",
				"label must have at most 256 characters, not " + length);
	}

	@Test
	void aHugeCronIsQuotedOnlyInPart() {
		String cron = "1".repeat(100_000);
		RawClient.Answer answer = this.raw.send("POST", triggers(), """
				{"name": "t", "function": "f", "type": "SCHEDULED", "is_enabled": true,
				 "scheduled_details": {"cron": "%s"}}""".formatted(cron));

		assertError(answer, 400, "bad_request",
				"invalid cron expression '" + "1".repeat(64) + "...' (100000 characters)");
		assertThat(answer.message()).hasSizeLessThan(200);
	}

	@Test
	void duplicateTriggerNameIsABadRequest() {
		String trigger = """
				{"name": "t", "function": "f", "type": "SCHEDULED", "is_enabled": true,
				 "scheduled_details": {"cron": "* * * * *"}}""";
		assertThat(this.raw.send("POST", triggers(), trigger).status()).isEqualTo(200);
		assertError(this.raw.send("POST", triggers(), trigger), 400, "bad_request", "already exists");
	}

	@Test
	void triggerOverTheLimitIsRefused() {
		for (String name : new String[] { "a", "b" }) {
			assertThat(this.raw.send("POST", triggers(), """
					{"name": "%s", "function": "f", "type": "SCHEDULED", "is_enabled": true,
					 "scheduled_details": {"cron": "* * * * *"}}""".formatted(name)).status()).isEqualTo(200);
		}
		assertError(this.raw.send("POST", triggers(), """
				{"name": "c", "function": "f", "type": "SCHEDULED", "is_enabled": true,
				 "scheduled_details": {"cron": "* * * * *"}}"""), 422, "unprocessable_entity",
				"triggers limit reached");
	}

	@Test
	void updateWithNothingToChangeIsABadRequest() {
		this.raw.send("POST", triggers(), """
				{"name": "t", "function": "f", "type": "SCHEDULED", "is_enabled": true,
				 "scheduled_details": {"cron": "* * * * *"}}""");
		assertError(this.raw.send("PUT", triggers() + "/t", "{}"), 400, "bad_request", "nothing to update");
	}

	@Test
	void unknownNamespaceTriggerAndKeyAreNotFound() {
		assertError(this.raw.send("GET", "/v2/functions/namespaces/fn-unknown", null), 404, "not_found",
				"namespace not found");
		assertError(this.raw.send("DELETE", "/v2/functions/namespaces/fn-unknown", null), 404, "not_found",
				"namespace not found");
		assertError(this.raw.send("GET", triggers() + "/missing", null), 404, "not_found", "trigger not found");
		assertError(this.raw.send("DELETE", triggers() + "/missing", null), 404, "not_found", "trigger not found");
		assertError(this.raw.send("GET", "/v2/functions/namespaces/fn-unknown/keys", null), 404, "not_found",
				"namespace not found");
		assertError(
				this.raw.send("DELETE", "/v2/functions/namespaces/" + this.namespace + "/keys/dof_v1_missing", null),
				404, "not_found", "access key not found");
	}

	@Test
	void duplicateAccessKeyNameIsAConflict() {
		String keys = "/v2/functions/namespaces/" + this.namespace + "/keys";
		assertThat(this.raw.send("POST", keys, "{\"name\": \"ci\"}").status()).isEqualTo(201);
		assertError(this.raw.send("POST", keys, "{\"name\": \"ci\"}"), 409, "conflict", "already exists");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0h", "30m", "1w", "7", "-1d" })
	void invalidKeyLifetimeIsABadRequest(String expiresIn) {
		assertError(this.raw.send("POST", "/v2/functions/namespaces/" + this.namespace + "/keys",
				"{\"name\": \"ci\", \"expires_in\": \"" + expiresIn + "\"}"), 400, "bad_request", "expires_in");
	}

}
