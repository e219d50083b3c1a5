package io.github.dofunctions.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request the emulator received, with the value of its {@code Authorization} header
 * redacted.
 *
 * @param receivedAt when it arrived
 * @param method HTTP method
 * @param path path as sent, percent-encoded
 * @param query query string, or {@code null}
 * @param operation the operation it called, or {@code null} if it matched none
 * @param headers request headers, {@code Authorization} redacted
 * @param body request body as text, empty if none
 * @param status status of the answer, {@code 0} if the connection was reset instead
 */
public record RecordedRequest(Instant receivedAt, String method, String path, @Nullable String query,
		@Nullable Operation operation, Map<String, List<String>> headers, String body, int status) {

	/**
	 * Return the first value of a header.
	 * @param name header name, in any case
	 * @return the value, or {@code null} if absent
	 */
	public @Nullable String header(String name) {
		return this.headers.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase(name))
			.map((header) -> header.getValue().get(0))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Collects a request's parts while it is served.
	 */
	static final class Builder {

		private final Instant receivedAt;

		private final String method;

		private final String path;

		private final @Nullable String query;

		private final Map<String, List<String>> headers;

		private final String body;

		private @Nullable Operation operation;

		private int status;

		Builder(Instant receivedAt, String method, String path, @Nullable String query,
				Map<String, List<String>> headers, String body) {
			this.receivedAt = receivedAt;
			this.method = method;
			this.path = path;
			this.query = query;
			this.headers = headers;
			this.body = body;
		}

		Builder operation(@Nullable Operation operation) {
			this.operation = operation;
			return this;
		}

		Builder status(int status) {
			this.status = status;
			return this;
		}

		RecordedRequest build() {
			return new RecordedRequest(this.receivedAt, this.method, this.path, this.query, this.operation,
					this.headers, this.body, this.status);
		}

	}

}
