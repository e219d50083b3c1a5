package io.github.dofunctions.client;

import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.ScheduledDetails;
import io.github.dofunctions.client.model.ScheduledRuns;
import io.github.dofunctions.client.model.Trigger;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static io.github.dofunctions.test.StubbedFunctionsApi.assertJsonEquals;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trigger operations: the request each one sends, with trigger names encoded as one
 * path segment, and what it makes of the documented answer.
 */
class TriggerOperationsTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NAMESPACE_ID = "fn-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	static final String TRIGGERS = "/v2/functions/namespaces/" + NAMESPACE_ID + "/triggers";

	static final Trigger EXAMPLE = new Trigger(NAMESPACE_ID, "my trigger", "hello", "SCHEDULED", true,
			Instant.parse("2022-11-11T04:16:45Z"), Instant.parse("2022-11-11T04:16:45Z"),
			new ScheduledDetails("* * * * *", Map.of("name", "Welcome to DO!")),
			new ScheduledRuns(Instant.parse("2022-11-11T04:16:45Z"), Instant.parse("2022-11-11T04:16:45Z")));

	@Test
	void listTriggersReadsEveryTriggerWithNullableRunTimes() {
		api.server().stubFor(get(TRIGGERS).willReturn(json(200, payload("triggers.json"))));

		StepVerifier.create(api.template().listTriggers(NAMESPACE_ID)).expectNext(EXAMPLE).assertNext((trigger) -> {
			assertThat(trigger.name()).isEqualTo("nightly report");
			assertThat(trigger.function()).isEqualTo("reports/nightly");
			assertThat(trigger.isEnabled()).isFalse();
			assertThat(trigger.scheduledDetails()).isEqualTo(new ScheduledDetails("0 2 * * *", null));
			assertThat(trigger.scheduledRuns()).isEqualTo(new ScheduledRuns(null, null));
		}).verifyComplete();

		LoggedRequest request = api.onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo(TRIGGERS);
	}

	@Test
	void getTriggerEncodesTheNameAsOnePathSegment() {
		api.server().stubFor(get(TRIGGERS + "/my%20trigger").willReturn(json(200, payload("trigger.json"))));

		StepVerifier.create(api.template().getTrigger(NAMESPACE_ID, "my trigger")).expectNext(EXAMPLE).verifyComplete();

		assertThat(api.onlyRequest().getUrl()).isEqualTo(TRIGGERS + "/my%20trigger");
	}

	@Test
	void triggerNamesCannotLeaveTheTriggersPath() {
		api.server()
			.stubFor(any(anyUrl()).willReturn(json(404, "{\"id\":\"not_found\",\"message\":\"trigger not found\"}")));

		StepVerifier.create(api.template().getTrigger(NAMESPACE_ID, "../../account"))
			.expectError(io.github.dofunctions.client.error.FunctionsNotFoundException.class)
			.verify();
		StepVerifier.create(api.template().deleteTrigger(NAMESPACE_ID, "a/b?c=d#e&f%20"))
			.expectError(io.github.dofunctions.client.error.FunctionsNotFoundException.class)
			.verify();

		assertThat(api.requests()).extracting(LoggedRequest::getUrl)
			.containsExactly(TRIGGERS + "/..%2F..%2Faccount", TRIGGERS + "/a%2Fb%3Fc%3Dd%23e%26f%2520");
	}

	@Test
	void createTriggerSendsEveryRequiredFieldInSnakeCase() {
		api.server().stubFor(post(TRIGGERS).willReturn(json(200, payload("trigger.json"))));

		CreateTriggerRequest request = CreateTriggerRequest.scheduled("my trigger", "hello", "* * * * *",
				Map.of("name", "Welcome to DO!"));
		StepVerifier.create(api.template().createTrigger(NAMESPACE_ID, request)).expectNext(EXAMPLE).verifyComplete();

		LoggedRequest sent = api.onlyRequest();
		assertThat(sent.getMethod().getName()).isEqualTo("POST");
		assertThat(sent.getUrl()).isEqualTo(TRIGGERS);
		assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
		assertJsonEquals(sent.getBodyAsString(), """
				{"name": "my trigger", "function": "hello", "type": "SCHEDULED", "is_enabled": true,
				 "scheduled_details": {"cron": "* * * * *", "body": {"name": "Welcome to DO!"}}}
				""");
	}

	@Test
	void createTriggerLeavesOutAnAbsentBody() {
		api.server().stubFor(post(TRIGGERS).willReturn(json(200, payload("trigger.json"))));

		StepVerifier
			.create(api.template()
				.createTrigger(NAMESPACE_ID,
						CreateTriggerRequest.scheduled("nightly", "reports/nightly", "0 2 * * *").withEnabled(false)))
			.expectNextCount(1)
			.verifyComplete();

		assertJsonEquals(api.onlyRequest().getBodyAsString(), """
				{"name": "nightly", "function": "reports/nightly", "type": "SCHEDULED", "is_enabled": false,
				 "scheduled_details": {"cron": "0 2 * * *"}}
				""");
	}

	@Test
	void updateTriggerSendsOnlyTheFieldsToChange() {
		api.server().stubFor(put(TRIGGERS + "/my%20trigger").willReturn(json(200, payload("trigger.json"))));

		StepVerifier
			.create(api.template().updateTrigger(NAMESPACE_ID, "my trigger", UpdateTriggerRequest.enabled(false)))
			.expectNext(EXAMPLE)
			.verifyComplete();

		LoggedRequest sent = api.onlyRequest();
		assertThat(sent.getMethod().getName()).isEqualTo("PUT");
		assertThat(sent.getUrl()).isEqualTo(TRIGGERS + "/my%20trigger");
		assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
		assertJsonEquals(sent.getBodyAsString(), "{\"is_enabled\": false}");
	}

	@Test
	void updateTriggerCanReplaceTheSchedule() {
		api.server().stubFor(put(TRIGGERS + "/my%20trigger").willReturn(json(200, payload("trigger.json"))));

		StepVerifier
			.create(api.template()
				.updateTrigger(NAMESPACE_ID, "my trigger",
						UpdateTriggerRequest.reschedule("*/5 * * * *", Map.of("name", "every five minutes"))))
			.expectNextCount(1)
			.verifyComplete();

		assertJsonEquals(api.onlyRequest().getBodyAsString(),
				"{\"scheduled_details\": {\"cron\": \"*/5 * * * *\", \"body\": {\"name\": \"every five minutes\"}}}");
	}

	@Test
	void deleteTriggerCompletesOnNoContent() {
		api.server()
			.stubFor(delete(TRIGGERS + "/my%20trigger").willReturn(aResponse().withStatus(204)
				.withHeader("ratelimit-limit", "5000")
				.withHeader("ratelimit-remaining", "4815")
				.withHeader("ratelimit-reset", "1444931833")));

		StepVerifier.create(api.template().deleteTrigger(NAMESPACE_ID, "my trigger")).verifyComplete();

		LoggedRequest request = api.onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("DELETE");
		assertThat(request.getUrl()).isEqualTo(TRIGGERS + "/my%20trigger");
	}

}
