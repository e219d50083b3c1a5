package io.github.dofunctions.client.error;

/**
 * A call got no connection from the HTTP connector's pool: every connection was busy and
 * the queue of requests waiting for one was full, or the wait timed out (Reactor Netty's
 * {@code maxConnections} with {@code pendingAcquireMaxCount} or
 * {@code pendingAcquireTimeout}, Jetty's {@code maxRequestsQueuedPerDestination}). The
 * request was not sent, so it is retried as a refused connection is; it does not count
 * against the circuit breaker, since it says nothing of DigitalOcean's health.
 */
public class FunctionsConnectionPoolException extends FunctionsConnectionException {

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param message what happened
	 * @param cause the connector's failure
	 */
	public FunctionsConnectionPoolException(String operation, String message, Throwable cause) {
		super(operation, message, false, cause);
	}

	@Override
	public FailureKind kind() {
		return FailureKind.CONNECTION_POOL_EXHAUSTED;
	}

}
