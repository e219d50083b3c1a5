package io.github.dofunctions.client;

import java.util.List;

import io.github.dofunctions.client.model.DeployedFunction;
import io.github.dofunctions.client.model.DeployedPackage;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.FunctionRuntime;
import io.github.dofunctions.client.model.PackageDefinition;

/**
 * Blocking deployment of one namespace's functions and packages: the calls of
 * {@link FunctionDeployer}, waiting on the calling thread, with its credential,
 * resilience and checks. Get one from
 * {@link BlockingFunctionsOperations#deployer(String)}. Failures throw what the reactive
 * deployer signals.
 */
public interface BlockingFunctionDeployer {

	/**
	 * Return the blocking deployer of a reactive one: each call waits for the reactive
	 * call.
	 * @param deployer the reactive deployer
	 * @return the blocking deployer
	 */
	static BlockingFunctionDeployer of(FunctionDeployer deployer) {
		return new BlockingDeployer(deployer);
	}

	/**
	 * Return the namespace this deployer deploys to.
	 * @return the namespace id
	 */
	String namespaceId();

	/**
	 * List the runtimes the namespace offers.
	 * @return the runtimes
	 */
	List<FunctionRuntime> runtimes();

	/**
	 * Deploy a function: create it, or replace it and raise its version.
	 * @param function the function
	 * @return the function as deployed
	 */
	DeployedFunction deploy(FunctionDefinition function);

	/**
	 * Get a deployed function, without its code.
	 * @param name {@code name} or {@code package/name}
	 * @return the function
	 */
	DeployedFunction getFunction(String name);

	/**
	 * List the namespace's functions, those of its packages included.
	 * @return the functions
	 */
	List<DeployedFunction> listFunctions();

	/**
	 * Delete a function.
	 * @param name {@code name} or {@code package/name}
	 */
	void deleteFunction(String name);

	/**
	 * Deploy a package: create it, or replace its parameters and annotations.
	 * @param definition the package
	 * @return the package as deployed
	 */
	DeployedPackage deployPackage(PackageDefinition definition);

	/**
	 * Get a package, with the names of its functions.
	 * @param name the package's name
	 * @return the package
	 */
	DeployedPackage getPackage(String name);

	/**
	 * List the namespace's packages.
	 * @return the packages
	 */
	List<DeployedPackage> listPackages();

	/**
	 * Delete a package, which must have no function left.
	 * @param name the package's name
	 */
	void deletePackage(String name);

}
