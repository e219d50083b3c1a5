package io.github.dofunctions.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.dofunctions.test.StubbedFunctionsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar runs on its own, as the README says, copied away from the build's
 * {@code target} directory (as from the local repository), and answers curl-style
 * requests.
 */
class EmulatorJarIT {

	@Test
	void standaloneJarServesTheApi(@TempDir Path elsewhere) throws Exception {
		Path built = Path.of(System.getProperty("emulator.standalone.jar"));
		assertThat(built).exists();
		Path jar = Files.copy(built, elsewhere.resolve("copy.jar"));
		int port = StubbedFunctionsApi.unusedPort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(
				List.of(java, "-jar", jar.toString(), "--port", String.valueOf(port), "--token", "t"))
			.directory(elsewhere.toFile())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			List<String> before = new ArrayList<>();
			assertThat(firstLineStartingWith(output, "DigitalOcean Functions emulator listening on", before))
				.isEqualTo("DigitalOcean Functions emulator listening on http://127.0.0.1:" + port);
			assertThat(before).as("printed before listening").noneMatch((line) -> line.contains("SLF4J"));

			Process second = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--port", String.valueOf(port)))
				.directory(elsewhere.toFile())
				.redirectErrorStream(true)
				.start();
			String refused = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(second.waitFor()).as("exit status of a second emulator on the port").isEqualTo(1);
			assertThat(refused.lines().toList()).singleElement()
				.satisfies((line) -> assertThat(line)
					.startsWith("Cannot listen on 127.0.0.1:" + port + ": the port is in use"));

			HttpResponse<String> created = send(port, "POST", "/v2/functions/namespaces",
					"{\"region\": \"nyc1\", \"label\": \"curl\"}");
			HttpResponse<String> listed = send(port, "GET", "/v2/functions/namespaces", null);

			assertThat(created.statusCode()).isEqualTo(200);
			assertThat(listed.statusCode()).isEqualTo(200);
			assertThat(listed.headers().firstValue("ratelimit-remaining")).hasValue("4998");
			assertThat(listed.body()).contains("\"label\":\"curl\"");

			String namespace = JsonMapper.shared()
				.readTree(created.body())
				.path("namespace")
				.path("namespace")
				.asString();
			HttpResponse<String> trigger = send(port, "POST", "/v2/functions/namespaces/" + namespace + "/triggers",
					"{\"name\": \"nightly\", \"function\": \"report\", \"type\": \"SCHEDULED\", \"is_enabled\": true,"
							+ " \"scheduled_details\": {\"cron\": \"0 2 * * *\"}}");
			assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(200);
			assertThat(trigger.body()).contains("\"cron\":\"0 2 * * *\"").contains("\"next_run_at\"");
		}
		finally {
			process.destroy();
			process.waitFor();
		}
	}

	private static String firstLineStartingWith(BufferedReader output, String prefix, List<String> before)
			throws IOException {
		for (String line = output.readLine(); line != null; line = output.readLine()) {
			if (line.startsWith(prefix)) {
				return line;
			}
			before.add(line);
		}
		throw new AssertionError(
				"The emulator exited without printing '" + prefix + "'; it printed:\n" + String.join("\n", before));
	}

	private static HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer t")
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
