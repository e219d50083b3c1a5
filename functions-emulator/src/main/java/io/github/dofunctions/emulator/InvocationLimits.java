package io.github.dofunctions.emulator;

/**
 * DigitalOcean's limits on a namespace's invocations, as the emulator enforces them:
 * invocations a minute and activations in flight at once (Functions "Limits": 600 and
 * 120). Like Apache OpenWhisk's controller, which serves the API hosts, the emulator
 * counts every invocation request, refused ones too, in calendar minutes
 * ({@code RateThrottler}), counts activations in flight until they end
 * ({@code ActivationThrottler}), and refuses over either limit with {@code 429} and
 * OpenWhisk's message ({@code Messages.tooManyRequests},
 * {@code Messages.tooManyConcurrentRequests}), before it looks the function up.
 *
 * @param perMinute invocations allowed in one calendar minute of the emulator's clock
 * @param concurrent activations allowed in flight at once
 */
public record InvocationLimits(int perMinute, int concurrent) {

	/**
	 * Create limits, checking them.
	 * @param perMinute positive
	 * @param concurrent positive
	 */
	public InvocationLimits {
		if (perMinute <= 0 || concurrent <= 0) {
			throw new IllegalArgumentException("invocation limits must be positive");
		}
	}

	/**
	 * Return DigitalOcean's limits: 600 invocations a minute and 120 at once per
	 * namespace.
	 * @return the limits of the platform
	 */
	public static InvocationLimits digitalOcean() {
		return new InvocationLimits(600, 120);
	}

	/**
	 * Return limits no test reaches.
	 * @return limits of a billion invocations a minute and at once
	 */
	public static InvocationLimits unlimited() {
		return new InvocationLimits(1_000_000_000, 1_000_000_000);
	}

}
