package io.github.dofunctions.emulator;

import io.github.dofunctions.client.model.ClientRules;

/**
 * A function for the emulator to serve: its name and its code. With Spring Boot, every
 * bean of this type is registered with the embedded emulator.
 *
 * @param name the function's name, {@code name} or {@code package/name}
 * @param handler its code
 */
public record EmulatedFunction(String name, FunctionHandler handler) {

	/**
	 * Create a function, checking its arguments.
	 * @param name the function's name
	 * @param handler its code
	 * @throws IllegalArgumentException if the name is not {@code name} or
	 * {@code package/name} with each part an OpenWhisk entity name, or the handler is
	 * missing
	 */
	public EmulatedFunction {
		ClientRules.check("name", ClientRules.functionName(name));
		if (handler == null) {
			throw new IllegalArgumentException("handler must not be null");
		}
	}

	/**
	 * Create a function.
	 * @param name the function's name, {@code name} or {@code package/name}
	 * @param handler its code
	 * @return the function
	 */
	public static EmulatedFunction of(String name, FunctionHandler handler) {
		return new EmulatedFunction(name, handler);
	}

}
