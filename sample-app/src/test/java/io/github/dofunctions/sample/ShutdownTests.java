package io.github.dofunctions.sample;

import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.Operation;
import io.github.dofunctions.emulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as it runs, with its reactive web server: when it stops, the access key its
 * client made is deleted while the HTTP stack can still send, before Spring stops the
 * Reactor Netty resources the server and the client share.
 */
class ShutdownTests {

	@Test
	void accessKeyTheServiceMadeIsDeletedWhenItStops() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ScheduledJobsApplication.class)
			.properties("server.port=0")
			.run();
		FunctionsEmulator emulator = context.getBean(FunctionsEmulator.class);
		context.getBean(JobRunner.class).runNow("nightly-report", null).block();
		String namespaceId = emulator.state().namespaces().get(0).id();
		assertThat(emulator.state().accessKeys(namespaceId)).hasSize(1);

		context.close();

		assertThat(emulator.state().accessKeys(namespaceId)).isEmpty();
		assertThat(emulator.journal().requests(Operation.DELETE_ACCESS_KEY)).extracting(RecordedRequest::status)
			.containsExactly(200);
	}

}
