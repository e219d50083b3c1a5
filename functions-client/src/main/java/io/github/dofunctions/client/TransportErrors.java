package io.github.dofunctions.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import javax.net.ssl.SSLHandshakeException;

import io.github.dofunctions.client.error.FunctionsConnectionException;
import io.github.dofunctions.client.error.FunctionsConnectionPoolException;
import io.github.dofunctions.client.error.FunctionsException;
import io.github.dofunctions.client.error.FunctionsTimeoutException;
import io.github.dofunctions.client.model.ApiOperation;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Turns the failures of the HTTP connector (refused or reset connections, timeouts) into
 * {@link FunctionsConnectionException}s that say whether the request may have reached the
 * server. The checks use JDK types and names only, so they hold for every connector
 * WebClient supports (Reactor Netty, Jetty, the JDK client, Apache HttpComponents).
 */
final class TransportErrors {

	private static final Set<String> POOL_EXCEPTIONS = Set.of("PoolAcquirePendingLimitException",
			"PoolAcquireTimeoutException", "ConnectionRequestTimeoutException");

	private TransportErrors() {
	}

	static boolean isTransportError(Throwable ex) {
		if (ex instanceof FunctionsException) {
			return false;
		}
		return ex instanceof WebClientRequestException || anyCause(ex, IOException.class::isInstance) || isTimeout(ex);
	}

	static FunctionsConnectionException translate(ApiOperation operation, Throwable ex) {
		String name = operation.operationName();
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		// An IllegalArgumentException comes from building the request (a header value the
		// connector refuses, such as one with a line break): nothing was sent.
		if (anyCause(ex, IllegalArgumentException.class::isInstance)) {
			return new FunctionsConnectionException(name,
					name + " failed: the request could not be built, it was not sent (" + root + ")", false, ex);
		}
		if (noPooledConnection(ex)) {
			return new FunctionsConnectionPoolException(name, name
					+ " failed: the HTTP connector's connection pool gave no connection, the request was not sent ("
					+ root + ")", ex);
		}
		if (neverConnected(ex)) {
			return new FunctionsConnectionException(name,
					name + " failed: could not connect, the request was not sent (" + root + ")", false, ex);
		}
		if (isTimeout(ex)) {
			return new FunctionsTimeoutException(name,
					name + " failed: no complete answer within the response timeout, the server may have acted on it ("
							+ root + ")",
					ex);
		}
		return new FunctionsConnectionException(name,
				name + " failed: the connection broke after the request was sent (" + root + ")", true, ex);
	}

	private static boolean neverConnected(Throwable ex) {
		return anyCause(ex, (cause) -> cause instanceof ConnectException || cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException || cause instanceof SSLHandshakeException);
	}

	/**
	 * Whether the connector refused to queue the request for a connection, or gave up
	 * waiting for one: Reactor Netty's pool ({@code PoolAcquirePendingLimitException},
	 * {@code PoolAcquireTimeoutException}, a {@code TimeoutException} checked here
	 * first), Jetty's full request queue ({@code RejectedExecutionException}) and Apache
	 * HttpComponents' connection request timeout. Known by name, since the types are the
	 * connectors' own (Reactor Netty's are shaded).
	 */
	private static boolean noPooledConnection(Throwable ex) {
		return anyCause(ex, (cause) -> cause instanceof RejectedExecutionException
				|| POOL_EXCEPTIONS.contains(cause.getClass().getSimpleName()));
	}

	private static boolean isTimeout(Throwable ex) {
		// Netty's ReadTimeoutException and the JDK client's HttpTimeoutException share no
		// type with the JDK's timeouts, only the name.
		return anyCause(ex, (cause) -> cause instanceof TimeoutException || cause instanceof SocketTimeoutException
				|| cause.getClass().getSimpleName().endsWith("TimeoutException"));
	}

	private static boolean anyCause(Throwable ex, Predicate<Throwable> test) {
		Throwable current = ex;
		while (current != null) {
			if (test.test(current)) {
				return true;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return false;
	}

}
