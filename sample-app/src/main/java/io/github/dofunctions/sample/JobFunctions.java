package io.github.dofunctions.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.github.dofunctions.client.FunctionsOperations;
import io.github.dofunctions.client.project.ApplyReport;
import io.github.dofunctions.client.project.ProjectDeployer;
import io.github.dofunctions.client.project.ProjectPlan;
import io.github.dofunctions.emulator.FunctionsEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The jobs' functions: the doctl project in {@code sample-app/functions/}, packaged in
 * the jar under {@code functions/}, deployed by provisioning to the namespace on the
 * embedded emulator. At DigitalOcean the same project is deployed with
 * {@code doctl serverless deploy} or the {@code functions-maven-plugin}, not by the
 * service.
 * <p>
 * The emulator runs the functions' code in {@code node} and {@code python3}; on a machine
 * without one of them, the function is served by its Java stand-in ({@link JobStandIns})
 * instead, so that the sample runs with only a JDK.
 */
@Component
@ConditionalOnBooleanProperty("do.functions.emulator.enabled")
class JobFunctions {

	private static final Log logger = LogFactory.getLog(JobFunctions.class);

	private static final String PROJECT = "functions/";

	private final FunctionsOperations functions;

	JobFunctions(FunctionsOperations functions, FunctionsEmulator emulator, Environment environment) {
		this.functions = functions;
		// PATH from the environment's variables, which a test can replace.
		JobStandIns.registerWhereRuntimeIsMissing(emulator, environment.getProperty("PATH"));
	}

	/**
	 * Deploy the project to a namespace: what differs from what is deployed, and nothing
	 * else.
	 * @param namespaceId the namespace
	 * @return what was done
	 */
	Mono<ApplyReport> deploy(String namespaceId) {
		return Mono.fromCallable(() -> deployBlocking(namespaceId)).subscribeOn(Schedulers.boundedElastic());
	}

	private ApplyReport deployBlocking(String namespaceId) throws IOException {
		Path folder = Files.createTempDirectory("scheduled-jobs-functions");
		try {
			copyProject(folder);
			ProjectDeployer deployer = new ProjectDeployer(this.functions, namespaceId);
			ProjectPlan plan = deployer.plan(folder, ProjectDeployer.Options.defaults());
			ApplyReport report = deployer.apply(plan);
			if (!report.succeeded()) {
				throw new IllegalStateException(
						"Deploying the jobs' functions failed:" + System.lineSeparator() + report.toTable(),
						report.failure());
			}
			if (plan.hasChanges()) {
				logger.info("Deployed the jobs' functions to " + namespaceId + ":" + System.lineSeparator()
						+ report.toTable());
			}
			return report;
		}
		finally {
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	// The project is read from the class path so that the jar runs from any folder; the
	// reader takes a folder, so it is copied out first.
	private static void copyProject(Path folder) throws IOException {
		ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(JobFunctions.class.getClassLoader());
		String root = resolver.getResource("classpath:" + PROJECT).getURL().toString();
		for (Resource resource : resolver.getResources("classpath:" + PROJECT + "**/*")) {
			String url = resource.getURL().toString();
			if (!resource.isReadable() || url.endsWith("/") || !url.startsWith(root)) {
				continue;
			}
			Path target = folder.resolve(url.substring(root.length())).normalize();
			if (!target.startsWith(folder)) {
				throw new IllegalStateException("Resource " + url + " is outside the project");
			}
			Files.createDirectories(target.getParent());
			try (InputStream in = resource.getInputStream()) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not copy " + url, ex);
			}
		}
	}

}
