package io.github.dofunctions.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The declared namespace and jobs are provisioned before the web server takes traffic:
 * the first request a starting service answers already finds them (the hand-written
 * provisioning this replaced ran after the server had started, and answered
 * {@code 200 []} meanwhile).
 */
class RequestsDuringStartUpTests {

	@Test
	void theFirstAnswerOfAStartingServiceShowsTheDeclaredJobs() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> SpringApplication.run(ScheduledJobsApplication.class, "--server.port=" + port,
					"--spring.main.banner-mode=off"));
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest triggers = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/triggers")).build();
		try {
			// Asked again and again from before the server listens: connections are
			// refused until it does.
			HttpResponse<String> first = await().atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(10))
				.ignoreExceptions()
				.until(() -> http.send(triggers, HttpResponse.BodyHandlers.ofString()), (answer) -> true);

			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(first.body()).contains("\"name\":\"nightly-report\"", "\"name\":\"hourly-cleanup\"",
					"\"name\":\"weekly digest\"");
		}
		finally {
			starting.join().close();
		}
	}

}
