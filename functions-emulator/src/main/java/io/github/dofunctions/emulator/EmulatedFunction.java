package io.github.dofunctions.emulator;

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
	 * @throws IllegalArgumentException if the name is blank or has more than one
	 * {@code /}, or the handler is missing
	 */
	public EmulatedFunction {
		if (name == null || name.isBlank() || name.split("/", -1).length > 2) {
			throw new IllegalArgumentException("name must be 'name' or 'package/name'");
		}
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
