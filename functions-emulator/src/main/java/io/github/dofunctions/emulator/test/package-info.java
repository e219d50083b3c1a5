/**
 * Spring test support:
 * {@link io.github.dofunctions.emulator.test.AutoConfigureFunctionsEmulator} runs an
 * application's client against the embedded emulator, emptied before each test.
 */
@NullMarked
package io.github.dofunctions.emulator.test;

import org.jspecify.annotations.NullMarked;
