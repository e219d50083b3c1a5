package io.github.dofunctions.sample;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers the service's own request errors as RFC 9457 problem details: Spring's (a
 * malformed or missing body, 404 for an unknown path or job, 405, 406, 415), through
 * {@link ResponseEntityExceptionHandler}, with their detail kept, and an argument the
 * client refused (a bad cron, a blank name) as a 400. The client's failed calls of
 * DigitalOcean are answered by the starter's own handler, switched on with
 * {@code do.functions.problemdetails.enabled} in {@code application.yml}.
 */
@RestControllerAdvice
class RequestProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badArgument(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		return problem;
	}

	/**
	 * Keep why the input was refused ("No request body", "Failed to read HTTP message"),
	 * which Spring's default detail, "Invalid request content", drops, and, for a body
	 * that is not the JSON expected, what the JSON parser found and where.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (ex.getReason() != null) {
			JacksonException json = jsonError(ex);
			ex.getBody().setDetail((json != null) ? ex.getReason() + ": " + describe(json) : ex.getReason());
		}
		return super.handleServerWebInputException(ex, headers, status, exchange);
	}

	private static @Nullable JacksonException jsonError(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

	// The parser's own words, without the source it quotes.
	private static String describe(JacksonException ex) {
		TokenStreamLocation where = ex.getLocation();
		return ex.getOriginalMessage() + ((where != null && where.getLineNr() > 0)
				? " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")" : "");
	}

}
