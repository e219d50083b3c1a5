package io.github.dofunctions.test;

import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;

/**
 * Answers of a namespace's API host, for invocation tests: the example namespace of
 * DigitalOcean's OpenAPI description served with its {@code api_host} on the stub server,
 * the access key the client makes for itself, and activation records and summaries as
 * OpenWhisk writes them.
 */
public final class ApiHostStubs {

	/** The example namespace's id. */
	public static final String NAMESPACE_ID = "fn-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	/** The example namespace's uuid, the user name of its retired legacy credential. */
	public static final String NAMESPACE_UUID = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	/** The example namespace's key, the password of its retired legacy credential. */
	public static final String NAMESPACE_KEY = "d1zcd455h01mqjfs4s2eaewyejehi5f2uj4etqq3h7cera8iwkub6xg5of1wdde2";

	/** The id of the access key the stub creates, from the specification's example. */
	public static final String KEY_ID = "dof_v1-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

	/** The secret of the access key the stub creates. */
	public static final String KEY_SECRET = "DOSECRETKEYEXAMPLE";

	/** Where the namespace's access keys are made and listed. */
	public static final String KEYS = "/v2/functions/namespaces/" + NAMESPACE_ID + "/keys";

	/** Where functions are invoked. */
	public static final String ACTIONS = "/api/v1/namespaces/_/actions/";

	/** Where activations are read. */
	public static final String ACTIVATIONS = "/api/v1/namespaces/_/activations";

	private ApiHostStubs() {
	}

	/**
	 * Serve the example namespace, its API host being the stub server itself, and the
	 * creation, listing and deletion of its access keys (the created key is
	 * {@link #KEY_ID} with {@link #KEY_SECRET}; none of the listed keys has expired or
	 * carries the client's prefix).
	 */
	public static void serveNamespace(StubbedFunctionsApi api) {
		String namespace = payload("namespace.json").replace("https://api_host.io", api.baseUrl());
		api.server().stubFor(get("/v2/functions/namespaces/" + NAMESPACE_ID).willReturn(json(200, namespace)));
		api.server().stubFor(post(KEYS).willReturn(json(201, payload("access-key-created.json"))));
		api.server().stubFor(get(KEYS).willReturn(json(200, payload("access-keys.json"))));
		api.server().stubFor(delete(KEYS + "/" + KEY_ID).willReturn(json(200, "{}")));
	}

	/**
	 * Return the Authorization header of the access key the client makes for itself.
	 */
	public static String managedKey() {
		return basic(KEY_ID, KEY_SECRET);
	}

	/**
	 * Return the Authorization header of a Basic credential.
	 */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
	}

	/**
	 * An activation record that ended successfully with the given result.
	 */
	public static String succeeded(String activationId, String resultJson, String... logs) {
		return activation(activationId, "success", true, resultJson, logs);
	}

	/**
	 * An activation record whose function reported an error.
	 */
	public static String failed(String activationId, String error, String... logs) {
		return activation(activationId, "application error", false, "{\"error\": \"" + error + "\"}", logs);
	}

	/**
	 * An activation record as the API host writes it (OpenWhisk's
	 * {@code WhiskActivation.toExtendedJson}): the outcome in {@code response}.
	 */
	public static String activation(String activationId, String status, boolean success, String resultJson,
			String... logs) {
		String logLines = Arrays.stream(logs).map((line) -> "\"" + line + "\"").collect(Collectors.joining(", "));
		return """
				{"activationId": "%s", "namespace": "%s", "name": "hello", "version": "0.0.1",
				 "subject": "%s", "start": 1700000000000, "end": 1700000000042, "duration": 42,
				 "response": {"status": "%s", "success": %s, "result": %s},
				 "logs": [%s], "annotations": [], "publish": false}
				""".formatted(activationId, NAMESPACE_ID, KEY_ID, status, success, resultJson, logLines);
	}

	/**
	 * An activation summary as a listing gives it (OpenWhisk's
	 * {@code WhiskActivation.summaryAsJson}): the outcome as {@code statusCode}, no
	 * response, no logs.
	 */
	public static String summary(String activationId, long start, int statusCode) {
		return """
				{"activationId": "%s", "namespace": "%s", "name": "hello", "version": "0.0.1",
				 "start": %d, "end": %d, "duration": 42, "statusCode": %d,
				 "annotations": [{"key": "path", "value": "%s/hello"}], "publish": false}
				""".formatted(activationId, NAMESPACE_ID, start, start + 42, statusCode, NAMESPACE_ID);
	}

	/**
	 * A JSON answer of the API host, which sends no rate-limit headers.
	 */
	public static ResponseDefinitionBuilder answer(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

}
