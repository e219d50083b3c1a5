package io.github.dofunctions.emulator;

/**
 * The code of an emulated function: from its parameters to its result. Registered with
 * {@link FunctionsEmulator#registerFunction(String, FunctionHandler)}.
 * <p>
 * The result is written as JSON and must be an object, such as a {@code Map} or a record;
 * a result with an {@code error} field, like a thrown exception, makes the activation an
 * {@code application error} and the blocking call answer {@code 502}, as on
 * DigitalOcean. Handlers run on Reactor's bounded-elastic threads and may block.
 */
@FunctionalInterface
public interface FunctionHandler {

	/**
	 * Run the function once.
	 * @param call the parameters, and where to log
	 * @return the result, written as a JSON object
	 * @throws Exception to fail the activation with the exception's message as its
	 * {@code error}
	 */
	Object handle(FunctionCall call) throws Exception;

}
