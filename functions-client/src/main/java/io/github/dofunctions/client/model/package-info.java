/**
 * The resources and requests of the DigitalOcean Functions API, as immutable records.
 * <p>
 * Field names follow the API's snake_case JSON through {@code @JsonProperty}, in reading
 * and in writing, the activation's too (its duration in milliseconds); fields the API may
 * omit are {@code null}; fields the API adds later are ignored. Request records check
 * their arguments when they are built, so a bad request never leaves the process.
 */
@NullMarked
package io.github.dofunctions.client.model;

import org.jspecify.annotations.NullMarked;
