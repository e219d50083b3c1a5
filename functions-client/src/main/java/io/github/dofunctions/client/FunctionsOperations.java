package io.github.dofunctions.client;

import java.util.List;

import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.CreateNamespaceRequest;
import io.github.dofunctions.client.model.CreateTriggerRequest;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.ManagedAccessKeyInfo;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.RateLimit;
import io.github.dofunctions.client.model.Trigger;
import io.github.dofunctions.client.model.UpdateAccessKeyRequest;
import io.github.dofunctions.client.model.UpdateTriggerRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive operations on DigitalOcean Functions namespaces, triggers and access keys, and
 * the way to a namespace's {@link FunctionInvoker}. Implemented by
 * {@link FunctionsTemplate}.
 * <p>
 * Nothing is sent until the returned publisher is subscribed to. A failed call signals a
 * {@link io.github.dofunctions.client.error.FunctionsException}: a
 * {@link io.github.dofunctions.client.error.FunctionsApiException} subclass for an error
 * answer, a {@link io.github.dofunctions.client.error.FunctionsConnectionException} when
 * no answer came. Arguments that are null, blank or invalid are refused with an
 * {@link IllegalArgumentException} thrown by the method itself, before anything is sent.
 * <p>
 * A {@code namespaceId} is the namespace's {@link Namespace#id() id} ({@code fn-<uuid>}),
 * not its {@code uuid}.
 */
public interface FunctionsOperations {

	/**
	 * List the namespaces of the account.
	 * @return the namespaces
	 */
	Flux<Namespace> listNamespaces();

	/**
	 * Get a namespace, including the credentials ({@code uuid} and {@code key}) that
	 * authenticate calls to its functions.
	 * @param namespaceId the namespace identifier
	 * @return the namespace
	 */
	Mono<Namespace> getNamespace(String namespaceId);

	/**
	 * Create a namespace.
	 * @param request region and label of the namespace
	 * @return the new namespace
	 */
	Mono<Namespace> createNamespace(CreateNamespaceRequest request);

	/**
	 * Delete a namespace with its functions, triggers and access keys.
	 * @param namespaceId the namespace identifier
	 * @return completes when the namespace is deleted
	 */
	Mono<Void> deleteNamespace(String namespaceId);

	/**
	 * List the triggers of a namespace.
	 * @param namespaceId the namespace identifier
	 * @return the triggers
	 */
	Flux<Trigger> listTriggers(String namespaceId);

	/**
	 * Get a trigger.
	 * @param namespaceId the namespace identifier
	 * @param triggerName the trigger name; any characters, sent as one path segment
	 * @return the trigger
	 */
	Mono<Trigger> getTrigger(String namespaceId, String triggerName);

	/**
	 * Create a trigger.
	 * @param namespaceId the namespace identifier
	 * @param request the trigger to create, for example
	 * {@link CreateTriggerRequest#scheduled(String, String, String)}
	 * @return the new trigger
	 */
	Mono<Trigger> createTrigger(String namespaceId, CreateTriggerRequest request);

	/**
	 * Update a trigger: enable or disable it, or replace its schedule.
	 * @param namespaceId the namespace identifier
	 * @param triggerName the trigger name
	 * @param request the fields to change
	 * @return the updated trigger
	 */
	Mono<Trigger> updateTrigger(String namespaceId, String triggerName, UpdateTriggerRequest request);

	/**
	 * Delete a trigger.
	 * @param namespaceId the namespace identifier
	 * @param triggerName the trigger name
	 * @return completes when the trigger is deleted
	 */
	Mono<Void> deleteTrigger(String namespaceId, String triggerName);

	/**
	 * List the access keys of a namespace, without their secrets.
	 * @param namespaceId the namespace identifier
	 * @return the access keys
	 */
	Flux<AccessKey> listAccessKeys(String namespaceId);

	/**
	 * Create an access key. Its {@link AccessKey#secret() secret} is returned this once
	 * and never again: keep it.
	 * @param namespaceId the namespace identifier
	 * @param request name and lifetime of the key
	 * @return the new key, with its secret
	 */
	Mono<AccessKey> createAccessKey(String namespaceId, CreateAccessKeyRequest request);

	/**
	 * Rename an access key.
	 * @param namespaceId the namespace identifier
	 * @param keyId the key identifier ({@code dof_v1_...})
	 * @param request the new name
	 * @return the updated key, without its secret
	 */
	Mono<AccessKey> updateAccessKey(String namespaceId, String keyId, UpdateAccessKeyRequest request);

	/**
	 * Delete an access key.
	 * @param namespaceId the namespace identifier
	 * @param keyId the key identifier
	 * @return completes when the key is deleted
	 */
	Mono<Void> deleteAccessKey(String namespaceId, String keyId);

	/**
	 * Return the hourly request budget as the latest answer's {@code ratelimit-*} headers
	 * described it. Sends nothing.
	 * @return the latest rate limit, or {@link RateLimit#unknown()} before any answer
	 */
	RateLimit rateLimit();

	/**
	 * Describe the access keys this client made for itself to call functions, and has not
	 * deleted yet: namespace, id, name and expiry, never a secret. Sends nothing.
	 * @return the keys, by namespace; empty if none was made, or if this implementation
	 * makes none
	 */
	default List<ManagedAccessKeyInfo> managedAccessKeys() {
		return List.of();
	}

	/**
	 * Return the invoker of a namespace's functions, authenticated with the access key
	 * the client's settings give for the namespace
	 * ({@code do.functions.invocation.access-key-id} with Spring Boot), else with an
	 * access key the client makes for itself: created on the invoker's first call with
	 * {@code createAccessKey}, its secret kept in memory only, renewed in the background
	 * before it expires, replaced once if the API host refuses it, and deleted when the
	 * client is {@linkplain FunctionsTemplate#close() closed}. (DigitalOcean's namespace
	 * key, the legacy shared token, no longer authenticates since 3 June 2026.) The
	 * namespace is read once, on the invoker's first call, for its API host, which is
	 * then kept. The same invoker is returned for the same namespace; every invoker of a
	 * namespace shares its pacing, concurrency limit and circuit breaker.
	 * @param namespaceId the namespace identifier
	 * @return the invoker
	 */
	FunctionInvoker invoker(String namespaceId);

	/**
	 * Return the invoker of a namespace's functions, authenticated with the given
	 * credentials, such as an access key. The namespace is read once, on the invoker's
	 * first call, for its API host.
	 * @param namespaceId the namespace identifier
	 * @param credentials the credentials to call its functions with
	 * @return the invoker
	 */
	FunctionInvoker invoker(String namespaceId, InvocationCredentials credentials);

	/**
	 * Return the deployer of a namespace's functions and packages, on the same path as
	 * {@link #invoker(String) the namespace's invoker}: the access key the client's
	 * settings give for the namespace, else one the client makes and renews, and the
	 * namespace's resilience. The same deployer is returned for the same namespace.
	 * @param namespaceId the namespace identifier
	 * @return the deployer
	 */
	FunctionDeployer deployer(String namespaceId);

	/**
	 * Return the deployer of a namespace's functions and packages, authenticated with the
	 * given credentials, such as an access key.
	 * @param namespaceId the namespace identifier
	 * @param credentials the credentials to deploy with
	 * @return the deployer
	 */
	FunctionDeployer deployer(String namespaceId, InvocationCredentials credentials);

}
