package io.github.dofunctions.sample;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Provisions the declared namespace and triggers once the application has started.
 */
@Component
class ProvisionOnStartup implements ApplicationRunner {

	private final JobScheduleService jobs;

	ProvisionOnStartup(JobScheduleService jobs) {
		this.jobs = jobs;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Start-up is not on an event loop: waiting here keeps requests away until the
		// namespace exists.
		this.jobs.ensureProvisioned().block();
	}

}
