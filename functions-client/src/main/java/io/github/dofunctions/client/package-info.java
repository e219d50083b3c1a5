/**
 * Reactive client for the DigitalOcean Functions API:
 * {@link io.github.dofunctions.client.FunctionsOperations} and its WebClient
 * implementation {@link io.github.dofunctions.client.FunctionsTemplate}.
 * <p>
 * This package depends on Spring WebFlux, Reactor and Jackson only; it works without
 * Spring Boot.
 */
@NullMarked
package io.github.dofunctions.client;

import org.jspecify.annotations.NullMarked;
