package io.github.dofunctions.client.model;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks the request records run when they are built.
 */
final class Arguments {

	private static final CronParser UNIX_CRON = new CronParser(
			CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

	/** Most characters of a value an error message repeats. */
	static final int QUOTED_LENGTH = 64;

	private static final Pattern EXPIRES_IN = Pattern.compile("[1-9][0-9]{0,5}[hd]");

	private Arguments() {
	}

	static String requireText(@Nullable String value, String name) {
		Assert.isTrue(value != null && !value.isBlank(), () -> name + " must not be null or blank");
		return value;
	}

	static <T> T requireNonNull(@Nullable T value, String name) {
		Assert.notNull(value, () -> name + " must not be null");
		return value;
	}

	/**
	 * Check a schedule as DigitalOcean reads it: five fields (minute, hour, day of month,
	 * month, day of week) in standard Unix cron syntax, that fire at least once more (a
	 * schedule such as {@code 0 0 31 2 *}, the 31st of February, parses but never runs).
	 * Messages name the API's field, {@code cron}, and quote at most the first
	 * {@value #QUOTED_LENGTH} characters of the expression.
	 */
	static ScheduledDetails requireValidSchedule(@Nullable ScheduledDetails details, String name) {
		requireNonNull(details, name);
		String cron = requireText(details.cron(), "cron");
		Cron parsed;
		try {
			parsed = UNIX_CRON.parse(cron).validate();
		}
		catch (IllegalArgumentException ex) {
			// cron-utils' message repeats the whole expression: keep only its start.
			throw new IllegalArgumentException("cron " + quote(cron) + " is not a valid five-field cron expression "
					+ "(minute hour day-of-month month day-of-week): " + quote(String.valueOf(ex.getMessage())));
		}
		Assert.isTrue(ExecutionTime.forCron(parsed).nextExecution(ZonedDateTime.now(ZoneOffset.UTC)).isPresent(),
				() -> "cron " + quote(cron) + " never fires: no date matches it");
		return details;
	}

	/**
	 * Quote a value given by the caller, cut to {@value #QUOTED_LENGTH} characters.
	 */
	static String quote(String value) {
		if (value.length() <= QUOTED_LENGTH) {
			return "'" + value + "'";
		}
		return "'" + value.substring(0, QUOTED_LENGTH) + "...' (" + value.length() + " characters)";
	}

	/**
	 * Check an access key lifetime: a whole number of hours ({@code 12h}) or days
	 * ({@code 30d}), at least one hour.
	 */
	static @Nullable String requireValidExpiresIn(@Nullable String expiresIn) {
		Assert.isTrue(expiresIn == null || EXPIRES_IN.matcher(expiresIn).matches(),
				() -> "expires_in " + quote(String.valueOf(expiresIn))
						+ " must be a whole number of hours or days of at least 1h, such as '12h' or '30d'");
		return expiresIn;
	}

}
