package io.github.dofunctions.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.ClientRules;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.RateLimit;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;

/**
 * Performs one call of the API: sends the request, records the rate-limit headers, and
 * turns the answer into a value or an exception. Bodies are read as bytes, up to a limit,
 * and decoded with the client's own mapper.
 */
final class ApiExchange {

	private static final byte[] NO_BODY = new byte[0];

	private final WebClient webClient;

	private final @Nullable String baseUrl;

	private final @Nullable Consumer<HttpHeaders> authentication;

	private final JsonMapper json;

	private final ErrorResponses errors;

	private final int maxResponseBytes;

	private final RateLimitState rateLimit;

	/** Readers resolved once per answer type, not on every answer. */
	private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

	/**
	 * @param authentication adds the credential to each request, or {@code null} for a
	 * host whose calls each carry their own in their context ({@link #withCredentials})
	 * @param rateLimit where the {@code ratelimit-*} headers of each answer are recorded
	 */
	ApiExchange(WebClient webClient, @Nullable Consumer<HttpHeaders> authentication, JsonMapper json,
			int maxResponseBytes, Clock clock, RateLimitState rateLimit) {
		this(webClient, null, authentication, json, maxResponseBytes, clock, rateLimit);
	}

	/**
	 * @param baseUrl the base URL the web client was made with, for URLs given to users
	 * (a web function's), or {@code null}
	 */
	ApiExchange(WebClient webClient, @Nullable String baseUrl, @Nullable Consumer<HttpHeaders> authentication,
			JsonMapper json, int maxResponseBytes, Clock clock, RateLimitState rateLimit) {
		this.webClient = webClient;
		this.baseUrl = baseUrl;
		this.authentication = authentication;
		this.json = json;
		this.errors = new ErrorResponses(json, clock);
		this.maxResponseBytes = maxResponseBytes;
		this.rateLimit = rateLimit;
	}

	/**
	 * Return the base URL of the host, when it was given.
	 */
	@Nullable String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Return what makes the requests of a call, to a host without authentication of its
	 * own, send the given Basic credential: applied with {@code contextWrite} after the
	 * call's resilience, it reaches every attempt.
	 */
	static Function<Context, Context> withCredentials(InvocationCredentials credentials) {
		return (context) -> context.put(InvocationCredentials.class, credentials);
	}

	/**
	 * Call an operation that answers with one resource.
	 */
	<T> Mono<T> one(ApiOperation operation, @Nullable Object body, Class<? extends Envelopes.Single<T>> type,
			Object... uriVariables) {
		// decode() has checked that the envelope holds its resource.
		return exchange(operation, body, type, uriVariables).mapNotNull(Envelopes.Single::content);
	}

	/**
	 * Call an operation that answers with a list of resources.
	 */
	<T> Mono<List<T>> list(ApiOperation operation, Class<? extends Envelopes.Many<T>> type, Object... uriVariables) {
		return exchange(operation, null, type, uriVariables).map((envelope) -> {
			List<T> items = envelope.items();
			return (items != null) ? items : List.of();
		});
	}

	/**
	 * Call an operation whose answer has no content worth reading.
	 */
	Mono<Void> discard(ApiOperation operation, Object... uriVariables) {
		return exchange(operation, null, null, uriVariables);
	}

	/**
	 * Call an operation and return its answer as it came, for the statuses the caller
	 * reads itself; any other status fails as {@link #errorFor} says.
	 * @param uri builds the request's URI, query included, from the base URL
	 * @param body JSON body already written, or {@code null}
	 * @param readItself which statuses the caller reads
	 */
	Mono<Answer> answer(ApiOperation operation, Function<UriBuilder, URI> uri, byte @Nullable [] body,
			IntPredicate readItself) {
		return send(operation, (spec) -> spec.uri(uri), body, (response, headers, requestId) -> {
			int status = response.statusCode().value();
			if (!readItself.test(status)) {
				return failure(operation, response, status, headers);
			}
			return body(operation, status, requestId, response)
				.map((bytes) -> new Answer(status, requestId, headers, bytes));
		});
	}

	/**
	 * Return the exception of an error answer.
	 */
	FunctionsApiException errorFor(ApiOperation operation, Answer answer) {
		return this.errors.toException(operation, answer.status(), answer.headers(), answer.body());
	}

