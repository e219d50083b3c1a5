package io.github.dofunctions.client.model;

import org.springframework.http.HttpMethod;

/**
 * The operations of the DigitalOcean Functions API, with the method and URI template each
 * one uses. The name of an operation is the name of the
 * {@link io.github.dofunctions.client.FunctionsOperations} or
 * {@link io.github.dofunctions.client.FunctionInvoker} method that performs it. Calls,
 * retries and errors are reported by operation.
 * <p>
 * The control-plane operations are relative to the API's base URL; the
 * {@link #isInvocation() invocation} operations to a namespace's {@code api_host}.
 */
public enum ApiOperation {

	/** {@code GET /v2/functions/namespaces}. */
	LIST_NAMESPACES("listNamespaces", HttpMethod.GET, "/v2/functions/namespaces"),

	/** {@code GET /v2/functions/namespaces/{namespace_id}}. */
	GET_NAMESPACE("getNamespace", HttpMethod.GET, "/v2/functions/namespaces/{namespace_id}"),

	/** {@code POST /v2/functions/namespaces}. */
	CREATE_NAMESPACE("createNamespace", HttpMethod.POST, "/v2/functions/namespaces"),

	/** {@code DELETE /v2/functions/namespaces/{namespace_id}}. */
	DELETE_NAMESPACE("deleteNamespace", HttpMethod.DELETE, "/v2/functions/namespaces/{namespace_id}"),

	/** {@code GET /v2/functions/namespaces/{namespace_id}/triggers}. */
	LIST_TRIGGERS("listTriggers", HttpMethod.GET, "/v2/functions/namespaces/{namespace_id}/triggers"),

	/** {@code GET /v2/functions/namespaces/{namespace_id}/triggers/{trigger_name}}. */
	GET_TRIGGER("getTrigger", HttpMethod.GET, "/v2/functions/namespaces/{namespace_id}/triggers/{trigger_name}"),

	/** {@code POST /v2/functions/namespaces/{namespace_id}/triggers}. */
	CREATE_TRIGGER("createTrigger", HttpMethod.POST, "/v2/functions/namespaces/{namespace_id}/triggers"),

	/** {@code PUT /v2/functions/namespaces/{namespace_id}/triggers/{trigger_name}}. */
	UPDATE_TRIGGER("updateTrigger", HttpMethod.PUT, "/v2/functions/namespaces/{namespace_id}/triggers/{trigger_name}"),

	/** {@code DELETE /v2/functions/namespaces/{namespace_id}/triggers/{trigger_name}}. */
	DELETE_TRIGGER("deleteTrigger", HttpMethod.DELETE,
			"/v2/functions/namespaces/{namespace_id}/triggers/{trigger_name}"),

	/** {@code GET /v2/functions/namespaces/{namespace_id}/keys}. */
	LIST_ACCESS_KEYS("listAccessKeys", HttpMethod.GET, "/v2/functions/namespaces/{namespace_id}/keys"),

	/** {@code POST /v2/functions/namespaces/{namespace_id}/keys}. */
	CREATE_ACCESS_KEY("createAccessKey", HttpMethod.POST, "/v2/functions/namespaces/{namespace_id}/keys"),

	/** {@code PUT /v2/functions/namespaces/{namespace_id}/keys/{key_id}}. */
	UPDATE_ACCESS_KEY("updateAccessKey", HttpMethod.PUT, "/v2/functions/namespaces/{namespace_id}/keys/{key_id}"),

	/** {@code DELETE /v2/functions/namespaces/{namespace_id}/keys/{key_id}}. */
	DELETE_ACCESS_KEY("deleteAccessKey", HttpMethod.DELETE, "/v2/functions/namespaces/{namespace_id}/keys/{key_id}"),

	/**
	 * {@code POST /api/v1/namespaces/_/actions/{function}} on the namespace's API host; a
	 * function in a package is {@code {package}/{function}}, two segments.
	 */
	INVOKE_FUNCTION("invoke", HttpMethod.POST, "/api/v1/namespaces/_/actions/{function}"),

	/** {@code GET /api/v1/namespaces/_/activations} on the namespace's API host. */
	LIST_ACTIVATIONS("listActivations", HttpMethod.GET, "/api/v1/namespaces/_/activations"),

	/** {@code GET /api/v1/namespaces/_/activations/{activation_id}}. */
	GET_ACTIVATION("getActivation", HttpMethod.GET, "/api/v1/namespaces/_/activations/{activation_id}"),

