package io.github.dofunctions.sample;

import java.util.List;

import io.github.dofunctions.client.model.Activation;
import org.jspecify.annotations.Nullable;

/**
 * A job run by hand, as the service shows it.
 *
 * @param job the job's trigger name
 * @param function the function that ran
 * @param activationId the run's activation, to look up at DigitalOcean
 * @param durationMillis how long the function ran, if known
 * @param result what the function returned: any JSON value
 * @param logs what the function logged
 */
public record JobRun(String job, String function, String activationId, @Nullable Long durationMillis,
		@Nullable Object result, List<String> logs) {

	static JobRun of(String job, String function, Activation activation) {
		return new JobRun(job, function, activation.activationId(),
				(activation.duration() != null) ? activation.duration().toMillis() : null, activation.result(),
				activation.logs());
	}

}
