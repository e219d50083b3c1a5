package io.github.dofunctions.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console: a page, under {@value #PATH}, that shows what the emulator holds
 * (namespaces, deployed functions, triggers with their next and last runs, access keys,
 * recent activations with results and logs, the request journal, the faults in force) and
 * runs a trigger now. A browser cannot send the API's token, so the console asks for
 * none; it shows no secret (no namespace key, no key secret, no environment value, the
 * journal redacted as always) and is served only where the emulator listens on the
 * loopback address unless asked for. Its one write, running a trigger, needs a custom
 * header, which a page of another origin cannot send without a preflight the console
 * never grants.
 */
final class EmulatorConsole {

	/** Where the console is served. */
	static final String PATH = "/console/";

	/** The header a run request must carry. */
	static final String RUN_HEADER = "X-Console-Request";

	private static final String NOT_A_RUN = "The body must be a JSON object with the fields namespace and trigger";

	private static final int RECENT_ACTIVATIONS = 50;

	private static final int RECENT_REQUESTS = 100;

	private static final Map<String, String> FILES = Map.of("", "index.html", "console.css", "console.css",
			"console.js", "console.js");

	private final FunctionsEmulator emulator;

	private final JsonMapper json;

	EmulatorConsole(FunctionsEmulator emulator, JsonMapper json) {
		this.emulator = emulator;
		this.json = json;
	}

	static boolean handles(String uri) {
		String path = pathOf(uri);
		return path.equals("/console") || path.startsWith(PATH);
	}

	Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
		String path = pathOf(request.uri());
		String method = request.method().name();
		response.header("Cache-Control", "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:");
		if (path.equals("/console")) {
			return response.status(301).header(HttpHeaderNames.LOCATION, PATH).send();
		}
		String name = path.substring(PATH.length());
		if (method.equals("GET") && FILES.containsKey(name)) {
			return file(response, FILES.get(name));
		}
		if (method.equals("GET") && name.equals("state.json")) {
			return send(response, 200, state());
		}
		if (method.equals("POST") && name.equals("run")) {
			return run(request, response);
		}
		return send(response, 404, error("No such page: " + method + " " + path));
	}

	private Mono<Void> file(HttpServerResponse response, String file) {
		byte[] content;
		try (InputStream in = EmulatorConsole.class.getResourceAsStream("console/" + file)) {
			if (in == null) {
				throw new IllegalStateException("The console's " + file + " is missing from the jar");
			}
			content = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String type = file.endsWith(".html") ? "text/html" : file.endsWith(".css") ? "text/css" : "text/javascript";
		return response.status(200)
			.header(HttpHeaderNames.CONTENT_TYPE, type + "; charset=utf-8")
			.sendByteArray(Mono.just(content))
			.then();
	}

	private Mono<Void> run(HttpServerRequest request, HttpServerResponse response) {
		if (request.requestHeaders().get(RUN_HEADER) == null) {
			return send(response, 403, error("A run needs the " + RUN_HEADER + " header, which the console sends"));
		}
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			JsonNode target;
			try {
				target = this.json.readTree(body);
			}
			catch (JacksonException ex) {
				return send(response, 400, error(NOT_A_RUN));
			}
			String namespaceId = text(target, "namespace");
			String trigger = text(target, "trigger");
			if (namespaceId == null || trigger == null) {
				return send(response, 400, error(NOT_A_RUN));
			}
			return Mono.fromCallable(() -> this.emulator.runTrigger(namespaceId, trigger))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap((activation) -> send(response, 200, activation(activation)))
				.onErrorResume(IllegalArgumentException.class, (ex) -> send(response, 404, error(ex.getMessage())));
		});
	}

	private static @Nullable String text(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

	private Mono<Void> send(HttpServerResponse response, int status, JsonNode body) {
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendByteArray(Mono.just(this.json.writeValueAsBytes(body)))
			.then();
	}

	private ObjectNode error(String message) {
		return this.json.createObjectNode().put("error", message);
	}

	ObjectNode state() {
		ObjectNode state = this.json.createObjectNode();
		state.put("now", this.emulator.now().toString());
		ArrayNode namespaces = state.putArray("namespaces");
		for (EmulatedNamespace namespace : this.emulator.state().namespaces()) {
			ObjectNode node = namespaces.addObject()
				.put("id", namespace.id())
				.put("label", namespace.label())
				.put("region", namespace.region())
				.put("apiHost", namespace.apiHost());
			ArrayNode functions = node.putArray("functions");
			for (EmulatedAction action : this.emulator.deployedFunctions(namespace.id())) {
				functions.addObject()
					.put("name", action.name())
					.put("kind", action.kind())
					.put("version", action.version())
					.put("web", action.web())
					.put("updated", action.updated().toString());
			}
			ArrayNode triggers = node.putArray("triggers");
			for (EmulatedTrigger trigger : this.emulator.state().triggers(namespace.id())) {
				triggers.addObject()
					.put("name", trigger.name())
					.put("function", trigger.function())
					.put("cron", trigger.cron())
					.put("enabled", trigger.enabled())
					.put("body", trigger.body())
					.put("nextRunAt", time(trigger.nextRunAt()))
					.put("lastRunAt", time(trigger.lastRunAt()));
			}
			ArrayNode keys = node.putArray("accessKeys");
			for (EmulatedAccessKey key : this.emulator.state().accessKeys(namespace.id())) {
				keys.addObject().put("id", key.id()).put("name", key.name()).put("expiresAt", time(key.expiresAt()));
			}
			ArrayNode activations = node.putArray("activations");
			List<EmulatedActivation> all = this.emulator.activations(namespace.id());
			for (int i = all.size() - 1; i >= Math.max(0, all.size() - RECENT_ACTIVATIONS); i--) {
				activations.add(activation(all.get(i)));
			}
		}
		ArrayNode journal = state.putArray("journal");
		List<RecordedRequest> requests = this.emulator.journal().requests();
		for (int i = requests.size() - 1; i >= Math.max(0, requests.size() - RECENT_REQUESTS); i--) {
			RecordedRequest request = requests.get(i);
			journal.addObject()
				.put("receivedAt", request.receivedAt().toString())
				.put("method", request.method())
				.put("path", request.path())
				.put("operation", (request.operation() != null) ? request.operation().name() : null)
				.put("status", request.status());
		}
		ArrayNode faults = state.putArray("faults");
		this.emulator.faults().inForce().forEach(faults::add);
		return state;
	}

	private ObjectNode activation(EmulatedActivation activation) {
		ObjectNode node = this.json.createObjectNode()
			.put("activationId", activation.activationId())
			.put("function", activation.function())
			.put("trigger", activation.trigger())
			.put("start", activation.start().toString())
			.put("durationMillis", Duration.between(activation.start(), activation.end()).toMillis())
			.put("status", activation.status());
		node.set("result", this.json.valueToTree(activation.result()));
		node.set("logs", this.json.valueToTree(activation.logs()));
		return node;
	}

	private static @Nullable String time(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static String pathOf(String uri) {
		int query = uri.indexOf('?');
		return (query >= 0) ? uri.substring(0, query) : uri;
	}

}
