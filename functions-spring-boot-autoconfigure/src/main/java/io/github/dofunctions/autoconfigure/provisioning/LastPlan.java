package io.github.dofunctions.autoconfigure.provisioning;

import java.time.Instant;

/**
 * The latest {@link ProvisioningPlan} a {@link FunctionsAdmin} computed, and when: what
 * it last saw of the declared resources at DigitalOcean, for reports (such as the
 * {@code functions} actuator endpoint) that must not call DigitalOcean themselves.
 *
 * @param plan the plan; when {@code provisioned}, the changes that were made, as
 * {@link FunctionsAdmin#provision()} returned them
 * @param time when DigitalOcean was read for it
 * @param provisioned whether the plan's changes were made, so that every declared
 * resource in it now exists as declared; {@code false} for a plan that was only computed
 * ({@link FunctionsAdmin#plan()}, {@code validate} mode) or a provisioning that stopped
 * before writing or on a failure
 */
public record LastPlan(ProvisioningPlan plan, Instant time, boolean provisioned) {

}
