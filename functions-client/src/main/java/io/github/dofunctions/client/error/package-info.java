/**
 * The exceptions of the DigitalOcean Functions client, all unchecked.
 * <p>
 * {@link io.github.dofunctions.client.error.FunctionsApiException} and its subclasses
 * stand for an answer of the API (one subclass per documented status) or an answer the
 * client could not read;
 * {@link io.github.dofunctions.client.error.FunctionsConnectionException} for a call that
 * got no answer.
 */
@NullMarked
package io.github.dofunctions.client.error;

import org.jspecify.annotations.NullMarked;
