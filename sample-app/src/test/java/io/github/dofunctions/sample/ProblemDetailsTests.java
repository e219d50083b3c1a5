package io.github.dofunctions.sample;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of error the service's API can answer, Spring's own included, is an RFC 9457
 * problem detail with its status and a detail that says what was wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ProblemDetailsTests {

	@Autowired
	private WebTestClient web;

	static Stream<Arguments> mistakes() {
		return Stream.of(mistake("malformed JSON", 400,
				"Failed to read HTTP message: Unexpected end-of-input within/between Object entries (line 1, column 10)",
				(web) -> web.put()
					.uri("/api/triggers/nightly-report/schedule")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{\"cron\": ")),
				mistake("missing body", 400, "No request body",
						(web) -> web.put()
							.uri("/api/triggers/nightly-report/schedule")
							.contentType(MediaType.APPLICATION_JSON)),
				mistake("method not allowed", 405, "Supported methods: [GET]",
						(web) -> web.delete().uri("/api/namespaces")),
				mistake("not acceptable", 406, "Acceptable representations",
						(web) -> web.get().uri("/api/triggers").accept(MediaType.valueOf("text/csv"))),
				mistake("unsupported media type", 415, "text/plain",
						(web) -> web.put()
							.uri("/api/triggers/nightly-report/schedule")
							.contentType(MediaType.TEXT_PLAIN)
							.bodyValue("0 3 * * *")),
				mistake("unknown path", 404, "No static resource", (web) -> web.get().uri("/api/nothing-here")),
				mistake("unknown job", 404, "No job named 'no-such-job'",
						(web) -> web.post().uri("/api/jobs/no-such-job/runs")));
	}

	private static Arguments mistake(String name, int status, String detail,
			Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> request) {
		return Arguments.of(Named.of(name, request), status, detail);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void isAProblemDetailWithItsStatusAndDetail(Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> request,
			int status, String detail) {
		request.apply(this.web)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status)
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.instance")
			.isNotEmpty()
			.jsonPath("$.detail")
			.value((text) -> assertThat((String) text).contains(detail));
	}

}
