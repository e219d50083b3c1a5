package io.github.dofunctions.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dofunctions.client.model.Activation;
import io.github.dofunctions.client.model.ActivationQuery;
import io.github.dofunctions.client.model.Invocation;
import io.github.dofunctions.client.model.WebInvocation;
import io.github.dofunctions.client.model.WebResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@link BlockingFunctionInvoker} of a reactive {@link FunctionInvoker}.
 */
final class BlockingInvoker implements BlockingFunctionInvoker {

	private final FunctionInvoker invoker;

	BlockingInvoker(FunctionInvoker invoker) {
		Assert.notNull(invoker, "invoker must not be null");
		this.invoker = invoker;
	}

	@Override
	public String namespaceId() {
		return this.invoker.namespaceId();
	}

	@Override
	public @Nullable Map<String, Object> invoke(String function, Object parameters) {
		return Blocking.await("invoke", this.invoker.invoke(function, parameters));
	}

	@Override
	public <T> @Nullable T invoke(String function, Object parameters, Class<T> resultType) {
		return Blocking.await("invoke", this.invoker.invoke(function, parameters, resultType));
	}

	@Override
	public <T> @Nullable T invoke(Invocation invocation, Class<T> resultType) {
		return Blocking.await("invoke", this.invoker.invoke(invocation, resultType));
	}

	@Override
	public Activation invokeForActivation(Invocation invocation) {
		return Blocking.awaitValue("invokeForActivation", this.invoker.invokeForActivation(invocation));
	}

	@Override
	public String start(Invocation invocation) {
		return Blocking.awaitValue("start", this.invoker.start(invocation));
	}

	@Override
	public Activation awaitActivation(String activationId, Duration deadline) {
		return Blocking.awaitValue("awaitActivation", this.invoker.awaitActivation(activationId, deadline));
	}

	@Override
	public <T> @Nullable T awaitResult(String activationId, Duration deadline, Class<T> resultType) {
		return Blocking.await("awaitResult", this.invoker.awaitResult(activationId, deadline, resultType));
	}

	@Override
	public List<Activation> listActivations(ActivationQuery query, int limit) {
		Assert.notNull(query, "query must not be null");
		Assert.isTrue(limit > 0, "limit must be positive");
		// No page larger than needed, and take() stops the listing once it has enough.
		ActivationQuery pages = (limit < query.pageSize()) ? query.withPageSize(limit) : query;
		return Blocking.awaitAll("listActivations", this.invoker.listActivations(pages).take(limit, true));
	}

	@Override
	public Activation getActivation(String activationId) {
		return Blocking.awaitValue("getActivation", this.invoker.getActivation(activationId));
	}

	@Override
	public List<String> getActivationLogs(String activationId) {
		return Blocking.awaitValue("getActivationLogs", this.invoker.getActivationLogs(activationId));
	}

	@Override
	public <T> @Nullable T getActivationResult(String activationId, Class<T> resultType) {
		return Blocking.await("getActivationResult", this.invoker.getActivationResult(activationId, resultType));
	}

	@Override
	public URI webUrl(String function) {
		return Blocking.awaitValue("webUrl", this.invoker.webUrl(function));
	}

	@Override
	public WebResponse invokeWeb(WebInvocation invocation) {
		return Blocking.awaitValue("invokeWeb", this.invoker.invokeWeb(invocation));
	}

	@Override
	public String toString() {
		return "BlockingFunctionInvoker[namespaceId=" + namespaceId() + "]";
	}

}
