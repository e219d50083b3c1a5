/**
 * The {@code functions} actuator endpoint: the declared namespaces and triggers with
 * their state at DigitalOcean, the access keys the client made, the rate-limit headroom
 * and the circuit breaker, from what was last seen.
 */
@NullMarked
package io.github.dofunctions.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
