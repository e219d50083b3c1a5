package io.github.dofunctions.emulator;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dofunctions.client.FunctionInvoker;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.InvocationSettings;
import io.github.dofunctions.client.error.FunctionsUnauthorizedException;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.ManagedAccessKeyInfo;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import io.github.dofunctions.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The access keys the client makes for itself when it is given none, against the
 * emulator, which like DigitalOcean since 3 June 2026 authenticates access keys only:
 * made once, renewed in the background, replaced when refused, cleaned up. The emulator
 * and the client share a clock the tests move.
 */
class ManagedAccessKeyTests {

	static final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = FunctionsEmulatorExtension
		.configured((builder) -> builder.clock(clock));

	@RegisterExtension
	final ContractCheck contract = new ContractCheck(emulator::get);

	private FunctionsTemplate template;

	private FunctionInvoker invoker;

	private String namespaceId;

	@BeforeEach
	void createANamespaceAndAClientThatMakesItsOwnKeys() {
		emulator.get().registerFunction("greet", (call) -> Map.of("greeting", "hi"));
		this.template = FunctionsTemplate.builder()
			.baseUrl(emulator.get().baseUrl())
			.token(emulator.get().token())
			.clock(clock)
			.resilience(FunctionsResilience.none())
			.invocation(InvocationSettings.builder()
				.resilience((namespaceId) -> FunctionsResilience.none())
				.managedKeyName("jobs-test", "Nightly Reports")
				.managedKeyLifetime(Duration.ofHours(2), Duration.ofMinutes(30))
				.build())
			.build();
		this.namespaceId = this.template.createNamespace(new CreateNamespaceRequest("nyc1", "jobs")).block().id();
		this.invoker = this.template.invoker(this.namespaceId);
	}

	@AfterEach
	void closeTheClientOnceItsRenewalsHaveEnded() {
		this.template.close();
	}

