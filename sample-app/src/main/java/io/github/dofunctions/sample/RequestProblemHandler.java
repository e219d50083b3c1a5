package io.github.dofunctions.sample;

import java.net.URI;

import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.error.FunctionInvocationTimeoutException;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsBadRequestException;
import io.github.dofunctions.client.error.FunctionsConflictException;
import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsLimitReachedException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.error.FunctionsUnavailableException;
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
 * Turns the client's errors into RFC 9457 problem details with a fitting status, carrying
 * DigitalOcean's message, error id and request id. Spring's own errors (a malformed or
 * missing body, 404 for an unknown path or job, 405, 406, 415) are problem details too,
 * through {@link ResponseEntityExceptionHandler}, with their detail kept.
 * <p>
 * What the caller did wrong keeps its status (400, 404, 409, 422, 429). What went wrong
 * between this service and DigitalOcean (its token refused, DigitalOcean failing or out
 * of reach) is a 502, 503 or 504: the caller cannot fix it.
 */
@RestControllerAdvice
class FunctionsProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(FunctionsApiException.class)
	ResponseEntity<ProblemDetail> apiError(FunctionsApiException ex) {
		HttpStatus status = statusFor(ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				(ex.errorMessage() != null) ? ex.errorMessage() : ex.getMessage());
		problem.setTitle("DigitalOcean answered " + ex.status() + ((ex.errorId() != null) ? " " + ex.errorId() : ""));
		problem.setType(URI.create("https://docs.digitalocean.com/reference/api/api-reference/#tag/Functions"));
		problem.setProperty("operation", ex.operation());
		problem.setProperty("errorId", ex.errorId());
		problem.setProperty("requestId", ex.requestId());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (ex instanceof FunctionsRateLimitException rateLimited && rateLimited.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(rateLimited.retryAfter().toSeconds()));
		}
		return response.body(problem);
	}

	/**
	 * The function ran and failed: its own error, with the activation to look it up by.
	 */
	@ExceptionHandler(FunctionInvocationException.class)
	ProblemDetail functionFailed(FunctionInvocationException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, "The function failed", ex.getMessage(), ex.operation());
		problem.setProperty("activationId", ex.activationId());
		problem.setProperty("activationStatus", ex.status());
		problem.setProperty("result", ex.result());
		problem.setProperty("logs", ex.logs());
		return problem;
	}

	/**
	 * The deadline passed: the function may still be running as the named activation.
	 */
	@ExceptionHandler(FunctionInvocationTimeoutException.class)
	ProblemDetail functionTooSlow(FunctionInvocationTimeoutException ex) {
		ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, "The function gave no result in time",
				ex.getMessage(), ex.operation());
		problem.setProperty("activationId", ex.activationId());
		return problem;
	}

	@ExceptionHandler(FunctionsUnavailableException.class)
	ProblemDetail unavailable(FunctionsUnavailableException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "DigitalOcean is failing", ex.getMessage(), ex.operation());
	}

	@ExceptionHandler(FunctionsConnectionException.class)
	ProblemDetail unreachable(FunctionsConnectionException ex) {
		HttpStatus status = (ex instanceof FunctionsTimeoutException) ? HttpStatus.GATEWAY_TIMEOUT
				: HttpStatus.BAD_GATEWAY;
		return problem(status, "DigitalOcean did not answer", ex.getMessage(), ex.operation());
	}

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

	private static ProblemDetail problem(HttpStatus status, String title, String detail, String operation) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("operation", operation);
		return problem;
	}

	private static HttpStatus statusFor(FunctionsApiException ex) {
		if (ex instanceof FunctionsNotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof FunctionsBadRequestException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof FunctionsConflictException) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof FunctionsLimitReachedException) {
			return HttpStatus.UNPROCESSABLE_CONTENT;
		}
		if (ex instanceof FunctionsRateLimitException) {
			return HttpStatus.TOO_MANY_REQUESTS;
		}
		return HttpStatus.BAD_GATEWAY;
	}

}
