package io.github.dofunctions.emulator;

/**
 * The operations the emulator serves, named as DigitalOcean's OpenAPI description and the
 * client name them.
 */
public enum Operation {

	/** {@code GET /v2/functions/namespaces}. */
	LIST_NAMESPACES("listNamespaces"),

	/** {@code GET /v2/functions/namespaces/{namespace_id}}. */
	GET_NAMESPACE("getNamespace"),

	/** {@code POST /v2/functions/namespaces}. */
	CREATE_NAMESPACE("createNamespace"),

	/** {@code DELETE /v2/functions/namespaces/{namespace_id}}. */
	DELETE_NAMESPACE("deleteNamespace"),

	/** {@code GET /v2/functions/namespaces/{namespace_id}/triggers}. */
	LIST_TRIGGERS("listTriggers"),

	/** {@code GET /v2/functions/namespaces/{namespace_id}/triggers/{trigger_name}}. */
	GET_TRIGGER("getTrigger"),

	/** {@code POST /v2/functions/namespaces/{namespace_id}/triggers}. */
	CREATE_TRIGGER("createTrigger"),

	/** {@code PUT /v2/functions/namespaces/{namespace_id}/triggers/{trigger_name}}. */
	UPDATE_TRIGGER("updateTrigger"),

	/** {@code DELETE /v2/functions/namespaces/{namespace_id}/triggers/{trigger_name}}. */
	DELETE_TRIGGER("deleteTrigger"),

	/** {@code GET /v2/functions/namespaces/{namespace_id}/keys}. */
	LIST_ACCESS_KEYS("listAccessKeys"),

	/** {@code POST /v2/functions/namespaces/{namespace_id}/keys}. */
	CREATE_ACCESS_KEY("createAccessKey"),

	/** {@code PUT /v2/functions/namespaces/{namespace_id}/keys/{key_id}}. */
	UPDATE_ACCESS_KEY("updateAccessKey"),

	/** {@code DELETE /v2/functions/namespaces/{namespace_id}/keys/{key_id}}. */
	DELETE_ACCESS_KEY("deleteAccessKey"),

	/**
	 * {@code POST /api/v1/namespaces/_/actions/[{package}/]{function}}, on the API host.
	 */
	INVOKE_FUNCTION("invoke"),

	/** {@code GET /api/v1/namespaces/_/activations}, on the API host. */
	LIST_ACTIVATIONS("listActivations"),

	/** {@code GET /api/v1/namespaces/_/activations/{activation_id}}, on the API host. */
	GET_ACTIVATION("getActivation"),

	/**
	 * {@code GET /api/v1/namespaces/_/activations/{activation_id}/logs}, on the API host.
	 */
	GET_ACTIVATION_LOGS("getActivationLogs"),

	/**
	 * {@code GET /api/v1/namespaces/_/activations/{activation_id}/result}, on the API
	 * host.
	 */
	GET_ACTIVATION_RESULT("getActivationResult"),

	/**
	 * {@code GET /api/v1}, on the API host, without authentication: OpenWhisk's info
	 * document with the {@code runtimes} offered.
	 */
	LIST_RUNTIMES("listRuntimes"),

	/**
	 * {@code PUT /api/v1/namespaces/_/actions/[{package}/]{function}}, on the API host:
	 * deploy a function (an OpenWhisk action).
	 */
	DEPLOY_FUNCTION("deploy"),

	/**
	 * {@code GET /api/v1/namespaces/_/actions/[{package}/]{function}}, on the API host.
	 */
	GET_FUNCTION("getFunction"),

	/** {@code GET /api/v1/namespaces/_/actions}, on the API host. */
	LIST_FUNCTIONS("listFunctions"),

	/**
	 * {@code DELETE /api/v1/namespaces/_/actions/[{package}/]{function}}, on the API
	 * host.
	 */
	DELETE_FUNCTION("deleteFunction"),

	/** {@code PUT /api/v1/namespaces/_/packages/{package}}, on the API host. */
	DEPLOY_PACKAGE("deployPackage"),

	/** {@code GET /api/v1/namespaces/_/packages/{package}}, on the API host. */
	GET_PACKAGE("getPackage"),

	/** {@code GET /api/v1/namespaces/_/packages}, on the API host. */
	LIST_PACKAGES("listPackages"),

	/** {@code DELETE /api/v1/namespaces/_/packages/{package}}, on the API host. */
	DELETE_PACKAGE("deletePackage"),

	/**
	 * Any method on {@code /api/v1/web/{namespace_id}/{package or default}/{function}},
	 * on the API host, without authentication: a web function.
	 */
	INVOKE_WEB_FUNCTION("invokeWeb");

	private final String operationName;

	Operation(String operationName) {
		this.operationName = operationName;
	}

	/**
	 * Return whether the operation is served on a namespace's API host, authenticated
	 * with an access key's Basic credential (but {@link #LIST_RUNTIMES} and
	 * {@link #INVOKE_WEB_FUNCTION}, which need none).
	 * @return whether the operation calls, deploys or reads functions, packages or
	 * activations
	 */
	public boolean isInvocation() {
		return ordinal() >= INVOKE_FUNCTION.ordinal();
	}

	/**
	 * Return the name of the operation, as the client's method that performs it.
	 * @return the name, such as {@code createNamespace}
	 */
	public String operationName() {
		return this.operationName;
	}

}
