package io.github.dofunctions.maven;

import java.util.List;
import java.util.stream.Collectors;

import io.github.dofunctions.client.project.ApplyReport;
import io.github.dofunctions.client.project.PlannedChange;
import io.github.dofunctions.client.project.ProjectDeployer;
import io.github.dofunctions.client.project.ProjectPlan;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code functions:deploy}: plan as {@code functions:plan} does, print the plan, apply it
 * (packages, then functions, then triggers) and print what was done. A namespace named by
 * a label that no namespace has is created first, in {@code functions.region}. Applying
 * stops at the first failure, which fails the build with what was done and what is left.
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployMojo extends AbstractFunctionsMojo {

	/**
	 * Create the goal; Maven sets its parameters.
	 */
	public DeployMojo() {
	}

	@Override
	void execute(Deployment deployment) throws MojoFailureException {
		NamespaceTarget namespace = deployment.namespace();
		if (!namespace.exists()) {
			namespace = namespace.create(deployment.blocking(), deployment.region());
			getLog().info("Created namespace " + namespace.describe() + " in " + deployment.region());
		}
		ProjectDeployer deployer = new ProjectDeployer(deployment.functions(), namespace.id());
		ProjectPlan plan = deployer.plan(deployment.folder(), deployment.options());
		getLog().info("Plan for " + deployment.folder() + " in namespace " + namespace.describe() + ":");
		info(plan.toTable());
		if (!plan.hasChanges()) {
			getLog().info("Nothing to deploy: the namespace is up to date");
			return;
		}
		ApplyReport report = deployer.apply(plan);
		if (report.succeeded()) {
			getLog().info("Deployed to namespace " + namespace.describe() + ":");
			info(report.toTable());
			return;
		}
		getLog().error("Deploying to namespace " + namespace.describe() + " stopped; done:");
		report.toTable().lines().forEach(getLog()::error);
		RuntimeException failure = report.failure();
		throw new MojoFailureException("Deploying to namespace " + namespace.describe() + " failed: "
				+ ((failure != null) ? failure.getMessage() : "unknown failure") + ". Done: " + names(report.done())
				+ ". Left: " + names(report.left()), failure);
	}

	private static String names(List<PlannedChange> changes) {
		return changes.isEmpty() ? "nothing"
				: changes.stream()
					.map((change) -> change.action().name().toLowerCase() + " " + change.kind().name().toLowerCase()
							+ " " + change.name())
					.collect(Collectors.joining(", "));
	}

}
