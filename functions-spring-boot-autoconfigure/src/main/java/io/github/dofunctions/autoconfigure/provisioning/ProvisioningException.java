package io.github.dofunctions.autoconfigure.provisioning;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Provisioning of the declared namespaces and triggers did not happen, or not all of it:
 * the declarations were refused before anything was written, {@code validate} found
 * differences, or a call to DigitalOcean failed. At start-up, a failure analysis explains
 * it; at run time, {@link FunctionsAdmin#provision()} throws it.
 */
public class ProvisioningException extends RuntimeException {

	/**
	 * Why provisioning stopped.
	 */
	private final Reason reason;

	/**
	 * The problems, differences or failed resource, one line each.
	 */
	private final List<String> details;

	ProvisioningException(Reason reason, String message, List<String> details, @Nullable Throwable cause) {
		super(message + (details.isEmpty() ? "" : ":\n - " + String.join("\n - ", details)), cause);
		this.reason = reason;
		this.details = List.copyOf(details);
	}

	/**
	 * Return why provisioning stopped.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Return the problems, differences or the failed resource with DigitalOcean's error,
	 * one line each.
	 * @return an unmodifiable list
	 */
	public List<String> getDetails() {
		return this.details;
	}

	/**
	 * Why provisioning stopped.
	 */
	public enum Reason {

		/**
		 * The declarations were refused before anything was written.
		 */
		INVALID_DECLARATIONS,

		/**
		 * The mode is {@code validate} and DigitalOcean differs from the declarations.
		 */
		DRIFT,

		/**
		 * A call to DigitalOcean failed; what was done before it stays done.
		 */
		FAILED

	}

}
