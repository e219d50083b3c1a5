package io.github.dofunctions.sample;

import reactor.core.publisher.Mono;

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
	 * which Spring's default detail, "Invalid request content", drops.
	 */
	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (ex.getReason() != null) {
			ex.getBody().setDetail(ex.getReason());
		}
		return super.handleServerWebInputException(ex, headers, status, exchange);
	}

}
