package io.github.dofunctions.client;

import java.time.Duration;
import java.util.stream.Stream;

import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.ScheduledDetails;
import io.github.dofunctions.client.model.UpdateAccessKeyRequest;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import io.github.dofunctions.test.StubbedFunctionsApi;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Bad arguments are refused with an {@link IllegalArgumentException} that names them,
 * before anything is sent.
 */
class ArgumentCheckTests {

	@RegisterExtension
	static final StubbedFunctionsApi api = new StubbedFunctionsApi();

	static final String NS = "fn-1";

	@AfterEach
	void nothingWasSent() {
		assertThat(api.requests()).isEmpty();
	}

	static Stream<Arguments> badCalls() {
		FunctionsOperations ops = api.template();
		CreateTriggerRequest trigger = CreateTriggerRequest.scheduled("t", "f", "* * * * *");
		return Stream.of(bad("getNamespace(null)", "namespaceId", () -> ops.getNamespace(null)),
				bad("getNamespace(blank)", "namespaceId", () -> ops.getNamespace(" \t")),
				bad("getNamespace(..)", "namespaceId", () -> ops.getNamespace("..")),
				bad("getNamespace(.)", "namespaceId", () -> ops.getNamespace(".")),
				bad("deleteNamespace(empty)", "namespaceId", () -> ops.deleteNamespace("")),
				bad("createNamespace(null)", "request", () -> ops.createNamespace(null)),
				bad("createNamespace(no region)", "region",
						() -> ops.createNamespace(new CreateNamespaceRequest(null, "jobs"))),
				bad("createNamespace(blank label)", "label",
						() -> ops.createNamespace(new CreateNamespaceRequest("nyc1", " "))),
				bad("listTriggers(null)", "namespaceId", () -> ops.listTriggers(null)),
				bad("getTrigger(blank name)", "triggerName", () -> ops.getTrigger(NS, "")),
				bad("getTrigger(..)", "triggerName", () -> ops.getTrigger(NS, "..")),
				bad("getTrigger(null namespace)", "namespaceId", () -> ops.getTrigger(null, "t")),
				bad("createTrigger(null)", "request", () -> ops.createTrigger(NS, null)),
				bad("createTrigger(blank namespace)", "namespaceId", () -> ops.createTrigger(" ", trigger)),
				bad("createTrigger(no name)", "name",
						() -> ops.createTrigger(NS, CreateTriggerRequest.scheduled(null, "f", "* * * * *"))),
				bad("createTrigger(name ..)", "name '..' must have 1 to 256 letters",
						() -> ops.createTrigger(NS, CreateTriggerRequest.scheduled("..", "f", "* * * * *"))),
				bad("createTrigger(name .)", "name '.' must have 1 to 256 letters",
						() -> ops.createTrigger(NS, CreateTriggerRequest.scheduled(".", "f", "* * * * *"))),
				bad("createTrigger(name of 257 characters)", "(257 characters) must have 1 to 256 letters",
						() -> ops.createTrigger(NS, CreateTriggerRequest.scheduled("t".repeat(257), "f", "* * * * *"))),
				bad("createTrigger(name with a line break)", "name 'a\nb' must have 1 to 256 letters",
						() -> ops.createTrigger(NS, CreateTriggerRequest.scheduled("a\nb", "f", "* * * * *"))),
				bad("createTrigger(function with a control character)", "function 'f\u0007' must be 'name'",
						() -> ops.createTrigger(NS, CreateTriggerRequest.scheduled("t", "f\u0007", "* * * * *"))),
				bad("createNamespace(label of 257 characters)", "label must have at most 256 characters, not 257",
						() -> ops.createNamespace(new CreateNamespaceRequest("nyc1", "l".repeat(257)))),
				bad("createNamespace(label with a tab)", "label must not contain control characters",
						() -> ops.createNamespace(new CreateNamespaceRequest("nyc1", "my\tjobs"))),
				bad("createTrigger(no function)", "function",
						() -> ops.createTrigger(NS, CreateTriggerRequest.scheduled("t", "", "* * * * *"))),
				bad("createTrigger(HTTP type)", "type",
						() -> ops.createTrigger(NS,
								new CreateTriggerRequest("t", "f", "HTTP", true, ScheduledDetails.of("* * * * *")))),
				bad("createTrigger(no schedule)", "scheduledDetails",
						() -> ops.createTrigger(NS, new CreateTriggerRequest("t", "f", "SCHEDULED", true, null))),
				bad("createTrigger(no cron)", "cron must not be null or blank",
						() -> ops.createTrigger(NS, CreateTriggerRequest.scheduled("t", "f", null))),
				bad("updateTrigger(null)", "request", () -> ops.updateTrigger(NS, "t", null)),
				bad("updateTrigger(null name)", "triggerName",
						() -> ops.updateTrigger(NS, null, UpdateTriggerRequest.enabled(true))),
				bad("updateTrigger(nothing to change)", "isEnabled, scheduledDetails",
						() -> ops.updateTrigger(NS, "t", new UpdateTriggerRequest(null, null))),
				bad("updateTrigger(bad cron)", "cron 'every day' is not a valid five-field cron expression",
						() -> ops.updateTrigger(NS, "t", UpdateTriggerRequest.reschedule("every day", null))),
				bad("deleteTrigger(blank name)", "triggerName", () -> ops.deleteTrigger(NS, "  ")),
				bad("listAccessKeys(null)", "namespaceId", () -> ops.listAccessKeys(null)),
				bad("createAccessKey(null)", "request", () -> ops.createAccessKey(NS, null)),
				bad("createAccessKey(blank name)", "name",
						() -> ops.createAccessKey(NS, CreateAccessKeyRequest.named(""))),
				bad("updateAccessKey(null key)", "keyId",
						() -> ops.updateAccessKey(NS, null, new UpdateAccessKeyRequest("n"))),
				bad("updateAccessKey(blank name)", "name",
						() -> ops.updateAccessKey(NS, "dof_v1_1", new UpdateAccessKeyRequest(""))),
				bad("updateAccessKey(null)", "request", () -> ops.updateAccessKey(NS, "dof_v1_1", null)),
				bad("deleteAccessKey(blank key)", "keyId", () -> ops.deleteAccessKey(NS, "")));
	}

