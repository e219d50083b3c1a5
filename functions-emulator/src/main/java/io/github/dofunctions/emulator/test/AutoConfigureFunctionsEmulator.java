package io.github.dofunctions.emulator.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;
import org.springframework.boot.test.context.PropertyMapping.Skip;

/**
 * Runs the application's DigitalOcean Functions client against an embedded
 * {@link io.github.dofunctions.emulator.FunctionsEmulator} in a Spring test: the emulator
 * starts with the application context, on a free port, the client's
 * {@code FunctionsOperations} and invokers are pointed at it (no token needed), and every
 * {@link io.github.dofunctions.emulator.EmulatedFunction} bean is registered with it.
 * Inject the {@code FunctionsEmulator} to add functions, arm faults and read its request
 * journal.
 * <p>
 * Before each test method the emulator is emptied (namespaces, triggers, keys,
 * activations, faults, journal, rate-limit counts), so that tests sharing a cached
 * context do not see each other's data; registered functions are code and stay. Set
 * {@link #resetBeforeEachTest()} to {@code false} to keep state from one test to the
 * next. The emulator's other settings are the {@code do.functions.emulator.*} properties.
 * <p>
 * Works with {@code @SpringBootTest} and with test slices such as {@code @WebFluxTest}:
 * it imports the client's auto-configuration and what it needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("do.functions.emulator")
public @interface AutoConfigureFunctionsEmulator {

	/**
	 * Whether the embedded emulator serves the test: maps to
	 * {@code do.functions.emulator.enabled}.
	 * @return whether the emulator is enabled, {@code true} by default
	 */
	boolean enabled() default true;

	/**
	 * Whether the emulator is emptied before each test method.
	 * @return {@code true} (the default) to start each test with an empty emulator
	 */
	@PropertyMapping(skip = Skip.YES)
	boolean resetBeforeEachTest() default true;

}
