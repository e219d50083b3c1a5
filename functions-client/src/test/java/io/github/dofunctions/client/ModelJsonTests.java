package io.github.dofunctions.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.model.ScheduledDetails;
import io.github.dofunctions.client.model.ScheduledRuns;
import io.github.dofunctions.client.model.Trigger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The models as an application's own mapper writes them (a REST controller answering one,
 * a cache, a message): one shape for all, DigitalOcean's snake_case names with times as
 * ISO-8601 instants, and never a secret.
 */
class ModelJsonTests {

	static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

	static List<JsonMapper> mappers() {
		return List.of(JsonMapper.builder().build(),
				JsonMapper.builder().enable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS).build());
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void anActivationIsWrittenInSnakeCaseWithItsDurationInMilliseconds(JsonMapper mapper) {
		Activation activation = new Activation("a1", "fn-1", "hello", CREATED, CREATED.plusMillis(1250),
				Duration.ofMillis(1250), Activation.SUCCESS, true, Map.of("greeting", "hi"), List.of("log line"));

		String json = mapper.writeValueAsString(activation);

		assertThat(json).isEqualTo("{\"activation_id\":\"a1\",\"namespace\":\"fn-1\",\"name\":\"hello\","
				+ "\"start\":\"2026-01-02T03:04:05Z\",\"end\":\"2026-01-02T03:04:06.250Z\",\"duration\":1250,"
				+ "\"status\":\"success\",\"success\":true,\"result\":{\"greeting\":\"hi\"},\"logs\":[\"log line\"]}");
		assertThat(mapper.readValue(json, Activation.class)).isEqualTo(activation);
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void theControlPlanesModelsKeepDigitalOceansNamesAndNoSecret(JsonMapper mapper) {
		Namespace namespace = new Namespace("https://faas-nyc1-2ef2e6cc.doserverless.co", "fn-1", CREATED, CREATED,
				"jobs", "nyc1", "uuid-1", "namespace-key-secret");
		AccessKey key = new AccessKey("dof_v1_1", "ci", "access-key-secret", null, CREATED, CREATED);
		Trigger trigger = new Trigger("fn-1", "nightly", "reports/nightly", "SCHEDULED", true, CREATED, CREATED,
				new ScheduledDetails("0 2 * * *", Map.of("format", "pdf")), new ScheduledRuns(null, CREATED));

		assertThat(mapper.writeValueAsString(namespace))
			.isEqualTo("{\"api_host\":\"https://faas-nyc1-2ef2e6cc.doserverless.co\",\"namespace\":\"fn-1\","
					+ "\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-02T03:04:05Z\","
					+ "\"label\":\"jobs\",\"region\":\"nyc1\",\"uuid\":\"uuid-1\"}");
		assertThat(mapper.writeValueAsString(key)).isEqualTo("{\"id\":\"dof_v1_1\",\"name\":\"ci\","
				+ "\"expires_at\":null,\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-02T03:04:05Z\"}");
		assertThat(mapper.writeValueAsString(trigger)).isEqualTo("{\"namespace\":\"fn-1\",\"name\":\"nightly\","
				+ "\"function\":\"reports/nightly\",\"type\":\"SCHEDULED\",\"is_enabled\":true,"
				+ "\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-02T03:04:05Z\","
				+ "\"scheduled_details\":{\"cron\":\"0 2 * * *\",\"body\":{\"format\":\"pdf\"}},"
				+ "\"scheduled_runs\":{\"last_run_at\":null,\"next_run_at\":\"2026-01-02T03:04:05Z\"}}");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void aRateLimitIsWrittenAsItsHeadersSayIt(JsonMapper mapper) {
		RateLimit rateLimit = new RateLimit(5000, 4999, CREATED);

		String json = mapper.writeValueAsString(rateLimit);

		assertThat(json).isEqualTo("{\"limit\":5000,\"remaining\":4999,\"reset\":\"2026-01-02T03:04:05Z\"}");
		assertThat(mapper.readValue(json, RateLimit.class)).isEqualTo(rateLimit);
	}

}
