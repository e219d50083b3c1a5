package io.github.dofunctions.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dofunctions.autoconfigure.provisioning.TriggerDeclaration;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.model.Invocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Runs a scheduled job now, outside its schedule: invokes the job's function in the
 * service's namespace with the job's parameters, and any the caller adds, through the
 * namespace's {@link io.github.dofunctions.client.FunctionInvoker}.
 * <p>
 * A job run by hand is not marked idempotent: a nightly report that may have started is
 * not started again behind the caller's back. A run longer than the platform's blocking
 * limit is followed until it ends or {@code do.functions.invocation.deadline} passes.
 */
@Service
public class JobRunner {

	private final FunctionsOperations functions;

	private final JobScheduleService schedule;

	/**
	 * Create the runner.
	 * @param functions the DigitalOcean Functions client
	 * @param schedule the declared jobs and the namespace they run in
	 */
	public JobRunner(FunctionsOperations functions, JobScheduleService schedule) {
		this.functions = functions;
		this.schedule = schedule;
	}

	/**
	 * Run a declared job now.
	 * @param name the job's trigger name
	 * @param extra parameters added to the job's own, or {@code null}
	 * @return the run: activation, result and logs
	 */
	public Mono<JobRun> runNow(String name, @Nullable Map<String, Object> extra) {
		TriggerDeclaration job = this.schedule.job(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No job named '" + name + "'"));
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (job.body() != null) {
			parameters.putAll(job.body());
		}
		if (extra != null) {
			parameters.putAll(extra);
		}
		Invocation invocation = Invocation.of(job.function(), parameters);
		return this.schedule.namespaceId()
			.flatMap((namespaceId) -> this.functions.invoker(namespaceId).invokeForActivation(invocation))
			.map((activation) -> JobRun.of(name, job.function(), activation));
	}

}