	@Test
	void oneKeyIsMadeForConcurrentFirstCallsAndAuthenticatesThemAll() {
		List<Map<String, Object>> results = Flux.range(0, 20)
			.flatMap((n) -> this.invoker.invoke("greet", Map.of("n", n)))
			.collectList()
			.block();

		assertThat(results).hasSize(20);
		assertThat(emulator.get().journal().requests(Operation.CREATE_ACCESS_KEY)).singleElement()
			.satisfies((created) -> assertThat(created.body())
				.matches("\\{\"name\":\"jobs-test-nightly-reports-[0-9a-f]{8}-1\",\"expires_in\":\"2h\"\\}"));
		EmulatedAccessKey key = onlyKey();
		assertThat(key.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
		assertThat(emulator.get().activations(this.namespaceId)).hasSize(20)
			.allSatisfy((activation) -> assertThat(activation.subject()).isEqualTo(key.id()));
	}

	@Test
	void keyIsRenewedInTheBackgroundBeforeItExpiresWhileCallsGoOnWithTheCurrentOne() {
		this.invoker.invoke("greet", Map.of()).block();
		String first = onlyKey().id();
		this.template
			.createAccessKey(this.namespaceId,
					CreateAccessKeyRequest.expiringAfter("jobs-test-old", Duration.ofHours(1)))
			.block();
		clock.advance(Duration.ofMinutes(91));

		this.invoker.invoke("greet", Map.of()).block();

		assertThat(lastSubject()).as("the call that started the renewal did not wait for it").isEqualTo(first);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(emulator.get().journal().count(Operation.DELETE_ACCESS_KEY)).isOne());
		assertThat(emulator.get().state().accessKeys(this.namespaceId)).as("the expired key of the prefix is deleted")
			.extracting(EmulatedAccessKey::id)
			.hasSize(2)
			.startsWith(first);
		String second = emulator.get().state().accessKeys(this.namespaceId).get(1).id();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.invoker.invoke("greet", Map.of()).block();
			assertThat(lastSubject()).isEqualTo(second);
		});
		assertThat(emulator.get().journal().requests(Operation.INVOKE_FUNCTION))
			.allSatisfy((invocation) -> assertThat(invocation.status()).isEqualTo(200));
		assertThat(emulator.get().journal().requests(Operation.CREATE_ACCESS_KEY)).hasSize(3)
			.last()
			.satisfies((created) -> assertThat(created.body()).contains("-2\""));
	}

	@Test
	void keyThatExpiredWhileTheApplicationWasIdleIsReplacedBeforeTheNextCall() {
		this.invoker.invoke("greet", Map.of()).block();
		String first = onlyKey().id();
		clock.advance(Duration.ofHours(3));

		this.invoker.invoke("greet", Map.of()).block();

		assertThat(lastSubject()).isNotEqualTo(first);
		assertThat(emulator.get().journal().requests(Operation.INVOKE_FUNCTION)).extracting(RecordedRequest::status)
			.containsExactly(200, 200);
		assertThat(emulator.get().journal().count(Operation.CREATE_ACCESS_KEY)).isEqualTo(2);
	}

	@Test
	void revokedKeyIsReplacedOnceAndTheCallSucceeds() {
		this.invoker.invoke("greet", Map.of()).block();
		String revoked = onlyKey().id();
		this.template.deleteAccessKey(this.namespaceId, revoked).block();

		assertThat(this.invoker.invoke("greet", Map.of()).block()).containsEntry("greeting", "hi");

		assertThat(emulator.get().journal().requests(Operation.INVOKE_FUNCTION)).extracting(RecordedRequest::status)
			.containsExactly(200, 401, 200);
		assertThat(emulator.get().journal().count(Operation.CREATE_ACCESS_KEY)).isEqualTo(2);
		assertThat(onlyKey().id()).isNotEqualTo(revoked).isEqualTo(lastSubject());
	}

	@Test
	void keyRefusedAgainAfterItsReplacementIsUnauthorized() {
		this.invoker.invoke("greet", Map.of()).block();
		emulator.get().faults().on(Operation.INVOKE_FUNCTION).next(2).inject(Fault.status(401));

		Throwable failure = catchThrowable(() -> this.invoker.invoke("greet", Map.of()).block());

		assertThat(failure).isInstanceOfSatisfying(FunctionsUnauthorizedException.class,
				(ex) -> assertThat(ex.status()).isEqualTo(401));
		assertThat(emulator.get().journal().requests(Operation.INVOKE_FUNCTION)).extracting(RecordedRequest::status)
			.containsExactly(200, 401, 401);
		assertThat(emulator.get().journal().count(Operation.CREATE_ACCESS_KEY)).isEqualTo(2);
	}

	@Test
	void expiredKeysOfThePrefixAreDeletedOnShutdownAndNoValidKeyIs() {
		this.template
			.createAccessKey(this.namespaceId,
					CreateAccessKeyRequest.expiringAfter("jobs-test-old", Duration.ofHours(1)))
			.block();
		this.template
			.createAccessKey(this.namespaceId,
					CreateAccessKeyRequest.expiringAfter("jobs-test-valid", Duration.ofDays(2)))
			.block();
		this.template.createAccessKey(this.namespaceId, CreateAccessKeyRequest.named("jobs-test-forever")).block();
		this.template
			.createAccessKey(this.namespaceId, CreateAccessKeyRequest.expiringAfter("other-old", Duration.ofHours(1)))
			.block();
		this.invoker.invoke("greet", Map.of()).block();
		clock.advance(Duration.ofMinutes(65));

		this.template.close();

		assertThat(emulator.get().state().accessKeys(this.namespaceId)).extracting(EmulatedAccessKey::name)
			.containsExactly("jobs-test-valid", "jobs-test-forever", "other-old");
	}

	@Test
	void closingTheClientDeletesEveryKeyItMade() {
		this.invoker.invoke("greet", Map.of()).block();
		clock.advance(Duration.ofMinutes(91));
		this.invoker.invoke("greet", Map.of()).block();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(emulator.get().state().accessKeys(this.namespaceId)).hasSize(2));
		this.template.createAccessKey(this.namespaceId, CreateAccessKeyRequest.named("someone-elses")).block();

		this.template.close();

		assertThat(emulator.get().state().accessKeys(this.namespaceId)).extracting(EmulatedAccessKey::name)
			.containsExactly("someone-elses");
		assertThat(emulator.get().journal().count(Operation.DELETE_ACCESS_KEY)).isEqualTo(2);
	}

	@Test
	void theClientDescribesTheKeysItMadeUntilItDeletesThem() {
		assertThat(this.template.managedAccessKeys()).isEmpty();
		this.invoker.invoke("greet", Map.of()).block();
		EmulatedAccessKey key = onlyKey();

		assertThat(this.template.managedAccessKeys())
			.containsExactly(new ManagedAccessKeyInfo(this.namespaceId, key.id(), key.name(), key.expiresAt()));
		assertThat(ManagedAccessKeyInfo.class.getRecordComponents()).extracting(RecordComponent::getName)
			.as("no secret to show")
			.containsExactly("namespaceId", "id", "name", "expiresAt");

		this.template.close();

		assertThat(this.template.managedAccessKeys()).isEmpty();
	}

	@Test
	void aKeyIsLoggedWhenItIsMadeAndWhenItIsDeleted() {
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		Logger logger = (Logger) LoggerFactory.getLogger("io.github.dofunctions.client.ManagedAccessKey");
		Level level = logger.getLevel();
		logger.setLevel(Level.INFO);
		logger.addAppender(log);
		try {
			this.invoker.invoke("greet", Map.of()).block();
			EmulatedAccessKey key = onlyKey();

			this.template.close();

			assertThat(log.list).filteredOn((event) -> event.getLevel() == Level.INFO)
				.extracting(ILoggingEvent::getFormattedMessage)
				.containsExactly(
						"Created access key '" + key.name() + "' (" + key.id() + ") to call the functions of namespace "
								+ this.namespaceId + "; it expires in PT2H",
						"Deleted access key '" + key.name() + "' (" + key.id()
								+ "), made to call the functions of namespace " + this.namespaceId + ", on shutdown");
		}
		finally {
			logger.detachAppender(log);
			logger.setLevel(level);
		}
	}

	private EmulatedAccessKey onlyKey() {
		List<EmulatedAccessKey> keys = emulator.get().state().accessKeys(this.namespaceId);
		assertThat(keys).hasSize(1);
		return keys.get(0);
	}

	private String lastSubject() {
		List<EmulatedActivation> activations = emulator.get().activations(this.namespaceId);
		return activations.get(activations.size() - 1).subject();
	}

}
