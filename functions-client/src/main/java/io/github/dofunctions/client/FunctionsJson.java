package io.github.dofunctions.client;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
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
	 * Reads the API's UTC time strings in any ISO-8601 form a server may send. The API
	 * sends {@code 2022-09-14T04:16:45Z}; its OpenAPI description shows
	 * {@code 2022-09-14 04:16:45+00:00}; Go's encoders also write {@code +0000} offsets,
	 * fractions of a second, and a time without a zone, which the API documents as UTC.
	 * Go's zero time ({@code 0001-01-01T00:00:00Z}, a field the server never set) is
	 * {@code null}. A time that still cannot be read is {@code null} too, with a DEBUG line:
	 * one odd field never fails a whole answer (a listing would lose every resource).
	 */
	static final class UtcTimeDeserializer extends StdScalarDeserializer<Instant> {

		private static final Log logger = LogFactory.getLog(UtcTimeDeserializer.class);

		/** Go's {@code time.Time{}}, written by a server for a time it never set. */
		static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

		/** Date, {@code T}, time with any fraction, and an optional offset or {@code Z}. */
		private static final DateTimeFormatter ISO_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
			.append(DateTimeFormatter.ISO_LOCAL_DATE)
			.appendLiteral('T')
			.append(DateTimeFormatter.ISO_LOCAL_TIME)
			.optionalStart()
			.appendOffset("+HH:MM:ss", "Z")
			.optionalEnd()
			.toFormatter()
			.withChronology(IsoChronology.INSTANCE)
			.withResolverStyle(ResolverStyle.STRICT);

		UtcTimeDeserializer() {
			super(Instant.class);
		}

		@Override
		public @Nullable Instant deserialize(JsonParser parser, DeserializationContext context)
				throws JacksonException {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				logger.debug("Time field '" + parser.currentName() + "' is not a string but " + parser.currentToken()
						+ ": read as null");
				parser.skipChildren();
				return null;
			}
			Instant instant = parse(parser.getString());
			if (instant == null) {
				logger.debug("Time field '" + parser.currentName() + "' is not an ISO-8601 time: '"
						+ abbreviate(parser.getString()) + "', read as null");
			}
			return (GO_ZERO_TIME.equals(instant)) ? null : instant;
		}

		static @Nullable Instant parse(String value) {
			String text = value.trim();
			if (text.length() > 10 && text.charAt(10) == ' ') {
				text = text.substring(0, 10) + 'T' + text.substring(11);
			}
			// +0000 and -0130, which the formatter reads only with a colon.
			text = text.replaceFirst("([+-][0-9]{2})([0-9]{2})$", "$1:$2");
			try {
				TemporalAccessor parsed = ISO_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
				return (parsed instanceof OffsetDateTime offset) ? offset.toInstant()
						: ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}

		private static String abbreviate(String text) {
			return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
		}

	}

}
