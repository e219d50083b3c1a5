package io.github.dofunctions.client;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.RetrySettings;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static io.github.dofunctions.test.StubbedFunctionsApi.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One DEBUG line per call, with what a reader of the log needs, and nothing above DEBUG
 * on success.
 */
class CallLoggingTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private Logger logger;

	private Level previous;

	@BeforeEach
	void captureTheClientsLog() {
		this.logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.github.dofunctions");
		this.previous = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.log.start();
		this.logger.addAppender(this.log);
	}

	@AfterEach
	void restore() {
		this.logger.detachAppender(this.log);
		this.logger.setLevel(this.previous);
	}

	private List<ILoggingEvent> events() {
		synchronized (this.log) {
			return new ArrayList<>(this.log.list);
		}
	}

	@Test
	void successIsOneDebugLineWithOperationMethodTemplateStatusAttemptsDurationAndRequestId() {
		api.stubSequence(() -> get("/v2/functions/namespaces/fn-1"),
				json(503, "{\"id\": \"server_error\", \"message\": \"Unexpected server-side error\"}"),
				json(200, payload("namespace.json")).withHeader("x-request-id", "req-42"));
		FunctionsTemplate template = api.templateBuilder()
			.resilience(FunctionsResilience.builder()
				.retry(new RetrySettings(3, java.time.Duration.ofMillis(1), 1, java.time.Duration.ofMillis(1)))
				.noPacing()
				.build())
			.build();

		template.getNamespace("fn-1").block();

		assertThat(events()).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
			assertThat(event.getFormattedMessage())
				.matches("getNamespace GET /v2/functions/namespaces/\\{namespace_id\\} "
						+ "-> 200 SUCCESS after 2 attempts in \\d+ ms, request_id req-42");
		});
	}

	@Test
	void failureIsOneDebugLineWithTheStatusAndDigitalOceansRequestId() {
		api.server()
			.stubFor(get("/v2/functions/namespaces/fn-1").willReturn(json(404,
					"{\"id\": \"not_found\", \"message\": \"namespace not found\", \"request_id\": \"req-7\"}")));

		StepVerifier.create(api.template().getNamespace("fn-1")).expectError(FunctionsNotFoundException.class).verify();

		assertThat(events()).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
			assertThat(event.getFormattedMessage())
				.matches("getNamespace GET /v2/functions/namespaces/\\{namespace_id\\} "
						+ "-> 404 CLIENT_ERROR after 1 attempt in \\d+ ms, request_id req-7");
		});
	}

	@Test
	void nothingIsLoggedAtInfoOnSuccess() {
		this.logger.setLevel(Level.INFO);
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, payload("namespaces.json"))));

		api.template().listNamespaces().blockLast();

		assertThat(events()).isEmpty();
	}

}
