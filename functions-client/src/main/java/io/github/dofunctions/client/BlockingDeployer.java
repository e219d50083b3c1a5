package io.github.dofunctions.client;

import java.util.List;

import io.github.dofunctions.client.model.DeployedFunction;
import io.github.dofunctions.client.model.DeployedPackage;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.FunctionRuntime;
import io.github.dofunctions.client.model.PackageDefinition;

import org.springframework.util.Assert;

/**
 * The {@link BlockingFunctionDeployer} of a reactive {@link FunctionDeployer}.
 */
final class BlockingDeployer implements BlockingFunctionDeployer {

	private final FunctionDeployer deployer;

	BlockingDeployer(FunctionDeployer deployer) {
		Assert.notNull(deployer, "deployer must not be null");
		this.deployer = deployer;
	}

	@Override
	public String namespaceId() {
		return this.deployer.namespaceId();
	}

	@Override
	public List<FunctionRuntime> runtimes() {
		return Blocking.awaitValue("runtimes", this.deployer.runtimes());
	}

	@Override
	public DeployedFunction deploy(FunctionDefinition function) {
		return Blocking.awaitValue("deploy", this.deployer.deploy(function));
	}

	@Override
	public DeployedFunction getFunction(String name) {
		return Blocking.awaitValue("getFunction", this.deployer.getFunction(name));
	}

	@Override
	public List<DeployedFunction> listFunctions() {
		return Blocking.awaitAll("listFunctions", this.deployer.listFunctions());
	}

	@Override
	public void deleteFunction(String name) {
		Blocking.await("deleteFunction", this.deployer.deleteFunction(name));
	}

	@Override
	public DeployedPackage deployPackage(PackageDefinition definition) {
		return Blocking.awaitValue("deployPackage", this.deployer.deployPackage(definition));
	}

	@Override
	public DeployedPackage getPackage(String name) {
		return Blocking.awaitValue("getPackage", this.deployer.getPackage(name));
	}

	@Override
	public List<DeployedPackage> listPackages() {
		return Blocking.awaitAll("listPackages", this.deployer.listPackages());
	}

	@Override
	public void deletePackage(String name) {
		Blocking.await("deletePackage", this.deployer.deletePackage(name));
	}

	@Override
	public String toString() {
		return "BlockingFunctionDeployer[namespaceId=" + namespaceId() + "]";
	}

}