	/** {@code GET /api/v1/namespaces/_/activations/{activation_id}/logs}. */
	GET_ACTIVATION_LOGS("getActivationLogs", HttpMethod.GET, "/api/v1/namespaces/_/activations/{activation_id}/logs"),

	/** {@code GET /api/v1/namespaces/_/activations/{activation_id}/result}. */
	GET_ACTIVATION_RESULT("getActivationResult", HttpMethod.GET,
			"/api/v1/namespaces/_/activations/{activation_id}/result"),

	/**
	 * {@code GET /api/v1} on the namespace's API host: OpenWhisk's description of itself,
	 * with the runtimes it offers.
	 */
	LIST_RUNTIMES("listRuntimes", HttpMethod.GET, "/api/v1"),

	/**
	 * {@code PUT /api/v1/namespaces/_/actions/{function}?overwrite=true}: deploy a
	 * function, creating or replacing it.
	 */
	DEPLOY_FUNCTION("deploy", HttpMethod.PUT, "/api/v1/namespaces/_/actions/{function}"),

	/** {@code GET /api/v1/namespaces/_/actions/{function}}. */
	GET_FUNCTION("getFunction", HttpMethod.GET, "/api/v1/namespaces/_/actions/{function}"),

	/** {@code GET /api/v1/namespaces/_/actions}. */
	LIST_FUNCTIONS("listFunctions", HttpMethod.GET, "/api/v1/namespaces/_/actions"),

	/** {@code DELETE /api/v1/namespaces/_/actions/{function}}. */
	DELETE_FUNCTION("deleteFunction", HttpMethod.DELETE, "/api/v1/namespaces/_/actions/{function}"),

	/**
	 * {@code PUT /api/v1/namespaces/_/packages/{package}?overwrite=true}: deploy a
	 * package, creating or replacing it.
	 */
	DEPLOY_PACKAGE("deployPackage", HttpMethod.PUT, "/api/v1/namespaces/_/packages/{package}"),

	/** {@code GET /api/v1/namespaces/_/packages/{package}}. */
	GET_PACKAGE("getPackage", HttpMethod.GET, "/api/v1/namespaces/_/packages/{package}"),

	/** {@code GET /api/v1/namespaces/_/packages}. */
	LIST_PACKAGES("listPackages", HttpMethod.GET, "/api/v1/namespaces/_/packages"),

	/** {@code DELETE /api/v1/namespaces/_/packages/{package}}. */
	DELETE_PACKAGE("deletePackage", HttpMethod.DELETE, "/api/v1/namespaces/_/packages/{package}"),

	/**
	 * A request to a web function,
	 * {@code /api/v1/web/{namespace_id}/{package}/{function}} ({@code default} for a
	 * function outside any package), with the caller's method: {@code POST} stands for
	 * any, so that it is not taken for idempotent.
	 */
	INVOKE_WEB_FUNCTION("invokeWeb", HttpMethod.POST, "/api/v1/web/{namespace_id}/{package}/{function}");

	private final String operationName;

	private final HttpMethod method;

	private final String uriTemplate;

	private final boolean invocation;

	ApiOperation(String operationName, HttpMethod method, String uriTemplate) {
		this.operationName = operationName;
		this.method = method;
		this.uriTemplate = uriTemplate;
		this.invocation = uriTemplate.startsWith("/api/v1");
	}

	/**
	 * Return the name of the client method that performs the operation.
	 * @return the operation name, such as {@code getNamespace}
	 */
	public String operationName() {
		return this.operationName;
	}

	/**
	 * Return the HTTP method of the operation.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * Return the URI template of the operation, relative to the API's base URL.
	 * @return the URI template, with variables such as {@code {namespace_id}}
	 */
	public String uriTemplate() {
		return this.uriTemplate;
	}

	/**
	 * Return whether the operation calls a namespace's API host (its functions, their
	 * activations, their code), rather than DigitalOcean's control-plane API.
	 * @return whether the operation is part of invocation
	 */
	public boolean isInvocation() {
		return this.invocation;
	}

	/**
	 * Return whether sending the request twice has the same effect as sending it once:
	 * true of every GET, PUT and DELETE, false of the POST creates and invocations, web
	 * invocations included.
	 * @return whether the operation is idempotent
	 */
	public boolean isIdempotent() {
		return this.method != HttpMethod.POST;
	}

}
