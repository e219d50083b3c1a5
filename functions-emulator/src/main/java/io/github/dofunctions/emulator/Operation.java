package io.github.dofunctions.emulator;

/**
 * The operations the emulator serves, named as DigitalOcean's OpenAPI description and
 * the client name them.
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
	DELETE_ACCESS_KEY("deleteAccessKey");

	private final String operationName;

	Operation(String operationName) {
		this.operationName = operationName;
	}

	/**
	 * Return the name of the operation, as the client's method that performs it.
	 * @return the name, such as {@code createNamespace}
	 */
	public String operationName() {
		return this.operationName;
	}

}
