package io.github.dofunctions.client.model;

/**
 * Whether a function answers HTTP requests at its web URL, as doctl's {@code web} key of
 * {@code project.yml} says it: {@code false}, {@code true} or {@code raw}
 * (docs.digitalocean.com/products/functions/reference/project-configuration). On the API
 * host these are the annotations {@code web-export} and {@code raw-http}
 * (apache/openwhisk, {@code WebActions.scala}).
 */
public enum WebExport {

	/** Not a web function: called only with an access key. */
	OFF,

	/**
	 * A web function: the request's query, JSON body, method, headers and path are its
	 * parameters.
	 */
	ON,

	/**
	 * A raw web function: the body and query string are given as they came, in
	 * {@code __ow_body} and {@code __ow_query}.
	 */
	RAW

}
