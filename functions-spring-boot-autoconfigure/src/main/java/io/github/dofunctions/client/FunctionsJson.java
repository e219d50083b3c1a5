package io.github.dofunctions.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The client's own JSON mapper, independent of any mapper the application configures,
 * so that application settings never change how DigitalOcean's JSON is read.
 */
final class FunctionsJson {

	private FunctionsJson() {
	}

	static JsonMapper createMapper() {
		SimpleModule times = new SimpleModule("do-functions-times");
		times.addDeserializer(Instant.class, new UtcTimeDeserializer());
		return JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.addModule(times)
			.build();
	}

	/**
	 * Reads the API's UTC time strings. The API sends {@code 2022-09-14T04:16:45Z}; its
	 * OpenAPI description shows {@code 2022-09-14 04:16:45+00:00}. Both are accepted, as
	 * is any ISO-8601 offset.
	 */
	static final class UtcTimeDeserializer extends StdScalarDeserializer<Instant> {

		UtcTimeDeserializer() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			String text = parser.getString().trim();
			try {
				if (text.endsWith("Z") && text.length() > 10 && text.charAt(10) == 'T') {
					// What the API sends: the quickest parse.
					return Instant.parse(text);
				}
				String iso = (text.length() > 10 && text.charAt(10) == ' ')
						? text.substring(0, 10) + 'T' + text.substring(11) : text;
				return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				return (Instant) context.handleWeirdStringValue(Instant.class, text,
						"not a UTC time such as 2022-09-14T04:16:45Z");
			}
		}

	}

}
