package io.github.dofunctions.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests the client would refuse to send (an invalid cron, a missing field, a
 * retired credential), to see how the emulator answers them.
 */
final class RawClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final FunctionsEmulator emulator;

	RawClient(FunctionsEmulator emulator) {
		this.emulator = emulator;
	}

	Answer send(String method, String path, @Nullable String body) {
		return send(method, path, body, this.emulator.token());
	}

	Answer send(String method, String path, @Nullable String body, String token) {
		return exchange(method, path, body, "Bearer " + token);
	}

	/**
	 * Send a request to the API host, with a Basic credential.
	 */
	Answer sendToApiHost(String method, String path, @Nullable String body, String user, String password) {
		return exchange(method, path, body, "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	private Answer exchange(String method, String path, @Nullable String body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.emulator.baseUrl() + path))
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("retry-after").orElse(null),
					response.headers().firstValue("ratelimit-remaining").orElse(null),
					response.headers().firstValue("ratelimit-reset").orElse(null),
					response.headers().firstValue("x-request-id").orElse(null),
					response.body().isEmpty() ? null : JSON.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the emulator answered.
	 */
	record Answer(int status, @Nullable String retryAfter, @Nullable String remaining, @Nullable String reset,
			@Nullable String requestIdHeader, @Nullable JsonNode body) {

		String errorId() {
			return this.body.get("id").asString();
		}

		String message() {
			return this.body.get("message").asString();
		}

		String requestId() {
			return this.body.get("request_id").asString();
		}

	}

}
