package io.github.dofunctions.client.model;

import java.util.regex.Pattern;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks the request records run when they are built.
 */
final class Arguments {

	private static final CronParser UNIX_CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

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
	 * month, day of week) in standard Unix cron syntax.
	 */
	static ScheduledDetails requireValidSchedule(@Nullable ScheduledDetails details, String name) {
		requireNonNull(details, name);
		String cron = requireText(details.cron(), name + ".cron");
		try {
			UNIX_CRON.parse(cron).validate();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					name + ".cron '" + cron + "' is not a valid five-field cron expression: " + ex.getMessage(), ex);
		}
		return details;
	}

	/**
	 * Check an access key lifetime: a whole number of hours ({@code 12h}) or days
	 * ({@code 30d}), at least one hour.
	 */
	static @Nullable String requireValidExpiresIn(@Nullable String expiresIn) {
		Assert.isTrue(expiresIn == null || EXPIRES_IN.matcher(expiresIn).matches(), () -> "expiresIn '" + expiresIn
				+ "' must be a whole number of hours or days of at least 1h, such as '12h' or '30d'");
		return expiresIn;
	}

}
