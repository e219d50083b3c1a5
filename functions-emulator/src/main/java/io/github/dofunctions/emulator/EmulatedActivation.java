package io.github.dofunctions.emulator;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An activation the emulator recorded, as a snapshot: one ended run of a function.
 *
 * @param activationId identifier of the activation
 * @param namespaceId the namespace it ran in
 * @param function the function, as invoked ({@code name} or {@code package/name})
 * @param subject who invoked it: the id of the access key that authenticated the call,
 * or, for a scheduled run, the namespace's id (OpenWhisk runs a trigger's action as the
 * trigger's owner)
 * @param start when it started
 * @param end when it ended
 * @param status {@code success}, {@code application error} (the function returned an
 * {@code error} field), {@code action developer error} (it threw) or
 * {@code whisk internal error} (it threw a {@link WhiskInternalErrorException})
 * @param result what the function returned, any JSON value as plain Java ({@code Map},
 * {@code List}, {@code String}, {@code Number}, {@code Boolean}, {@code null}), or its
 * error
 * @param logs what it logged
 * @param trigger the name of the scheduled trigger whose run it was, or {@code null} for
 * a call
 */
public record EmulatedActivation(String activationId, String namespaceId, String function, String subject,
		Instant start, Instant end, String status, @Nullable Object result, List<String> logs,
		@Nullable String trigger) {

	/** Status of a run that returned a result without an {@code error} field. */
	public static final String SUCCESS = "success";

	/** Status of a run that returned an {@code error} field. */
	public static final String APPLICATION_ERROR = "application error";

	/** Status of a run whose function threw. */
	public static final String DEVELOPER_ERROR = "action developer error";

	/**
	 * Status of a run the platform failed, which a function stands for by throwing a
	 * {@link WhiskInternalErrorException}.
	 */
	public static final String INTERNAL_ERROR = "whisk internal error";

	/**
	 * Return whether the run succeeded.
	 * @return {@code true} if the status is {@code success}
	 */
	public boolean success() {
		return SUCCESS.equals(this.status);
	}

	/**
	 * Return OpenWhisk's code of the status, as activation summaries carry it.
	 * @return 0 for success, 1 for an application error, 2 for a developer error, 3 for a
	 * whisk internal error ({@code ActivationResponse.messageForCode} in OpenWhisk)
	 */
	public int statusCode() {
		return switch (this.status) {
			case SUCCESS -> 0;
			case APPLICATION_ERROR -> 1;
			case INTERNAL_ERROR -> 3;
			default -> 2;
		};
	}

}
