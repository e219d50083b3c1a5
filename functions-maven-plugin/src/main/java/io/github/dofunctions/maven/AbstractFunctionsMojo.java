package io.github.dofunctions.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.github.dofunctions.client.BlockingFunctionsOperations;
import io.github.dofunctions.client.BlockingFunctionsTemplate;
import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.error.FunctionsException;
import io.github.dofunctions.client.project.ProjectDeployer;
import io.github.dofunctions.client.project.ProjectException;
import io.github.dofunctions.client.project.ProjectReader;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * What {@code functions:plan} and {@code functions:deploy} share: their parameters, the
 * token, the client, and the errors. The API token is not a parameter: it is read from
 * the {@code functions.token} property, else the {@code DIGITALOCEAN_TOKEN} environment
 * variable, and never logged.
 */
public abstract class AbstractFunctionsMojo extends AbstractMojo {

	/**
	 * The doctl project's folder, which holds {@code project.yml} and {@code packages/}.
	 */
	@Parameter(property = "functions.project", defaultValue = "${project.basedir}/functions")
	private @Nullable File project;

	/**
	 * The namespace to deploy to: its id ({@code fn-...}), which must exist, or its
	 * label. {@code functions:deploy} creates a namespace with a label that no namespace
	 * has, in {@code functions.region}; {@code functions:plan} says it would. Required.
	 */
	@Parameter(property = "functions.namespace")
	private @Nullable String namespace;

	/**
	 * The region in which {@code functions:deploy} creates a missing namespace, such as
	 * {@code nyc1}, {@code ams3} or {@code fra1}.
	 */
	@Parameter(property = "functions.region", defaultValue = "nyc1")
	private String region = "nyc1";

	/**
	 * The API's base URL: DigitalOcean's, or an emulator's such as
	 * {@code http://127.0.0.1:8089}.
	 */
	@Parameter(property = "functions.baseUrl", defaultValue = FunctionsTemplate.DEFAULT_BASE_URL)
	private String baseUrl = FunctionsTemplate.DEFAULT_BASE_URL;

	/**
	 * A file of environment variables ({@code NAME=value} lines) that {@code ${NAME}} in
	 * {@code project.yml} takes values from, as {@code doctl}'s {@code --env}. None by
	 * default: the process's environment only.
	 */
	@Parameter(property = "functions.envFile")
	private @Nullable File envFile;

	/**
	 * Whether to delete the packages, functions and triggers of the namespace that the
	 * project does not have.
	 */
	@Parameter(property = "functions.prune", defaultValue = "false")
	private boolean prune;

	/**
	 * Whether to skip the goal.
	 */
	@Parameter(property = "functions.skip", defaultValue = "false")
	private boolean skip;

	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	private @Nullable MavenSession session;

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private @Nullable MavenProject mavenProject;

	AbstractFunctionsMojo() {
	}

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping: functions.skip is true");
			return;
		}
		Path folder = projectFolder();
		String namespace = requireText(this.namespace, "functions.namespace", "the namespace's id (fn-...) or label");
		String region = requireText(this.region, "functions.region", "a region such as nyc1");
		ProjectDeployer.Options options = options();
		String token = Token.resolve(userProperties(), projectProperties(), System.getenv());
		FunctionsTemplate template;
		try {
			template = FunctionsTemplate.builder().baseUrl(this.baseUrl).token(token).build();
		}
		catch (IllegalArgumentException ex) {
			throw new MojoExecutionException("functions.baseUrl: " + ex.getMessage(), ex);
		}
		try (template) {
			BlockingFunctionsOperations blocking = new BlockingFunctionsTemplate(template);
			NamespaceTarget target = NamespaceTarget.find(blocking, namespace);
			execute(new Deployment(template, blocking, folder, target, region, options));
		}
		catch (ProjectException | IllegalArgumentException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		catch (FunctionsException ex) {
			throw new MojoExecutionException(this.baseUrl + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Run the goal.
	 * @param deployment the project, the namespace and the API
	 * @throws MojoExecutionException if the goal cannot run
	 * @throws MojoFailureException if the project cannot be deployed
	 */
	abstract void execute(Deployment deployment) throws MojoExecutionException, MojoFailureException;

	/**
	 * Log text line by line, at info level.
	 * @param text the text, such as a table
	 */
	void info(String text) {
		text.lines().forEach(getLog()::info);
	}

	private Path projectFolder() throws MojoExecutionException {
		if (this.project == null) {
			throw new MojoExecutionException("Set functions.project to the doctl project's folder");
		}
		Path folder = this.project.toPath().toAbsolutePath().normalize();
		if (!Files.isDirectory(folder)) {
			throw new MojoExecutionException("functions.project: no doctl project at " + folder
					+ " (no such folder); it holds project.yml and packages/");
		}
		return folder;
	}

	private ProjectDeployer.Options options() throws MojoExecutionException {
		Path env = null;
		if (this.envFile != null) {
			env = this.envFile.toPath().toAbsolutePath().normalize();
			if (!Files.isRegularFile(env)) {
				throw new MojoExecutionException("functions.envFile: no such file " + env);
			}
		}
		return ProjectDeployer.Options.defaults()
			.withPrune(this.prune)
			.withReading(ProjectReader.Options.defaults().withEnvFile(env));
	}

	private Properties userProperties() {
		return (this.session != null) ? this.session.getUserProperties() : new Properties();
	}

	private Properties projectProperties() {
		return (this.mavenProject != null) ? this.mavenProject.getProperties() : new Properties();
	}

	private static String requireText(@Nullable String value, String property, String what)
			throws MojoExecutionException {
		if (value == null || value.isBlank()) {
			throw new MojoExecutionException("Set " + property + " to " + what);
		}
		return value.strip();
	}

	/**
	 * What a goal works on.
	 *
	 * @param functions the API
	 * @param blocking the API, blocking
	 * @param folder the doctl project's folder
	 * @param namespace the namespace, existing or not
	 * @param region the region to create a missing namespace in
	 * @param options how to read and deploy the project
	 */
	record Deployment(FunctionsOperations functions, BlockingFunctionsOperations blocking, Path folder,
			NamespaceTarget namespace, String region, ProjectDeployer.Options options) {

	}

}
