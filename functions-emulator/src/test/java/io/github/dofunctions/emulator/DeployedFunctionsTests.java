package io.github.dofunctions.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.client.FunctionDeployer;
import io.github.dofunctions.client.FunctionInvoker;
import io.github.dofunctions.client.FunctionsTemplate;
import io.github.dofunctions.client.error.FunctionInvocationException;
import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.DeployedFunction;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.FunctionLimits;
import io.github.dofunctions.client.model.FunctionRuntime;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.client.model.PackageDefinition;
import io.github.dofunctions.client.model.WebExport;
import io.github.dofunctions.client.model.WebInvocation;
import io.github.dofunctions.client.model.WebResponse;
import io.github.dofunctions.emulator.junit.FunctionsEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client's deployer and web calls against the emulator, end to end: functions
 * deployed from source and from a folder run as real Node.js and Python code, versions
 * rise, web functions answer with and without their secret, and nothing refused is sent.
 */
class DeployedFunctionsTests {

	@RegisterExtension
	static final FunctionsEmulatorExtension emulator = new FunctionsEmulatorExtension();

	@RegisterExtension
	final ContractCheck contract = new ContractCheck(emulator::get);

	private String namespaceId;

	private FunctionsTemplate template;

	@BeforeEach
	void createANamespace() {
		this.template = EmulatorClients.withoutResilience(emulator.get());
		this.namespaceId = this.template.createNamespace(new CreateNamespaceRequest("nyc1", "deployments"))
			.block()
			.id();
	}

	private FunctionDeployer deployer() {
		return this.template.deployer(this.namespaceId);
	}

	private FunctionInvoker invoker() {
		return this.template.invoker(this.namespaceId);
	}

	@Test
	void aNodeFunctionDeployedFromSourceRunsWithItsParametersEnvironmentAndLogs() {
		deployer().deploy(FunctionDefinition.builder("greet").runtime("nodejs:18").code("""
				function main(args) {
				  console.log('greeting ' + args.name);
				  console.error('from ' + process.env.GREETER);
				  return { greeting: args.salutation + ', ' + args.name + '!' };
				}
				""").parameter("salutation", "Hello").environment("GREETER", "node-runtime").build()).block();

		Activation activation = invoker().invokeForActivation(Invocation.of("greet", Map.of("name", "Ada"))).block();

		assertThat(activation.result()).isEqualTo(Map.of("greeting", "Hello, Ada!"));
		assertThat(activation.logs()).hasSize(2);
		assertThat(activation.logs()).anyMatch((line) -> line.endsWith(" stdout: greeting Ada"))
			.anyMatch((line) -> line.endsWith(" stderr: from node-runtime"));
	}

	@Test
	void aPythonFunctionDeployedFromSourceRunsAndItsUpdateRaisesTheVersion() {
		FunctionDeployer deployer = deployer();
		DeployedFunction first = deployer
			.deploy(FunctionDefinition.builder("double")
				.runtime("python:default")
				.code("def main(args):\n    print('doubling', args['n'])\n    return {'n': args['n'] * 2}\n")
				.build())
			.block();
		Map<String, Object> doubled = invoker().invoke("double", Map.of("n", 21)).block();

		DeployedFunction second = deployer
			.deploy(FunctionDefinition.builder("double")
				.runtime("python:default")
				.code("def main(args):\n    return {'n': args['n'] * 3}\n")
				.build())
			.block();
		Map<String, Object> tripled = invoker().invoke("double", Map.of("n", 21)).block();

		assertThat(doubled).isEqualTo(Map.of("n", 42));
		assertThat(tripled).isEqualTo(Map.of("n", 63));
		assertThat(first.version()).isEqualTo("0.0.1");
		assertThat(second.version()).isEqualTo("0.0.2");
		assertThat(deployer.getFunction("double").block().version()).isEqualTo("0.0.2");
	}

	@Test
	void aFolderFunctionInAPackageIsZippedAndRun(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("package.json"), "{\"main\": \"lib/index.js\"}");
		Files.createDirectories(folder.resolve("lib"));
		Files.writeString(folder.resolve("lib/index.js"),
				"const words = require('./words');\nexports.main = (args) => ({ words: words(args.text) });\n");
		Files.writeString(folder.resolve("lib/words.js"), "module.exports = (text) => text.split(' ').length;\n");
		FunctionDeployer deployer = deployer();
		deployer.deployPackage(PackageDefinition.builder("text").build()).block();

