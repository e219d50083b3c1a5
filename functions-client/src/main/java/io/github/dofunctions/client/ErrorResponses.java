package io.github.dofunctions.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.github.dofunctions.client.Envelopes.ErrorBody;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsBadRequestException;
import io.github.dofunctions.client.error.FunctionsConflictException;
import io.github.dofunctions.client.error.FunctionsForbiddenException;
import io.github.dofunctions.client.error.FunctionsLimitReachedException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsServerException;
import io.github.dofunctions.client.error.FunctionsUnauthorizedException;
import io.github.dofunctions.client.model.ApiOperation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Turns an error answer into the exception of its status: the one place where statuses
 * are mapped. The status decides the type (DigitalOcean documents a {@code 404} whose
 * body says {@code bad_request}); the body supplies the error id, message and request id.
 */
final class ErrorResponses {

	static final String REQUEST_ID_HEADER = "x-request-id";

	private static final int MAX_QUOTED_BODY = 200;

	private final JsonMapper json;

	private final Clock clock;

	ErrorResponses(JsonMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	FunctionsApiException toException(ApiOperation operation, int status, HttpHeaders headers, byte[] body) {
		ErrorBody error = parse(body);
		String errorId = (error != null) ? error.id() : null;
		String message = (error != null && error.message() != null) ? error.message() : describe(status, body);
		String requestId = (error != null && error.requestId() != null) ? error.requestId()
				: headers.getFirst(REQUEST_ID_HEADER);
		String name = operation.operationName();
		return switch (status) {
			case 400 -> new FunctionsBadRequestException(name, errorId, message, requestId);
			case 401 -> new FunctionsUnauthorizedException(name, errorId, message, requestId);
			case 403 -> new FunctionsForbiddenException(name, errorId, message, requestId);
			case 404 -> new FunctionsNotFoundException(name, errorId, message, requestId);
			case 409 -> new FunctionsConflictException(name, errorId, message, requestId);
			case 422 -> new FunctionsLimitReachedException(name, errorId, message, requestId);
			case 429 -> new FunctionsRateLimitException(name, errorId, message, requestId,
					RateLimitHeaders.retryAfter(headers, this.clock), RateLimitHeaders.reset(headers));
			default -> (status >= 500 && status <= 599)
					? new FunctionsServerException(name, status, errorId, message, requestId)
					: new FunctionsApiException(name, status, errorId, message, requestId);
		};
	}

	private @Nullable ErrorBody parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return this.json.readValue(body, ErrorBody.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Describe a body that is not DigitalOcean's error JSON: other JSON, such as an
	 * activation record, or something else, such as a proxy's HTML page.
	 */
	private String describe(int status, byte[] body) {
		HttpStatus known = HttpStatus.resolve(status);
		String reason = (known != null) ? known.getReasonPhrase() : "HTTP " + status;
		if (body.length == 0) {
			return reason + " (empty body)";
		}
		String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
		if (text.length() > MAX_QUOTED_BODY) {
			text = text.substring(0, MAX_QUOTED_BODY) + "...";
		}
		return reason + (isJson(body) ? " (JSON body without an error message: " : " (body is not JSON: ") + text + ")";
	}

	private boolean isJson(byte[] body) {
		try {
			this.json.readTree(body);
			return true;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