	/**
	 * Return the authentication of a personal access token, asked for on every request.
	 */
	static Consumer<HttpHeaders> bearer(Supplier<String> token) {
		return (headers) -> {
			String current = token.get();
			if (current == null || current.isBlank()) {
				throw new IllegalStateException("No DigitalOcean API token: the token supplier returned none");
			}
			headers.setBearerAuth(current);
		};
	}

	private <B> Mono<B> exchange(ApiOperation operation, @Nullable Object body, @Nullable Class<? extends B> type,
			Object[] uriVariables) {
		return send(operation, (spec) -> spec.uri(operation.uriTemplate(), uriVariables),
				(body != null) ? this.json.writeValueAsBytes(body) : null,
				(response, headers, requestId) -> this.<B>read(operation, response, headers, requestId, type));
	}

	private <B> Mono<B> send(ApiOperation operation,
			Function<WebClient.RequestBodyUriSpec, WebClient.RequestBodySpec> uri, byte @Nullable [] body,
			AnswerReader<B> reader) {
		return send(operation, operation.method(), uri, (headers) -> {
		}, body, MediaType.APPLICATION_JSON, true, true, reader);
	}

	/**
	 * Call a web function: the caller's method, headers and body, no credential, and
	 * every answer read as it came, redirects included, since a web function answers with
	 * the status it chooses.
	 */
	Mono<Answer> web(ApiOperation operation, HttpMethod method, Function<UriBuilder, URI> uri,
			Consumer<HttpHeaders> headers, byte @Nullable [] body, @Nullable MediaType contentType,
			IntPredicate readItself) {
		return send(operation, method, (spec) -> spec.uri(uri), headers, body, contentType, false, false,
				(response, answerHeaders, requestId) -> {
					int status = response.statusCode().value();
					if (!readItself.test(status)) {
						return failure(operation, response, status, answerHeaders);
					}
					return body(operation, status, requestId, response)
						.map((bytes) -> new Answer(status, requestId, answerHeaders, bytes));
				});
	}

	private <B> Mono<B> send(ApiOperation operation, HttpMethod method,
			Function<WebClient.RequestBodyUriSpec, WebClient.RequestBodySpec> uri, Consumer<HttpHeaders> extraHeaders,
			byte @Nullable [] body, @Nullable MediaType contentType, boolean authenticated, boolean redirectIsError,
			AnswerReader<B> reader) {
		return Mono.deferContextual((context) -> {
			AnswerListener answers = context.getOrDefault(AnswerListener.class, AnswerListener.NONE);
			WebClient.RequestBodySpec request = uri.apply(this.webClient.method(method)).headers((headers) -> {
				extraHeaders.accept(headers);
				if (authenticated) {
					authenticate(headers, context);
				}
			});
			if (body != null) {
				if (contentType != null) {
					request.contentType(contentType);
				}
				request.bodyValue(body);
			}
			return request.exchangeToMono((response) -> {
				HttpHeaders headers = response.headers().asHttpHeaders();
				String requestId = headers.getFirst(ErrorResponses.REQUEST_ID_HEADER);
				answers.answered(response.statusCode().value(), requestId);
				RateLimit described = RateLimitHeaders.rateLimit(headers);
				if (described != null) {
					this.rateLimit.record(described);
				}
				// 304 answers a conditional request, which the client never sends.
				if (redirectIsError && response.statusCode().is3xxRedirection()
						&& response.statusCode().value() != 304) {
					return response.releaseBody().then(Mono.error(redirected(operation, response, headers, requestId)));
				}
				return reader.read(response, headers, requestId);
			});
		}).onErrorMap(TransportErrors::isTransportError, (ex) -> TransportErrors.translate(operation, ex));
	}

	private void authenticate(HttpHeaders headers, ContextView context) {
		if (this.authentication != null) {
			this.authentication.accept(headers);
			return;
		}
		InvocationCredentials credentials = context.getOrDefault(InvocationCredentials.class, null);
		if (credentials == null) {
			throw new IllegalStateException("No credential for this API host: apply withCredentials(credentials)");
		}
		headers.setBasicAuth(credentials.id(), credentials.secret());
	}