		DeployedFunction deployed = deployer
			.deploy(FunctionDefinition.builder("text/count").runtime("nodejs:default").folder(folder).build())
			.block();

		assertThat(deployed.binary()).isTrue();
		assertThat(invoker().invoke("text/count", Map.of("text", "one two three")).block())
			.isEqualTo(Map.of("words", 3));
		assertThat(deployer.getPackage("text").block().functions()).containsExactly("count");
		assertThat(deployer.listFunctions().map(DeployedFunction::name).collectList().block())
			.containsExactly("text/count");
	}

	@Test
	void aFunctionThatOutlastsItsTimeoutFailsAsOpenWhiskSaysIt() {
		deployer()
			.deploy(FunctionDefinition.builder("spin")
				.runtime("nodejs:18")
				.code("function main() { while (true) {} }")
				.limits(new FunctionLimits(Duration.ofMillis(500), null))
				.build())
			.block();

		Throwable failure = catchThrowable(() -> invoker().invoke("spin", Map.of()).block());

		assertThat(failure).isInstanceOf(FunctionInvocationException.class);
		assertThat(((FunctionInvocationException) failure).activation().result())
			.isEqualTo(Map.of("error", "The action exceeded its time limits of 500 milliseconds."));
		assertThat(((FunctionInvocationException) failure).activation().logs())
			.as("only what the function wrote, no line of the emulator's")
			.isEmpty();
	}

	@Test
	void aWebFunctionAnswersWithItsSecretAndRefusesWithoutIt() {
		deployer()
			.deploy(FunctionDefinition.builder("hook")
				.runtime("nodejs:18")
				.code("function main(args) { return { statusCode: 202, headers: { 'x-seen': args.__ow_method },"
						+ " body: { event: args.event } }; }")
				.web(WebExport.ON)
				.webSecret("w3b-s3cret")
				.build())
			.block();
		FunctionInvoker invoker = invoker();

		WebResponse accepted = invoker
			.invokeWeb(WebInvocation.post("hook").query("event", "push").secret("w3b-s3cret").build())
			.block();
		WebResponse refused = invoker.invokeWeb(WebInvocation.post("hook").query("event", "push").build()).block();

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.headers().getFirst("x-seen")).isEqualTo("post");
		assertThat(accepted.bodyAsString()).contains("\"event\"").contains("push");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(invoker.webUrl("hook").block().toString())
			.isEqualTo(emulator.get().baseUrl() + "/api/v1/web/" + this.namespaceId + "/default/hook");
	}

	@Test
	void theRuntimesAreDigitalOceansAndOneNotOfferedIsRefusedWithNothingSent() {
		FunctionDeployer deployer = deployer();
		List<FunctionRuntime> runtimes = deployer.runtimes().block();

		StepVerifier.create(deployer.deploy(FunctionDefinition.builder("old").runtime("nodejs:12").code("x").build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("does not offer 'nodejs:12'")
				.hasMessageContaining("nodejs:18"))
			.verify();

		assertThat(runtimes).extracting(FunctionRuntime::kind)
			.contains("nodejs:18", "python:3.11", "go:1.24", "php:8.2");
		assertThat(emulator.get().journal().count(Operation.DEPLOY_FUNCTION)).isZero();
	}

	@Test
	void theEnvironmentAndWebSecretStayOutOfTheJournalAndWhatTheClientReads() {
		DeployedFunction deployed = deployer()
			.deploy(FunctionDefinition.builder("hook")
				.runtime("python:3.11")
				.code("def main(args):\n    return {}\n")
				.environment("API_TOKEN", "env-s3cret-value")
				.web(WebExport.RAW)
				.webSecret("w3b-s3cret-value")
				.build())
			.block();

		String journal = emulator.get().journal().requests().toString();
		assertThat(journal).doesNotContain("env-s3cret-value", "w3b-s3cret-value");
		assertThat(deployed.toString()).doesNotContain("env-s3cret-value", "w3b-s3cret-value");
		assertThat(deployed.environmentNames()).containsExactly("API_TOKEN");
		assertThat(deployed.web()).isEqualTo(WebExport.RAW);
		assertThat(deployed.webSecured()).isTrue();
	}

}
