package io.github.dofunctions.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A minimal HTTP server with fixed bodies, so that the client, not the server, is what a
 * benchmark measures: a namespace and a list of two triggers, as DigitalOcean sends them.
 */
final class FixedBodyServer implements AutoCloseable {

	static final String NAMESPACE_ID = "fn-2a2df116-8b7c-4b6e-9d7e-3c0a4f8e9b21";

	static final byte[] NAMESPACE = """
			{"namespace": {"api_host": "https://faas-nyc1-2a2df116.doserverless.co",
			 "namespace": "fn-2a2df116-8b7c-4b6e-9d7e-3c0a4f8e9b21", "created_at": "2023-01-05T10:00:00Z",
			 "updated_at": "2023-02-06T11:30:15Z", "label": "jobs", "region": "nyc1",
			 "uuid": "2a2df116-8b7c-4b6e-9d7e-3c0a4f8e9b21",
			 "key": "q8b1zx0mka7c3wdu5r2ty6vn4eh9pjls0ofgi1xk3bz7ce5wma2rd8tq6yhnuv4s"}}
			""".getBytes(StandardCharsets.UTF_8);

	static final byte[] TRIGGERS = """
			{"triggers": [
			 {"namespace": "fn-2a2df116-8b7c-4b6e-9d7e-3c0a4f8e9b21", "name": "nightly report",
			  "function": "reports/nightly", "type": "SCHEDULED", "is_enabled": true,
			  "created_at": "2023-03-01T00:00:00Z", "updated_at": "2023-03-02T00:00:00Z",
			  "scheduled_details": {"cron": "0 2 * * *", "body": {"format": "pdf"}},
			  "scheduled_runs": {"last_run_at": "2023-03-02T02:00:00Z", "next_run_at": "2023-03-03T02:00:00Z"}},
			 {"namespace": "fn-2a2df116-8b7c-4b6e-9d7e-3c0a4f8e9b21", "name": "hourly cleanup",
			  "function": "maintenance/cleanup", "type": "SCHEDULED", "is_enabled": false,
			  "created_at": "2023-03-01T00:00:00Z", "updated_at": "2023-03-02T00:00:00Z",
			  "scheduled_details": {"cron": "0 * * * *", "body": null},
			  "scheduled_runs": {"last_run_at": null, "next_run_at": null}}]}
			""".getBytes(StandardCharsets.UTF_8);

	private final DisposableServer server;

	FixedBodyServer(Duration delay) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.get("/v2/functions/namespaces/{id}", (request, response) -> answer(response, NAMESPACE, delay))
				.get("/v2/functions/namespaces/{id}/triggers",
						(request, response) -> answer(response, TRIGGERS, delay)))
			.bindNow();
	}

	private static Mono<Void> answer(reactor.netty.http.server.HttpServerResponse response, byte[] body,
			Duration delay) {
		Mono<Void> send = Mono.defer(() -> response.header("Content-Type", "application/json")
			.header("ratelimit-limit", "5000")
			.header("ratelimit-remaining", "4999")
			.header("ratelimit-reset", "1900000000")
			.sendByteArray(Mono.just(body))
			.then());
		return delay.isZero() ? send : Mono.delay(delay).then(send);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
