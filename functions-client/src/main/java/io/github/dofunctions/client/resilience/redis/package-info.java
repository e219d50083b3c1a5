/**
 * A rate-limit budget shared through Redis, with Spring Data Redis: optional, loaded only
 * when an application asks for it.
 */
@NullMarked
package io.github.dofunctions.client.resilience.redis;

import org.jspecify.annotations.NullMarked;
