/**
 * An in-memory DigitalOcean Functions API on a local port, for tests, local runs and the
 * sample application: {@link io.github.dofunctions.emulator.FunctionsEmulator}.
 */
@NullMarked
package io.github.dofunctions.emulator;

import org.jspecify.annotations.NullMarked;
