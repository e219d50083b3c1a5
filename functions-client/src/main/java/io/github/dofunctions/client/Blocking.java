package io.github.dofunctions.client;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Waits for a reactive call on the calling thread, for the blocking API. Refuses to wait
 * on a thread that must not block, where waiting would hold up the very event loop that
 * has to deliver the answer.
 */
final class Blocking {

	private Blocking() {
	}

	static <T> @Nullable T await(String operation, Mono<T> call) {
		checkMayBlock(operation);
		return call.block();
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
		checkMayBlock(operation);
		List<T> all = call.collectList().block();
		return (all != null) ? all : List.of();
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
