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
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The client's own JSON mapper, independent of any mapper the application configures, so
 * that application settings never change how DigitalOcean's JSON is read.
 */
final class FunctionsJson {

	/**
	 * One mapper for every template: it is immutable and thread-safe, and its caches of
	 * (de)serializers, built on the first call of each type, serve every template, so a
	 * template made later starts warm.
	 */
	private static final JsonMapper MAPPER = createMapper();

	private FunctionsJson() {
	}

	static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * How deep a function's result may nest: Jackson 2's default. Jackson 3 lowered it to
	 * 500 (jackson-core#1233), which a result may exceed, and a result the platform
	 * accepted must not be lost after the function ran. Python's {@code json} stops near
	 * 1,000 levels itself; deeper values risk the stack when converted to the caller's
	 * type.
	 */
	static final int MAX_RESULT_DEPTH = 1000;

	/**
	 * How deep JSON may nest, read or written: a result's depth, and the activation
	 * record ({@code response.result}) around it.
	 */
	static final int MAX_NESTING_DEPTH = MAX_RESULT_DEPTH + 10;

	private static JsonMapper createMapper() {
		SimpleModule times = new SimpleModule("do-functions-times");
		times.addDeserializer(Instant.class, new UtcTimeDeserializer());
		// Numbers, strings and names as long as the answer: its size is bounded by
		// max-response-size already (Jackson 3 refuses numbers of over 1,000 digits, such
		// as a Python function's 10**1200).
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(MAX_NESTING_DEPTH)
				.maxNumberLength(Integer.MAX_VALUE)
				.maxStringLength(Integer.MAX_VALUE)
				.maxNameLength(Integer.MAX_VALUE)
				.build())
			.streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
			.build();
		return JsonMapper.builder(factory)
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
	 * {@code null}. A time that still cannot be read is {@code null} too, with a DEBUG
	 * line: one odd field never fails a whole answer (a listing would lose every
	 * resource).
	 */
	static final class UtcTimeDeserializer extends StdScalarDeserializer<Instant> {

		private static final Log logger = LogFactory.getLog(UtcTimeDeserializer.class);

		/** Go's {@code time.Time{}}, written by a server for a time it never set. */
		static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

		/**
		 * {@code +0000} and {@code -0130}, which the formatter reads only with a colon.
		 */
		private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-][0-9]{2})([0-9]{2})$");

		/**
		 * Date, {@code T}, time with any fraction, and an optional offset or {@code Z}.
		 */
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
			Instant usual = parseUsualForm(value);
			if (usual != null) {
				return usual;
			}
			String text = value.trim();
			if (text.length() > 10 && text.charAt(10) == ' ') {
				text = text.substring(0, 10) + 'T' + text.substring(11);
			}
			if (!text.endsWith("Z")) {
				text = OFFSET_WITHOUT_COLON.matcher(text).replaceFirst("$1:$2");
			}
			try {
				TemporalAccessor parsed = ISO_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
				return (parsed instanceof OffsetDateTime offset) ? offset.toInstant()
						: ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}

		/**
		 * Read the form the API sends, {@code 2022-09-14T04:16:45Z}, without a formatter:
		 * a listing holds several times per resource.
		 * @return the instant, or {@code null} for any other form (or an invalid date),
		 * left to the formatter
		 */
		private static @Nullable Instant parseUsualForm(String text) {
			if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
					|| text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
				return null;
			}
			int year = digits(text, 0, 4);
			int month = digits(text, 5, 2);
			int day = digits(text, 8, 2);
			int hour = digits(text, 11, 2);
			int minute = digits(text, 14, 2);
			int second = digits(text, 17, 2);
			if ((year | month | day | hour | minute | second) < 0) {
				return null;
			}
			try {
				return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}

		/**
		 * @return the number the ASCII digits at {@code start} make, or {@code -1} if one
		 * is not a digit
		 */
		private static int digits(String text, int start, int count) {
			int number = 0;
			for (int i = start; i < start + count; i++) {
				char c = text.charAt(i);
				if (c < '0' || c > '9') {
					return -1;
				}
				number = number * 10 + (c - '0');
			}
			return number;
		}

		private static String abbreviate(String text) {
			return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
		}

	}

}
