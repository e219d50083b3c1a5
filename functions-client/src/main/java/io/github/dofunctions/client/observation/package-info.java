/**
 * What the client reports about its calls: a listener of retries, rate limits, pacing and
 * completed calls, and the outcome of each call, for metrics, health and logs.
 */
@NullMarked
package io.github.dofunctions.client.observation;

import org.jspecify.annotations.NullMarked;
