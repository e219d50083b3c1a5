/**
 * Benchmarks of the starter: its cost per call against hand-written WebClient code, the
 * work it gets through DigitalOcean's rate limits against retry-and-hope clients, its
 * behaviour with ten thousand calls in flight, and its start-up cost.
 */
@NullMarked
package io.github.dofunctions.benchmarks;

import org.jspecify.annotations.NullMarked;
