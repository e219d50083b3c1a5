package io.github.dofunctions.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The scheduled-jobs service: on the embedded emulator by default, against DigitalOcean
 * with {@code DO_FUNCTIONS_EMULATOR_ENABLED=false} and a {@code DIGITALOCEAN_TOKEN}.
 */
@SpringBootApplication
public class ScheduledJobsApplication {

	/**
	 * Run the service.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(ScheduledJobsApplication.class, args);
	}

}
