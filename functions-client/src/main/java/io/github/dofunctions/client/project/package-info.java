/**
 * doctl projects: a {@code project.yml} and its {@code packages/} folder, read as
 * DigitalOcean documents them and deployed with a plan.
 */
@NullMarked
package io.github.dofunctions.client.project;

import org.jspecify.annotations.NullMarked;
