package io.github.dofunctions.emulator.junit;

import java.util.function.UnaryOperator;

import io.github.dofunctions.emulator.FunctionsEmulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link FunctionsEmulator} for a test class: started before its first test,
 * emptied before each test (namespaces, faults, journal, rate-limit counts), stopped
 * after its last. Test methods and lifecycle methods may take the
 * {@code FunctionsEmulator} as a parameter.
 * <p>
 * With the defaults: {@code @ExtendWith(FunctionsEmulatorExtension.class)}. Configured:
 * <pre class="code">
 * &#64;RegisterExtension
 * static final FunctionsEmulatorExtension emulator =
 *         FunctionsEmulatorExtension.configured((builder) -&gt; builder.triggerLimit(1000));
 * </pre>
 */
public final class FunctionsEmulatorExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

	private final UnaryOperator<FunctionsEmulator.Builder> configuration;

	private boolean resetBeforeEach = true;

	private @Nullable FunctionsEmulator emulator;

	/**
	 * Create an extension running an emulator with the defaults.
	 */
	public FunctionsEmulatorExtension() {
		this(UnaryOperator.identity());
	}

	private FunctionsEmulatorExtension(UnaryOperator<FunctionsEmulator.Builder> configuration) {
		this.configuration = configuration;
	}

	/**
	 * Create an extension running an emulator configured as given.
	 * @param configuration changes to the default builder
	 * @return the extension
	 */
	public static FunctionsEmulatorExtension configured(UnaryOperator<FunctionsEmulator.Builder> configuration) {
		return new FunctionsEmulatorExtension(configuration);
	}

	/**
	 * Keep what one test left in the emulator for the next, instead of emptying it.
	 * @return this extension
	 */
	public FunctionsEmulatorExtension keepStateBetweenTests() {
		this.resetBeforeEach = false;
		return this;
	}

	/**
	 * Return the running emulator.
	 * @return the emulator
	 * @throws IllegalStateException outside the test class's lifecycle
	 */
	public FunctionsEmulator get() {
		if (this.emulator == null) {
			throw new IllegalStateException("The emulator runs only while the test class runs");
		}
		return this.emulator;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.emulator = this.configuration.apply(FunctionsEmulator.builder()).build().start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.resetBeforeEach) {
			get().reset();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.emulator != null) {
			this.emulator.stop();
			this.emulator = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == FunctionsEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return get();
	}

}
