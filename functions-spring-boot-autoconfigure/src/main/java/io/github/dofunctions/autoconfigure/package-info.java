/**
 * Spring Boot auto-configuration of the DigitalOcean Functions client, bound to the
 * {@code do.functions.*} properties.
 */
@NullMarked
package io.github.dofunctions.autoconfigure;

import org.jspecify.annotations.NullMarked;
