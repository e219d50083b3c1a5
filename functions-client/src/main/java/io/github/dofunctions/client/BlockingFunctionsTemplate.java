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

import org.springframework.util.Assert;

/**
 * The {@link BlockingFunctionsOperations} of a {@link FunctionsOperations}: each method
 * makes the reactive call and waits for it, so the reactive client's resilience,
 * observations and metrics apply unchanged. Holds no resources of its own: closing the
 * reactive {@link FunctionsTemplate} is enough.
 */
public class BlockingFunctionsTemplate implements BlockingFunctionsOperations {

	private final FunctionsOperations functions;

	/**
	 * Create the blocking operations of a reactive client.
	 * @param functions the reactive client that makes the calls
	 */
	public BlockingFunctionsTemplate(FunctionsOperations functions) {
		Assert.notNull(functions, "functions must not be null");
		this.functions = functions;
	}

	@Override
	public List<Namespace> listNamespaces() {
		return Blocking.awaitAll("listNamespaces", this.functions.listNamespaces());
	}

	@Override
	public Namespace getNamespace(String namespaceId) {
		return Blocking.awaitValue("getNamespace", this.functions.getNamespace(namespaceId));
	}

	@Override
	public Namespace createNamespace(CreateNamespaceRequest request) {
		return Blocking.awaitValue("createNamespace", this.functions.createNamespace(request));
	}

	@Override
	public void deleteNamespace(String namespaceId) {
		Blocking.await("deleteNamespace", this.functions.deleteNamespace(namespaceId));
	}

	@Override
	public List<Trigger> listTriggers(String namespaceId) {
		return Blocking.awaitAll("listTriggers", this.functions.listTriggers(namespaceId));
	}

	@Override
	public Trigger getTrigger(String namespaceId, String triggerName) {
		return Blocking.awaitValue("getTrigger", this.functions.getTrigger(namespaceId, triggerName));
	}

	@Override
	public Trigger createTrigger(String namespaceId, CreateTriggerRequest request) {
		return Blocking.awaitValue("createTrigger", this.functions.createTrigger(namespaceId, request));
	}

	@Override
	public Trigger updateTrigger(String namespaceId, String triggerName, UpdateTriggerRequest request) {
		return Blocking.awaitValue("updateTrigger", this.functions.updateTrigger(namespaceId, triggerName, request));
	}

	@Override
	public void deleteTrigger(String namespaceId, String triggerName) {
		Blocking.await("deleteTrigger", this.functions.deleteTrigger(namespaceId, triggerName));
	}

	@Override
	public List<AccessKey> listAccessKeys(String namespaceId) {
		return Blocking.awaitAll("listAccessKeys", this.functions.listAccessKeys(namespaceId));
	}

	@Override
	public AccessKey createAccessKey(String namespaceId, CreateAccessKeyRequest request) {
		return Blocking.awaitValue("createAccessKey", this.functions.createAccessKey(namespaceId, request));
	}

	@Override
	public AccessKey updateAccessKey(String namespaceId, String keyId, UpdateAccessKeyRequest request) {
		return Blocking.awaitValue("updateAccessKey", this.functions.updateAccessKey(namespaceId, keyId, request));
	}

	@Override
	public void deleteAccessKey(String namespaceId, String keyId) {
		Blocking.await("deleteAccessKey", this.functions.deleteAccessKey(namespaceId, keyId));
	}

	@Override
	public RateLimit rateLimit() {
		return this.functions.rateLimit();
	}

	@Override
	public BlockingFunctionInvoker invoker(String namespaceId) {
		return BlockingFunctionInvoker.of(this.functions.invoker(namespaceId));
	}

	@Override
	public BlockingFunctionInvoker invoker(String namespaceId, InvocationCredentials credentials) {
		return BlockingFunctionInvoker.of(this.functions.invoker(namespaceId, credentials));
	}

	@Override
	public BlockingFunctionDeployer deployer(String namespaceId) {
		return BlockingFunctionDeployer.of(this.functions.deployer(namespaceId));
	}

	@Override
	public BlockingFunctionDeployer deployer(String namespaceId, InvocationCredentials credentials) {
		return BlockingFunctionDeployer.of(this.functions.deployer(namespaceId, credentials));
	}

}
