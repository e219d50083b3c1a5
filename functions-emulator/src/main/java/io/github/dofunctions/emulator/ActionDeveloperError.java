package io.github.dofunctions.emulator;

/**
 * The failure of a deployed function's code, reported as OpenWhisk's runtimes report it:
 * an {@code action developer error} whose message is the activation's {@code error}. The
 * emulator adds no line of its own to the activation's log, as the platform adds none.
 */
final class ActionDeveloperError extends IllegalStateException {

	ActionDeveloperError(String message) {
		super(message);
	}

}
