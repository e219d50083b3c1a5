package io.github.dofunctions.client;

import java.time.Instant;
import java.util.List;

import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.test.StubbedFunctionsApi;
import io.github.dofunctions.test.VerboseLogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.dofunctions.test.StubbedFunctionsApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every time field accepts the ISO-8601 forms a server may send; a time that cannot be
 * read is {@code null}, never the failure of the whole answer.
 */
class TimeFormsTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	@RegisterExtension
	final VerboseLogCapture log = new VerboseLogCapture();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			2022-09-14T04:16:45Z            | 2022-09-14T04:16:45Z
			2022-09-14 04:16:45+00:00       | 2022-09-14T04:16:45Z
			2022-09-14T04:16:45+0000        | 2022-09-14T04:16:45Z
			2022-09-14T06:16:45+02:00       | 2022-09-14T04:16:45Z
			2022-09-14T02:46:45.5-0130      | 2022-09-14T04:16:45.500Z
			2022-09-14T04:16:45.123456789Z  | 2022-09-14T04:16:45.123456789Z
			2022-09-14 04:16:45             | 2022-09-14T04:16:45Z
			2022-09-14T04:16:45.25          | 2022-09-14T04:16:45.250Z
			""")
	void everyIsoFormIsReadAsTheSameInstant(String sent, Instant read) {
		api.allowOffContractAnswers();
		api.server().stubFor(get("/v2/functions/namespaces/fn-1").willReturn(json(200, namespace("fn-1", sent))));

		Namespace namespace = api.template().getNamespace("fn-1").block();

		assertThat(namespace.createdAt()).isEqualTo(read);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2022-02-30T04:16:45Z", "2022-09-14T24:00:00Z", "2022-09-14T04:16:4xZ",
			"2022-13-14T04:16:45Z" })
	void impossibleTimeInTheApisFormIsNull(String sent) {
		api.allowOffContractAnswers();
		api.server().stubFor(get("/v2/functions/namespaces/fn-1").willReturn(json(200, namespace("fn-1", sent))));

		Namespace namespace = api.template().getNamespace("fn-1").block();

		assertThat(namespace.createdAt()).isNull();
		assertThat(this.log.text()).contains("is not an ISO-8601 time: '" + sent + "'");
	}

	@Test
	void goZeroTimeIsNull() {
		api.server()
			.stubFor(get("/v2/functions/namespaces/fn-1")
				.willReturn(json(200, namespace("fn-1", "0001-01-01T00:00:00Z"))));

		assertThat(api.template().getNamespace("fn-1").block().createdAt()).isNull();
	}

	@Test
	void unreadableTimeIsNullAndTheRestOfTheListIsKept() {
		api.allowOffContractAnswers();
		String list = "{\"namespaces\": [" + fields("fn-1", "2022-09-14T04:16:45Z") + ", " + fields("fn-2", "yesterday")
				+ ", " + fields("fn-3", "2022-09-14 04:16:45+0000") + "]}";
		api.server().stubFor(get("/v2/functions/namespaces").willReturn(json(200, list)));

		List<Namespace> namespaces = api.template().listNamespaces().collectList().block();

		assertThat(namespaces).extracting(Namespace::id, Namespace::createdAt)
			.containsExactly(tuple("fn-1", Instant.parse("2022-09-14T04:16:45Z")), tuple("fn-2", null),
					tuple("fn-3", Instant.parse("2022-09-14T04:16:45Z")));
		assertThat(this.log.text()).contains("Time field 'created_at' is not an ISO-8601 time: 'yesterday'");
	}

	@Test
	void timeOfAnotherJsonTypeIsNull() {
		api.allowOffContractAnswers();
		api.server()
			.stubFor(get("/v2/functions/namespaces/fn-1")
				.willReturn(json(200, "{\"namespace\": {\"namespace\": \"fn-1\", \"created_at\": {\"seconds\": 1}, "
						+ "\"updated_at\": 1663129005, \"label\": \"kept\"}}")));

		Namespace namespace = api.template().getNamespace("fn-1").block();

		assertThat(namespace.createdAt()).isNull();
		assertThat(namespace.updatedAt()).isNull();
		assertThat(namespace.label()).isEqualTo("kept");
	}

	private static String namespace(String id, String createdAt) {
		return "{\"namespace\": " + fields(id, createdAt) + "}";
	}

	private static String fields(String id, String createdAt) {
		return """
				{"api_host": "https://api_host.io", "namespace": "%s", "created_at": "%s",
				 "updated_at": "2022-09-14T04:16:45Z", "label": "my namespace", "region": "nyc1",
				 "uuid": "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", "key": "k"}""".formatted(id, createdAt);
	}

}
