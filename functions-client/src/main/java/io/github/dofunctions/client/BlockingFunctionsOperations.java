package io.github.dofunctions.client;

import java.util.List;

import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.model.Trigger;
import io.github.dofunctions.client.model.UpdateAccessKeyRequest;
import io.github.dofunctions.client.model.UpdateTriggerRequest;

/**
 * Blocking operations on DigitalOcean Functions namespaces, triggers and access keys, for
 * Spring MVC applications and other code that runs on threads allowed to wait: the
 * operations of {@link FunctionsOperations}, returning plain values and {@link List}s.
 * Implemented by {@link BlockingFunctionsTemplate} on top of a
 * {@link FunctionsOperations}, so each call has exactly its retries, pacing, circuit
 * breaker, observations and metrics.
 * <p>
 * Each method sends its request and waits for the answer on the calling thread. A call is
 * bounded as the reactive one is: by the client's call timeout
 * ({@code do.functions.call-timeout} with Spring Boot, two minutes by default) across all
 * its attempts, after which a
 * {@link io.github.dofunctions.client.error.FunctionsTimeoutException} is thrown. A
 * failed call throws the {@link io.github.dofunctions.client.error.FunctionsException}
 * the reactive call signals; invalid arguments an {@link IllegalArgumentException},
 * before anything is sent. Called on a thread that must not block (a Reactor non-blocking
 * thread, such as a WebFlux event loop), a method throws an {@link IllegalStateException}
 * at once and sends nothing. An interrupted wait cancels the call and throws a
 * {@link RuntimeException} whose cause is the {@link InterruptedException}.
 */
public interface BlockingFunctionsOperations {

	/**
	 * List the namespaces of the account.
	 * @return the namespaces, possibly empty
	 */
	List<Namespace> listNamespaces();

	/**
	 * Get a namespace, including its credentials ({@code uuid} and {@code key}).
	 * @param namespaceId the namespace identifier ({@code fn-<uuid>})
	 * @return the namespace
	 */
	Namespace getNamespace(String namespaceId);

	/**
	 * Create a namespace.
	 * @param request region and label of the namespace
	 * @return the new namespace
	 */
	Namespace createNamespace(CreateNamespaceRequest request);

	/**
	 * Delete a namespace with its functions, triggers and access keys.
	 * @param namespaceId the namespace identifier
	 */
	void deleteNamespace(String namespaceId);

	/**
	 * List the triggers of a namespace.
	 * @param namespaceId the namespace identifier
	 * @return the triggers, possibly empty
	 */
	List<Trigger> listTriggers(String namespaceId);

	/**
	 * Get a trigger.
	 * @param namespaceId the namespace identifier
	 * @param triggerName the trigger name; any characters, sent as one path segment
	 * @return the trigger
	 */
	Trigger getTrigger(String namespaceId, String triggerName);

	/**
	 * Create a trigger.
	 * @param namespaceId the namespace identifier
	 * @param request the trigger to create
	 * @return the new trigger
	 */
	Trigger createTrigger(String namespaceId, CreateTriggerRequest request);

	/**
	 * Update a trigger: enable or disable it, or replace its schedule.
	 * @param namespaceId the namespace identifier
	 * @param triggerName the trigger name
	 * @param request the fields to change
	 * @return the updated trigger
	 */
	Trigger updateTrigger(String namespaceId, String triggerName, UpdateTriggerRequest request);

	/**
	 * Delete a trigger.
	 * @param namespaceId the namespace identifier
	 * @param triggerName the trigger name
	 */
	void deleteTrigger(String namespaceId, String triggerName);

	/**
	 * List the access keys of a namespace, without their secrets.
	 * @param namespaceId the namespace identifier
	 * @return the access keys, possibly empty
	 */
	List<AccessKey> listAccessKeys(String namespaceId);

	/**
	 * Create an access key. Its {@link AccessKey#secret() secret} is returned this once
	 * and never again: keep it.
	 * @param namespaceId the namespace identifier
	 * @param request name and lifetime of the key
	 * @return the new key, with its secret
	 */
	AccessKey createAccessKey(String namespaceId, CreateAccessKeyRequest request);

	/**
	 * Rename an access key.
	 * @param namespaceId the namespace identifier
	 * @param keyId the key identifier ({@code dof_v1_...})
	 * @param request the new name
	 * @return the updated key, without its secret
	 */
	AccessKey updateAccessKey(String namespaceId, String keyId, UpdateAccessKeyRequest request);

	/**
	 * Delete an access key.
	 * @param namespaceId the namespace identifier
	 * @param keyId the key identifier
	 */
	void deleteAccessKey(String namespaceId, String keyId);

	/**
	 * Return the hourly request budget as the latest answer's {@code ratelimit-*} headers
	 * described it. Sends nothing, so it may be called on any thread.
	 * @return the latest rate limit, or {@link RateLimit#unknown()} before any answer
	 */
	RateLimit rateLimit();

	/**
	 * Return the blocking invoker of a namespace's functions, on the reactive invoker
	 * {@link FunctionsOperations#invoker(String)} gives (same credentials, budget and
	 * breaker).
	 * @param namespaceId the namespace identifier
	 * @return the invoker
	 */
	BlockingFunctionInvoker invoker(String namespaceId);

	/**
	 * Return the blocking invoker of a namespace's functions, authenticated with the
	 * given credentials, on the reactive invoker
	 * {@link FunctionsOperations#invoker(String, InvocationCredentials)} gives.
	 * @param namespaceId the namespace identifier
	 * @param credentials the credentials to call its functions with
	 * @return the invoker
	 */
	BlockingFunctionInvoker invoker(String namespaceId, InvocationCredentials credentials);

	/**
	 * Return the blocking deployer of a namespace's functions and packages, on the
	 * reactive deployer {@link FunctionsOperations#deployer(String)} gives.
	 * @param namespaceId the namespace identifier
	 * @return the deployer
	 */
	BlockingFunctionDeployer deployer(String namespaceId);

	/**
	 * Return the blocking deployer of a namespace's functions and packages, authenticated
	 * with the given credentials.
	 * @param namespaceId the namespace identifier
	 * @param credentials the credentials to deploy with
	 * @return the deployer
	 */
	BlockingFunctionDeployer deployer(String namespaceId, InvocationCredentials credentials);

}
