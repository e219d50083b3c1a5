package io.github.dofunctions.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The call was not sent because the circuit breaker is open: recent calls to the API
 * failed too often (server errors, timeouts, refused connections). It is never retried;
 * calls go through again once the breaker lets trial calls succeed.
 */
public class FunctionsUnavailableException extends FunctionsException {

	/** The name of the open circuit breaker. */
	private final String circuitBreaker;

	/**
	 * Create an exception.
	 * @param operation name of the client operation that was refused
	 * @param circuitBreaker name of the open circuit breaker
	 * @param cause what the circuit breaker raised, or {@code null}
	 */
	public FunctionsUnavailableException(String operation, String circuitBreaker, @Nullable Throwable cause) {
		super(operation, operation + " not sent: circuit breaker '" + circuitBreaker
				+ "' is open after repeated failures of the DigitalOcean API", cause);
		this.circuitBreaker = circuitBreaker;
	}

	/**
	 * Return the name of the open circuit breaker.
	 * @return the circuit breaker name, such as {@code do-functions}
	 */
	public String circuitBreaker() {
		return this.circuitBreaker;
	}

	@Override
	public FailureKind kind() {
		return FailureKind.BREAKER_OPEN;
	}

}