	private static Arguments bad(String call, String argument, ThrowingCallable callable) {
		return Arguments.of(Named.of(call, callable), argument);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badCalls")
	void badArgumentIsRefusedByName(ThrowingCallable call, String argument) {
		assertThatIllegalArgumentException().isThrownBy(call).withMessageContaining(argument);
	}

	@ParameterizedTest
	@ValueSource(strings = { "* * * *", "* * * * * *", "61 * * * *", "* 24 * * *", "@daily", "0 0 L * *",
			"0 12 ? * MON", "hello", "" })
	void cronThatIsNotAValidFiveFieldExpressionIsRefused(String cron) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> api.template().createTrigger(NS, CreateTriggerRequest.scheduled("t", "f", cron)))
			.withMessageStartingWith("cron ")
			.withMessageNotContaining("scheduledDetails");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0 0 31 2 *", "0 0 30 2 *", "0 0 31 4 *", "0 0 31 2,4,6,9,11 *" })
	void cronThatCanNeverFireIsRefused(String cron) {
		assertThatIllegalArgumentException().isThrownBy(() -> CreateTriggerRequest.scheduled("t", "f", cron))
			.withMessage("cron '" + cron + "' never fires: no date matches it");
		assertThatIllegalArgumentException().isThrownBy(() -> UpdateTriggerRequest.reschedule(cron, null))
			.withMessageContaining("never fires");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0 0 29 2 *", "0 0 31 2 1", "0 0 31 * *" })
	void cronThatFiresRarelyIsAccepted(String cron) {
		assertThat(CreateTriggerRequest.scheduled("t", "f", cron).scheduledDetails().cron()).isEqualTo(cron);
	}

	@Test
	void aHugeCronIsQuotedOnlyInPart() {
		String huge = "1".repeat(100_000) + " * * * *";

		assertThatIllegalArgumentException().isThrownBy(() -> CreateTriggerRequest.scheduled("t", "f", huge))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(400)
				.startsWith("cron '" + "1".repeat(64) + "...' (100008 characters) is not a valid five-field cron"))
			.satisfies((ex) -> assertThat(ex.getCause()).isNull());
	}

	@ParameterizedTest
	@ValueSource(strings = { "* * * * *", "0 9 * * 1-5", "*/15 * * * *", "0 0 1 1 *", "30 2 * * MON-FRI",
			"0 0,12 1-15 * *" })
	void validFiveFieldCronIsAccepted(String cron) {
		assertThat(CreateTriggerRequest.scheduled("t", "f", cron).scheduledDetails().cron()).isEqualTo(cron);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0h", "0d", "30m", "1w", "h", "d", "-1d", "1.5d", "24", "", " 1h", "1H", "01h" })
	void expiresInThatIsNotWholeHoursOrDaysIsRefused(String expiresIn) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> api.template().createAccessKey(NS, new CreateAccessKeyRequest("k", expiresIn)))
			.withMessageStartingWith("expires_in '" + expiresIn + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1h", "12h", "7d", "365d" })
	void expiresInOfWholeHoursOrDaysIsAccepted(String expiresIn) {
		assertThat(new CreateAccessKeyRequest("k", expiresIn).expiresIn()).isEqualTo(expiresIn);
	}

	@Test
	void lifetimeIsWrittenInDaysWhenWholeElseInHours() {
		assertThat(CreateAccessKeyRequest.expiringAfter("k", Duration.ofDays(30)).expiresIn()).isEqualTo("30d");
		assertThat(CreateAccessKeyRequest.expiringAfter("k", Duration.ofHours(36)).expiresIn()).isEqualTo("36h");
		assertThat(CreateAccessKeyRequest.expiringAfter("k", Duration.ofHours(1)).expiresIn()).isEqualTo("1h");
	}

	@Test
	void lifetimeUnderAnHourOrOfPartHoursIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateAccessKeyRequest.expiringAfter("k", Duration.ofMinutes(59)))
			.withMessageContaining("lifetime");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateAccessKeyRequest.expiringAfter("k", Duration.ofMinutes(90)))
			.withMessageContaining("lifetime");
	}

}