	/**
	 * The failure of a redirect. Neither DigitalOcean's API nor its API hosts redirect,
	 * and a redirect followed would send the credential to another host: the client's
	 * connector follows none (set so by the auto-configuration; Spring's connectors
	 * follow none unless told to), and the answer is an error that names where it
	 * pointed, host and port (when given) only.
	 */
	private static FunctionsApiException redirected(ApiOperation operation, ClientResponse response,
			HttpHeaders headers, @Nullable String requestId) {
		return new FunctionsApiException(operation.operationName(), response.statusCode().value(), null,
				"redirect to " + redirectTarget(headers.getFirst(HttpHeaders.LOCATION))
						+ ", not followed: DigitalOcean's API and API hosts do not redirect, and "
						+ "the credential would go with it; nothing was sent there (check base-url, the namespace's "
						+ "api_host and any proxy)",
				requestId);
	}

	/**
	 * Where a {@code Location} points, as far as it may be shown: its host and port,
	 * never the rest (which may hold credentials or a query), and nothing of it when it
	 * does not parse.
	 */
	static String redirectTarget(@Nullable String location) {
		if (location == null || location.isBlank()) {
			return "no location";
		}
		URI uri;
		try {
			// Parsed once redacted, as the base URL's rule redacts it: credentials
			// holding
			// a '#' or '?' would otherwise end the authority early and be read as a host.
			uri = new URI(ClientRules.redactedUrl(location));
		}
		catch (URISyntaxException ex) {
			return "a location that is not a valid URI";
		}
		if (uri.getHost() != null) {
			return uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		}
		return (uri.isAbsolute() || uri.getRawAuthority() != null) ? "a location whose host cannot be read"
				: "a relative location";
	}

	private <B> Mono<B> read(ApiOperation operation, ClientResponse response, HttpHeaders headers,
			@Nullable String requestId, @Nullable Class<? extends B> type) {
		int status = response.statusCode().value();
		if (!response.statusCode().is2xxSuccessful()) {
			return failure(operation, response, status, headers);
		}
		if (type == null) {
			return response.releaseBody().then(Mono.empty());
		}
		return body(operation, status, requestId, response)
			.map((bytes) -> decode(operation, status, requestId, bytes, type));
	}

	private Mono<byte[]> body(ApiOperation operation, int status, @Nullable String requestId, ClientResponse response) {
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), this.maxResponseBytes)
			.map(ApiExchange::toBytes)
			.defaultIfEmpty(NO_BODY)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new FunctionsInvalidResponseException(operation.operationName(), status,
							"body is larger than the " + this.maxResponseBytes + "-byte limit (max-response-size)",
							requestId, ex));
	}

	/**
	 * Fail with the exception of an error answer's status and body.
	 */
	private <B> Mono<B> failure(ApiOperation operation, ClientResponse response, int status, HttpHeaders headers) {
		return errorBody(response)
			.flatMap((bytes) -> Mono.error(this.errors.toException(operation, status, headers, bytes)));
	}

	/**
	 * Read an error body up to the limit; a larger one is cut, not refused, so that the
	 * status still reaches the caller.
	 */
	private Mono<byte[]> errorBody(ClientResponse response) {
		return DataBufferUtils
			.join(DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()),
					this.maxResponseBytes))
			.map(ApiExchange::toBytes)
			.defaultIfEmpty(NO_BODY);
	}

	/**
	 * Decode a success body, or fail with a {@link FunctionsInvalidResponseException}
	 * that says what is wrong with it.
	 */
	<B> B decode(ApiOperation operation, int status, @Nullable String requestId, byte[] bytes,
			Class<? extends B> type) {
		if (bytes.length == 0) {
			throw new FunctionsInvalidResponseException(operation.operationName(), status, "body is empty", requestId,
					null);
		}
		try {
			B value = this.readers.computeIfAbsent(type, this.json::readerFor).readValue(bytes);
			if (value == null) {
				throw new FunctionsInvalidResponseException(operation.operationName(), status, "body is JSON null",
						requestId, null);
			}
			if (value instanceof Envelopes.Single<?> envelope && envelope.content() == null) {
				throw new FunctionsInvalidResponseException(operation.operationName(), status,
						"body has no '" + envelope.field() + "' object", requestId, null);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new FunctionsInvalidResponseException(operation.operationName(), status,
					"body is not the documented JSON: " + ex.getOriginalMessage(), requestId, ex);
		}
	}

	private static byte[] toBytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * Reads one answer.
	 */
	@FunctionalInterface
	private interface AnswerReader<B> {

		Mono<B> read(ClientResponse response, HttpHeaders headers, @Nullable String requestId);

	}

	/**
	 * An answer as it came: status, request id, headers and body.
	 */
	record Answer(int status, @Nullable String requestId, HttpHeaders headers, byte[] body) {

	}

}
