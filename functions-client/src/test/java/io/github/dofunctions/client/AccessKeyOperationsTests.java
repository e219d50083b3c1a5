package io.github.dofunctions.client;

import java.time.Instant;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.UpdateAccessKeyRequest;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static io.github.dofunctions.test.StubbedFunctionsApi.assertJsonEquals;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access-key operations: the request each one sends and what it makes of the
 * documented answer.
 */
class AccessKeyOperationsTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NAMESPACE_ID = "fn-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	static final String KEYS = "/v2/functions/namespaces/" + NAMESPACE_ID + "/keys";

	static final String KEY_ID = "dof_v1-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	@Test
	void listAccessKeysReadsKeysWithoutSecrets() {
		api.server().stubFor(get(KEYS).willReturn(json(200, payload("access-keys.json"))));

		StepVerifier.create(api.template().listAccessKeys(NAMESPACE_ID))
			.expectNext(new AccessKey(KEY_ID, "my-function-access-key", null, Instant.parse("2026-12-19T10:30:00Z"),
					Instant.parse("2025-12-19T10:30:00Z"), Instant.parse("2025-12-19T10:30:00Z")))
			.expectNext(new AccessKey(KEY_ID, "my-function-access-key-2", null, null,
					Instant.parse("2025-11-15T08:00:00Z"), Instant.parse("2025-11-15T08:00:00Z")))
			.verifyComplete();

		LoggedRequest request = api.onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo(KEYS);
	}

	@Test
	void listAccessKeysCompletesEmptyWhenThereAreNone() {
		api.server().stubFor(get(KEYS).willReturn(json(200, "{\"access_keys\": [], \"count\": 0}")));

		StepVerifier.create(api.template().listAccessKeys(NAMESPACE_ID)).verifyComplete();
	}

	@Test
	void createAccessKeyReturnsTheSecretOnce() {
		api.server().stubFor(post(KEYS).willReturn(json(201, payload("access-key-created.json"))));

		StepVerifier
			.create(api.template()
				.createAccessKey(NAMESPACE_ID, new CreateAccessKeyRequest("my-function-access-key", "7d")))
			.expectNext(new AccessKey(KEY_ID, "my-function-access-key", "DOSECRETKEYEXAMPLE",
					Instant.parse("2026-12-19T10:30:00Z"), Instant.parse("2025-12-19T10:30:00Z"),
					Instant.parse("2025-12-19T10:30:00Z")))
			.verifyComplete();

		LoggedRequest request = api.onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo(KEYS);
		assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
		assertJsonEquals(request.getBodyAsString(), "{\"name\": \"my-function-access-key\", \"expires_in\": \"7d\"}");
	}

	@Test
	void createAccessKeyLeavesOutAnAbsentLifetime() {
		api.server().stubFor(post(KEYS).willReturn(json(201, payload("access-key-created.json"))));

		StepVerifier.create(api.template().createAccessKey(NAMESPACE_ID, CreateAccessKeyRequest.named("ci")))
			.expectNextCount(1)
			.verifyComplete();

		assertJsonEquals(api.onlyRequest().getBodyAsString(), "{\"name\": \"ci\"}");
	}

	@Test
	void updateAccessKeySendsTheNewName() {
		api.server().stubFor(put(KEYS + "/" + KEY_ID).willReturn(json(200, payload("access-key-updated.json"))));

		StepVerifier
			.create(api.template()
				.updateAccessKey(NAMESPACE_ID, KEY_ID, new UpdateAccessKeyRequest("updated-key-name")))
			.expectNext(new AccessKey(KEY_ID, "updated-key-name", null, Instant.parse("2026-12-19T10:30:00Z"),
					Instant.parse("2025-12-19T10:30:00Z"), Instant.parse("2025-12-19T16:00:00Z")))
			.verifyComplete();

		LoggedRequest request = api.onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("PUT");
		assertThat(request.getUrl()).isEqualTo(KEYS + "/" + KEY_ID);
		assertJsonEquals(request.getBodyAsString(), "{\"name\": \"updated-key-name\"}");
	}

	@Test
	void deleteAccessKeyCompletesOnAnEmptyObject() {
		api.server().stubFor(delete(KEYS + "/" + KEY_ID).willReturn(json(200, "{}")));

		StepVerifier.create(api.template().deleteAccessKey(NAMESPACE_ID, KEY_ID)).verifyComplete();

		LoggedRequest request = api.onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("DELETE");
		assertThat(request.getUrl()).isEqualTo(KEYS + "/" + KEY_ID);
	}

}
