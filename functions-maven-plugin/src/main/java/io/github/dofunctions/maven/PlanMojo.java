package io.github.dofunctions.maven;

import io.github.dofunctions.client.model.WebExport;
import io.github.dofunctions.client.project.Project;
import io.github.dofunctions.client.project.ProjectDeployer;
import io.github.dofunctions.client.project.ProjectFunction;
import io.github.dofunctions.client.project.ProjectPackage;
import io.github.dofunctions.client.project.ProjectPlan;
import io.github.dofunctions.client.project.ProjectReader;
import io.github.dofunctions.client.project.ProjectTrigger;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code functions:plan}: read and build the doctl project, compare it with what the
 * namespace holds, and print what {@code functions:deploy} would change. Sends no write:
 * a namespace named by a label that no namespace has is not created, and the plan says
 * that deploy would create it, with everything in the project.
 */
@Mojo(name = "plan", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class PlanMojo extends AbstractFunctionsMojo {

	/**
	 * Create the goal; Maven sets its parameters.
	 */
	public PlanMojo() {
	}

	@Override
	void execute(Deployment deployment) {
		NamespaceTarget namespace = deployment.namespace();
		if (!namespace.exists()) {
			planNewNamespace(deployment);
			return;
		}
		ProjectPlan plan = new ProjectDeployer(deployment.functions(), namespace.id()).plan(deployment.folder(),
				deployment.options());
		getLog().info("Plan for " + deployment.folder() + " in namespace " + namespace.describe() + ":");
		info(plan.toTable());
		if (!plan.hasChanges()) {
			getLog().info("Nothing to change: the namespace is up to date");
		}
	}

	private void planNewNamespace(Deployment deployment) {
		Project project = ProjectReader.read(deployment.folder(), deployment.options().reading());
		getLog().info("No namespace has the label '" + deployment.namespace().label()
				+ "': functions:deploy would create it in " + deployment.region()
				+ ", and create everything in the project:");
		for (ProjectPackage pkg : project.packages()) {
			if (!pkg.isDefault()) {
				getLog().info("  create package  " + pkg.name());
			}
			for (ProjectFunction function : pkg.functions()) {
				// As ProjectDeployer's plan says it: nobody publishes a function unseen.
				boolean publicByDefault = !function.webDeclared() && function.definition().web() != WebExport.OFF;
				getLog().info("  create function " + function.definition().name() + (publicByDefault
						? " (web: public: project.yml says no web:, which doctl deploys as a web function)" : ""));
				for (ProjectTrigger trigger : function.triggers()) {
					getLog().info("  create trigger  " + trigger.name());
				}
			}
		}
	}

}
