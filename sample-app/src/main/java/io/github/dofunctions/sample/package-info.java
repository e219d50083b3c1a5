/**
 * A scheduled-jobs service that keeps its DigitalOcean Functions triggers in line with
 * its configuration, and offers a small REST API over them.
 */
@NullMarked
package io.github.dofunctions.sample;

import org.jspecify.annotations.NullMarked;
