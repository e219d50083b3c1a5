package io.github.dofunctions.autoconfigure.web;

import java.time.Duration;

import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.error.FunctionInvocationTimeoutException;
import io.github.dofunctions.client.error.FunctionsApiException;
import io.github.dofunctions.client.error.FunctionsBadRequestException;
import io.github.dofunctions.client.error.FunctionsConflictException;
import io.github.dofunctions.client.error.FunctionsException;
import io.github.dofunctions.client.error.FunctionsLimitReachedException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsRateLimitException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.error.FunctionsUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the client's exceptions into problem details, in Spring MVC and WebFlux alike
 * (annotated controllers of both read {@code @ExceptionHandler} methods of a
 * {@code @RestControllerAdvice}).
 * <p>
 * What the caller of the application may have got wrong keeps DigitalOcean's status (400,
 * 404, 409, 422, 429 with {@code Retry-After}). What went wrong between the application
 * and DigitalOcean (its token refused, DigitalOcean failing, out of reach or slow, a
 * function failing) is a 502, 503 or 504: the caller cannot fix it. Each problem carries
 * the client's {@code operation} and, from DigitalOcean, its {@code errorId} and
 * {@code requestId}; a function's failure carries its {@code activationId} and
 * {@code activationStatus} but not its result or logs, which may hold what the function
 * keeps to itself. Ordered before an application's own advice; an application that wants
 * other answers declares its own {@code @ExceptionHandler} for the exceptions it cares
 * about with a higher precedence, or leaves this off.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class FunctionsProblemDetailsExceptionHandler {

	private static final Log logger = LogFactory.getLog(FunctionsProblemDetailsExceptionHandler.class);

	@ExceptionHandler(FunctionsException.class)
	ResponseEntity<ProblemDetail> handle(FunctionsException ex) {
		ProblemDetail problem = problemFor(ex);
		problem.setProperty("operation", ex.operation());
		if (problem.getStatus() >= 500) {
			logger.warn("Answered " + problem.getStatus() + " for a failed call of DigitalOcean: " + ex.getMessage());
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
		if (ex instanceof FunctionsRateLimitException rateLimited && rateLimited.retryAfter() != null) {
			Duration wait = rateLimited.retryAfter();
			long seconds = wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0);
			answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(seconds, 1)));
		}
		return answer.body(problem);
	}

	private static ProblemDetail problemFor(FunctionsException ex) {
		if (ex instanceof FunctionInvocationException failed) {
			ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY, "The function failed", ex.getMessage());
			problem.setProperty("activationId", failed.activationId());
			problem.setProperty("activationStatus", failed.status());
			return problem;
		}
		if (ex instanceof FunctionInvocationTimeoutException late) {
			ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, "The function gave no result in time",
					ex.getMessage());
			problem.setProperty("activationId", late.activationId());
			return problem;
		}
		if (ex instanceof FunctionsApiException answered) {
			HttpStatus status = statusFor(answered);
			ProblemDetail problem = problem(status,
					"DigitalOcean answered " + answered.status()
							+ ((answered.errorId() != null) ? " " + answered.errorId() : ""),
					(answered.errorMessage() != null) ? answered.errorMessage() : ex.getMessage());
			if (answered.errorId() != null) {
				problem.setProperty("errorId", answered.errorId());
			}
			if (answered.requestId() != null) {
				problem.setProperty("requestId", answered.requestId());
			}
			return problem;
		}
		if (ex instanceof FunctionsUnavailableException) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "DigitalOcean is failing", ex.getMessage());
		}
		if (ex instanceof FunctionsTimeoutException) {
			return problem(HttpStatus.GATEWAY_TIMEOUT, "DigitalOcean did not answer in time", ex.getMessage());
		}
		return problem(HttpStatus.BAD_GATEWAY, "DigitalOcean could not be reached", ex.getMessage());
	}

	/**
	 * The caller's mistakes keep their status; DigitalOcean refusing the application's
	 * own token (401, 403) or failing is the application's problem, not the caller's.
	 */
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

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
