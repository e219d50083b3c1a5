package io.github.dofunctions.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An activation the emulator recorded, as a snapshot: one ended run of a function.
 *
 * @param activationId identifier of the activation
 * @param namespaceId the namespace it ran in
 * @param function the function, as invoked ({@code name} or {@code package/name})
 * @param start when it started
 * @param end when it ended
 * @param status {@code success} or {@code application error}
 * @param result what the function returned, or its error
 * @param logs what it logged
 */
public record EmulatedActivation(String activationId, String namespaceId, String function, Instant start,
		Instant end, String status, Map<String, Object> result, List<String> logs) {

	/**
	 * Return whether the run succeeded.
	 * @return {@code true} if the status is {@code success}
	 */
	public boolean success() {
		return "success".equals(this.status);
	}

}
