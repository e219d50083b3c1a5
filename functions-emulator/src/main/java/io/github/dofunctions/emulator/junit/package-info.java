/**
 * A JUnit Jupiter extension that runs the emulator for a test class.
 */
@NullMarked
package io.github.dofunctions.emulator.junit;

import org.jspecify.annotations.NullMarked;
