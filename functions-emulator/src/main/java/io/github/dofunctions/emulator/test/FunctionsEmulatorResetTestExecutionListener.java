package io.github.dofunctions.emulator.test;

import io.github.dofunctions.autoconfigure.provisioning.FunctionsAdmin;
import io.github.dofunctions.autoconfigure.provisioning.ProvisioningMode;
import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FunctionsResilience;
import io.github.dofunctions.client.resilience.LocalBudgetStore;
import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.util.ClassUtils;

/**
 * Empties the embedded {@link FunctionsEmulator} before each test method of a test class
 * annotated {@link AutoConfigureFunctionsEmulator} (unless it says
 * {@code resetBeforeEachTest = false}), resets what the client keeps between calls (its
 * circuit breaker and its local rate-limit bookings), and provisions the declared
 * resources of a {@code FunctionsAdmin} again, as start-up did, before emptying the
 * journal. Registered through {@code spring.factories}; does nothing for other test
 * classes, nor before the context is loaded.
 */
public class FunctionsEmulatorResetTestExecutionListener implements TestExecutionListener, Ordered {

	/**
	 * Create the listener; the test framework instantiates it from
	 * {@code spring.factories}.
	 */
	public FunctionsEmulatorResetTestExecutionListener() {
	}

	private static final boolean CLIENT_PRESENT = ClassUtils.isPresent(
			"io.github.dofunctions.client.resilience.FunctionsResilience",
			FunctionsEmulatorResetTestExecutionListener.class.getClassLoader());

	private static final boolean ADMIN_PRESENT = ClassUtils.isPresent(
			"io.github.dofunctions.autoconfigure.provisioning.FunctionsAdmin",
			FunctionsEmulatorResetTestExecutionListener.class.getClassLoader());

	/** Runs after dependency injection, before the test's own set-up. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		AutoConfigureFunctionsEmulator annotation = TestContextAnnotationUtils
			.findMergedAnnotation(testContext.getTestClass(), AutoConfigureFunctionsEmulator.class);
		if (annotation == null || !annotation.resetBeforeEachTest() || !testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		FunctionsEmulator emulator = context.getBeanProvider(FunctionsEmulator.class).getIfAvailable();
		if (emulator == null) {
			return;
		}
		emulator.reset();
		if (CLIENT_PRESENT) {
			ClientState.reset(context);
		}
		if (ADMIN_PRESENT) {
			DeclaredResources.provisionAgain(context, emulator);
		}
	}

	/**
	 * The declared namespaces, functions and triggers ({@code FunctionsAdmin}), which
	 * start-up provisioned and the reset removed: provisioned again, so that each test
	 * finds what a fresh start leaves, with the journal emptied of what that sent.
	 */
	private static final class DeclaredResources {

		static void provisionAgain(ApplicationContext context, FunctionsEmulator emulator) {
			context.getBeanProvider(FunctionsAdmin.class).ifAvailable((admin) -> {
				if (!admin.getDeclarations().isEmpty() && admin.getMode() == ProvisioningMode.CREATE) {
					admin.provision();
					emulator.journal().clear();
				}
			});
		}

	}

	/**
	 * What the client keeps from one test to the next when they share a context: its
	 * circuit breaker, which an outage test may have opened, and its rate-limit bookings,
	 * which would make the next test wait. (Invocation breakers belong to namespaces,
	 * which the emulator's reset removed.)
	 */
	private static final class ClientState {

		static void reset(ApplicationContext context) {
			context.getBeanProvider(FunctionsResilience.class).ifAvailable((resilience) -> {
				CircuitBreaker breaker = resilience.circuitBreaker();
				if (breaker != null) {
					breaker.reset();
				}
			});
			context.getBeanProvider(BudgetStore.class).ifAvailable((store) -> {
				if (store instanceof LocalBudgetStore local) {
					local.clear();
				}
			});
		}

	}

}
