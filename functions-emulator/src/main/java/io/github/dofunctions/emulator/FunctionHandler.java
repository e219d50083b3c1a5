package io.github.dofunctions.emulator;

/**
 * The code of an emulated function: from its parameters to its result. Registered with
 * {@link FunctionsEmulator#registerFunction(String, FunctionHandler)}.
 * <p>
 * The result is written as JSON and may be any JSON value (a {@code Map} or a record, a
 * {@code List}, a string, a number, a boolean, {@code null}), as OpenWhisk allows since
 * 2022. A result object with an {@code error} field makes the activation an
 * {@code application error}; a thrown exception makes it an {@code action developer
 * error}, as OpenWhisk's runtimes report an action that failed to handle an error. Either
 * way the blocking call answers {@code 502} with the activation, as on DigitalOcean. A
 * {@link WhiskInternalErrorException} stands for a failure of the platform: a
 * {@code whisk internal error}, answered {@code 500} with the activation. Handlers run on
 * Reactor's bounded-elastic threads and may block.
 */
@FunctionalInterface
public interface FunctionHandler {

	/**
	 * Run the function once.
	 * @param call the parameters, and where to log
	 * @return the result, written as JSON
	 * @throws Exception to fail the activation ({@code action developer error}) with the
	 * exception's message as its {@code error}
	 */
	Object handle(FunctionCall call) throws Exception;

}
