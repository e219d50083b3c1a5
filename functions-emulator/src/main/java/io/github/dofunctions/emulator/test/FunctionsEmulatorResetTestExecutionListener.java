package io.github.dofunctions.emulator.test;

import io.github.dofunctions.emulator.FunctionsEmulator;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * Empties the embedded {@link FunctionsEmulator} before each test method of a test class
 * annotated {@link AutoConfigureFunctionsEmulator} (unless it says
 * {@code resetBeforeEachTest = false}). Registered through {@code spring.factories}; does
 * nothing for other test classes, nor before the context is loaded.
 */
public class FunctionsEmulatorResetTestExecutionListener implements TestExecutionListener, Ordered {

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
		context.getBeanProvider(FunctionsEmulator.class).ifAvailable(FunctionsEmulator::reset);
	}

}
