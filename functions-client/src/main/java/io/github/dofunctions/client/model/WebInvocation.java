package io.github.dofunctions.client.model;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * An HTTP request to a web function, at its web URL: method, query, headers, body and the
 * function's secret. A web call always waits for the function (DigitalOcean runs no web
 * function asynchronously:
 * docs.digitalocean.com/products/functions/how-to/async-functions). Made with
 * {@link #get(String)}, {@link #post(String)} or {@link #builder}. The secret, header
 * values and body are not shown by {@link #toString()}.
 */
public final class WebInvocation {

	private final String function;

	private final HttpMethod method;

	private final Map<String, String> query;

	private final Map<String, String> headers;

	private final byte @Nullable [] body;

	private final @Nullable String contentType;

	private final @Nullable String secret;

	private final boolean idempotent;

	private WebInvocation(Builder builder) {
		this.function = builder.function;
		this.method = builder.method;
		this.query = Collections.unmodifiableMap(new LinkedHashMap<>(builder.query));
		this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
		this.body = builder.body;
		this.contentType = builder.contentType;
		this.secret = builder.secret;
		this.idempotent = builder.idempotent;
	}

	/**
	 * Start a {@code GET} of a web function.
	 * @param function the function, {@code name} or {@code package/name}
	 * @return the builder
	 */
	public static Builder get(String function) {
		return builder(HttpMethod.GET, function);
	}

	/**
	 * Start a {@code POST} to a web function.
	 * @param function the function, {@code name} or {@code package/name}
	 * @return the builder
	 */
	public static Builder post(String function) {
		return builder(HttpMethod.POST, function);
	}

	/**
	 * Start a request to a web function.
	 * @param method the HTTP method
	 * @param function the function, {@code name} or {@code package/name}
	 * @return the builder
	 * @throws IllegalArgumentException if the function's name is not one
	 */
	public static Builder builder(HttpMethod method, String function) {
		Assert.notNull(method, "method must not be null");
		ClientRules.check("function " + ((function != null) ? Arguments.quote(function) : "null"),
				ClientRules.functionName(function));
		return new Builder(method, function);
	}

	/**
	 * Return the function called.
	 * @return {@code name} or {@code package/name}
	 */
	public String function() {
		return this.function;
	}

	/**
	 * Return the HTTP method.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * Return the query parameters.
	 * @return the query, names to values, in the order given
	 */
	public Map<String, String> query() {
		return this.query;
	}

	/**
	 * Return the request's headers, besides the secret's.
	 * @return the headers
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * Return the body.
	 * @return a copy of the body, or {@code null} for none
	 */
	public byte @Nullable [] body() {
		return (this.body != null) ? this.body.clone() : null;
	}

	/**
	 * Return the body's content type.
	 * @return the content type, or {@code null} without a body
	 */
	public @Nullable String contentType() {
		return this.contentType;
	}

	/**
	 * Return the web function's secret, sent in {@code X-Require-Whisk-Auth}.
	 * @return the secret, or {@code null} for none
	 */
	public @Nullable String secret() {
		return this.secret;
	}

	/**
	 * Return whether the call may be sent again after a server error, a timeout or a
	 * broken connection, which may run the function twice.
	 * @return whether the call is idempotent
	 */
	public boolean idempotent() {
		return this.idempotent;
	}

	@Override
	public String toString() {
		return "WebInvocation[" + this.method + " " + this.function + ", query=" + this.query.keySet() + ", headers="
				+ this.headers.keySet() + ", body=" + ((this.body != null) ? this.body.length + " bytes" : "none")
				+ ", secret=" + Secrets.mask(this.secret) + ", idempotent=" + this.idempotent + "]";
	}

	/**
	 * Builds a {@link WebInvocation}.
	 */
	public static final class Builder {

		private final String function;

		private final HttpMethod method;

		private final Map<String, String> query = new LinkedHashMap<>();

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte @Nullable [] body;

		private @Nullable String contentType;

		private @Nullable String secret;

		private boolean idempotent;

		private Builder(HttpMethod method, String function) {
			this.method = method;
			this.function = function;
		}

		/**
		 * Add a query parameter.
		 * @param name the parameter's name
		 * @param value its value, encoded when sent
		 * @return this builder
		 */
		public Builder query(String name, String value) {
			Assert.hasText(name, "query parameter name must not be null or blank");
			Assert.notNull(value, () -> "query parameter " + name + " must have a value");
			this.query.put(name, value);
			return this;
		}

		/**
		 * Add a header.
		 * @param name the header's name; not {@code Authorization} nor
		 * {@code X-Require-Whisk-Auth} (see {@link #secret(String)})
		 * @param value its value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			Assert.hasText(name, "header name must not be null or blank");
			Assert.isTrue(!name.equalsIgnoreCase("X-Require-Whisk-Auth") && !name.equalsIgnoreCase("Authorization"),
					() -> "header " + name + " is not sent by header(...): give the web secret with secret(...)");
			Assert.notNull(value, () -> "header " + name + " must have a value");
			this.headers.put(name, value);
			return this;
		}

		/**
		 * Set the body.
		 * @param body the bytes sent
		 * @param contentType their media type, such as {@code application/json}
		 * @return this builder
		 */
		public Builder body(byte[] body, String contentType) {
			Assert.notNull(body, "body must not be null");
			Assert.hasText(contentType, "contentType must not be null or blank");
			this.body = body.clone();
			this.contentType = contentType;
			return this;
		}

		/**
		 * Set a text body.
		 * @param body the text, sent in UTF-8
		 * @param contentType its media type, such as {@code text/plain}
		 * @return this builder
		 */
		public Builder body(String body, String contentType) {
			Assert.notNull(body, "body must not be null");
			return body(body.getBytes(StandardCharsets.UTF_8), contentType);
		}

		/**
		 * Set the secret the web function requires, sent in {@code X-Require-Whisk-Auth}.
		 * @param secret the secret
		 * @return this builder
		 */
		public Builder secret(String secret) {
			Assert.hasText(secret, "secret must not be null or blank");
			this.secret = secret;
			return this;
		}

		/**
		 * Mark the call idempotent: it is sent again after a server error, a timeout or a
		 * broken connection, which may run the function twice.
		 * @return this builder
		 */
		public Builder asIdempotent() {
			this.idempotent = true;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public WebInvocation build() {
			return new WebInvocation(this);
		}

	}

}
