package io.github.dofunctions.sample;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's REST API over its namespace and scheduled triggers, and to run a job now.
 */
@RestController
@RequestMapping("/api")
class JobsController {

	private final JobScheduleService jobs;

	private final JobRunner runner;

	JobsController(JobScheduleService jobs, JobRunner runner) {
		this.jobs = jobs;
		this.runner = runner;
	}

	@PostMapping("/jobs/{name}/runs")
	Mono<JobRun> runNow(@PathVariable String name,
			@RequestBody(required = false) @Nullable Map<String, Object> parameters) {
		return this.runner.runNow(name, parameters);
	}

	@GetMapping("/namespaces")
	Flux<NamespaceView> namespaces() {
		return this.jobs.namespaces();
	}

	@GetMapping("/triggers")
	Flux<TriggerView> triggers() {
		return this.jobs.triggers();
	}

	@GetMapping("/triggers/{name}")
	Mono<TriggerView> trigger(@PathVariable String name) {
		return this.jobs.trigger(name);
	}

	@PostMapping("/triggers/{name}/pause")
	Mono<TriggerView> pause(@PathVariable String name) {
		return this.jobs.setEnabled(name, false);
	}

	@PostMapping("/triggers/{name}/resume")
	Mono<TriggerView> resume(@PathVariable String name) {
		return this.jobs.setEnabled(name, true);
	}

	@PutMapping("/triggers/{name}/schedule")
	Mono<TriggerView> reschedule(@PathVariable String name, @RequestBody ScheduleChange change) {
		return this.jobs.reschedule(name, change.cron());
	}

	@DeleteMapping("/triggers/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable String name) {
		return this.jobs.delete(name);
	}

	/**
	 * A new schedule.
	 *
	 * @param cron five-field cron expression, in UTC
	 */
	record ScheduleChange(@Nullable String cron) {

	}

}
