/**
 * Runs the emulator inside a Spring Boot application when
 * {@code do.functions.emulator.enabled=true}, and points the client at it.
 */
@NullMarked
package io.github.dofunctions.emulator.autoconfigure;

import org.jspecify.annotations.NullMarked;
