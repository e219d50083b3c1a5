package io.github.dofunctions.autoconfigure.web;

import io.github.dofunctions.client.error.FunctionsException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

/**
 * Answers a controller's failed call of DigitalOcean with an RFC 9457 problem detail, in
 * a Spring MVC or WebFlux application, when {@code do.functions.problemdetails.enabled}
 * is {@code true}: the opt-in counterpart of Spring Boot's
 * {@code spring.mvc.problemdetails.enabled} and
 * {@code spring.webflux.problemdetails.enabled} for the client's exceptions.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass({ ProblemDetail.class, FunctionsException.class })
@ConditionalOnBooleanProperty("do.functions.problemdetails.enabled")
public final class FunctionsProblemDetailsAutoConfiguration {

	/**
	 * Create the auto-configuration; Spring Boot instantiates it.
	 */
	public FunctionsProblemDetailsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionsProblemDetailsExceptionHandler functionsProblemDetailsExceptionHandler() {
		return new FunctionsProblemDetailsExceptionHandler();
	}

}
