/**
 * The Maven plugin's goals: {@code functions:plan} ({@link PlanMojo}) and
 * {@code functions:deploy} ({@link DeployMojo}), which deploy a doctl project to a
 * DigitalOcean Functions namespace with the client's
 * {@link io.github.dofunctions.client.project.ProjectDeployer}.
 */
@NullMarked
package io.github.dofunctions.maven;

import org.jspecify.annotations.NullMarked;
