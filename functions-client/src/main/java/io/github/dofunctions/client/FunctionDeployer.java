package io.github.dofunctions.client;

import java.util.List;

import io.github.dofunctions.client.model.DeployedFunction;
import io.github.dofunctions.client.model.DeployedPackage;
import io.github.dofunctions.client.model.FunctionDefinition;
import io.github.dofunctions.client.model.FunctionRuntime;
import io.github.dofunctions.client.model.PackageDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive deployment of one namespace's functions and packages: the code, parameters,
 * environment, limits and web settings that {@code doctl serverless deploy} sends, on the
 * namespace's own API host (Apache OpenWhisk's actions and packages). Get one from
 * {@link FunctionsOperations#deployer(String)}.
 * <p>
 * A deployer takes the same path as the namespace's {@link FunctionInvoker}: the same
 * access key (given, or made and renewed by the client), the namespace's circuit breaker
 * and retries. Deploying creates or replaces ({@code ?overwrite=true}), so a deploy that
 * may have reached the API host is sent again like any {@code PUT}. Every argument is
 * checked before anything is sent: what the platform would refuse is an
 * {@link IllegalArgumentException} naming the field, thrown by the method, or signalled
 * by the returned publisher when it needs the namespace's runtimes to be read first.
 * Errors of the API host are the client's usual exceptions, such as
 * {@link io.github.dofunctions.client.error.FunctionsNotFoundException} for a function or
 * package that does not exist.
 */
public interface FunctionDeployer {

	/**
	 * Return the namespace this deployer deploys to.
	 * @return the namespace id
	 */
	String namespaceId();

	/**
	 * List the runtimes the namespace offers, read once from the API host's
	 * {@code GET /api/v1} and kept.
	 * @return the runtimes, by language then version
	 */
	Mono<List<FunctionRuntime>> runtimes();

	/**
	 * Deploy a function: create it, or replace it and raise its version. Its package must
	 * exist ({@link #deployPackage}).
	 * @param function the function
	 * @return the function as deployed; an {@link IllegalArgumentException} listing the
	 * runtimes the namespace offers if it offers not the function's
	 */
	Mono<DeployedFunction> deploy(FunctionDefinition function);

	/**
	 * Get a deployed function, without its code.
	 * @param name {@code name} or {@code package/name}
	 * @return the function
	 */
	Mono<DeployedFunction> getFunction(String name);

	/**
	 * List the namespace's functions, those of its packages included, page by page as
	 * they are consumed.
	 * @return the functions, without their code
	 */
	Flux<DeployedFunction> listFunctions();

	/**
	 * Delete a function.
	 * @param name {@code name} or {@code package/name}
	 * @return completes when it is deleted
	 */
	Mono<Void> deleteFunction(String name);

	/**
	 * Deploy a package: create it, or replace its parameters and annotations.
	 * @param definition the package
	 * @return the package as deployed
	 */
	Mono<DeployedPackage> deployPackage(PackageDefinition definition);

	/**
	 * Get a package, with the names of its functions.
	 * @param name the package's name
	 * @return the package
	 */
	Mono<DeployedPackage> getPackage(String name);

	/**
	 * List the namespace's packages.
	 * @return the packages, without their functions
	 */
	Flux<DeployedPackage> listPackages();

	/**
	 * Delete a package. The API host refuses to delete a package that still has functions
	 * ({@code 409}, a
	 * {@link io.github.dofunctions.client.error.FunctionsConflictException}): delete them
	 * first.
	 * @param name the package's name
	 * @return completes when it is deleted
	 */
	Mono<Void> deletePackage(String name);

}
