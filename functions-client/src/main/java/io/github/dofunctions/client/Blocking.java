package io.github.dofunctions.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.github.dofunctions.client.error.FunctionsException;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Waits for a reactive call on the calling thread, for the blocking API. Refuses to wait
 * on a thread that must not block, where waiting would hold up the very event loop that
 * has to deliver the answer. A failure is thrown with the calling thread's stack, as
 * {@code RestClient} throws it, rather than the event loop's that {@code block()} would
 * leave on it.
 */
final class Blocking {

	private Blocking() {
	}

	static <T> @Nullable T await(String operation, Mono<T> call) {
		checkMayBlock(operation);
		CompletableFuture<T> answer = call.toFuture();
		try {
			return answer.get();
		}
		catch (ExecutionException ex) {
			throw onCallersStack(ex.getCause());
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException(
					operation
							+ " was interrupted while waiting for its answer and was cancelled; it may have been sent",
					ex);
		}
	}

	/**
	 * Wait for a call that answers one value by contract.
	 */
	static <T> T awaitValue(String operation, Mono<T> call) {
		T value = await(operation, call);
		if (value == null) {
			throw new IllegalStateException(operation + " completed without a value");
		}
		return value;
	}

	static <T> List<T> awaitAll(String operation, Flux<T> call) {
		List<T> all = await(operation, call.collectList());
		return (all != null) ? all : List.of();
	}

	/**
	 * Give the client's own exception the frames of the thread that called: the ones
	 * where it was made are the event loop's and name neither the call nor its caller.
	 * Any other exception is a fault whose frames locate it, and keeps them.
	 */
	private static RuntimeException onCallersStack(Throwable failure) {
		if (failure instanceof FunctionsException ex) {
			ex.fillInStackTrace();
			return ex;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return Exceptions.propagate(failure);
	}

	private static void checkMayBlock(String operation) {
		// Reactor marks its event-loop and parallel threads NonBlocking; block() would
		// refuse them too, with a message that names neither the call nor the way out.
		// The reactive call is only assembled at this point: nothing is sent before
		// block().
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException(operation + " blocks, and was called on thread '"
					+ Thread.currentThread().getName() + "', which must not block (a Reactor non-blocking thread): "
					+ "use the reactive FunctionsOperations or FunctionInvoker there, or run the blocking call on "
					+ "Schedulers.boundedElastic(); nothing was sent");
		}
	}

}
