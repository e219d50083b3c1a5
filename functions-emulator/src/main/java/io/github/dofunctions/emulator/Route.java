package io.github.dofunctions.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a request goes: its operation and the path variables, decoded segment by segment,
 * so that an encoded {@code /} stays inside its segment.
 *
 * @param operation the operation
 * @param namespaceId the {@code namespace_id} variable ({@code _} on the API host), or
 * {@code null}
 * @param name the {@code trigger_name} or {@code key_id} variable, the function (with its
 * package), the package or the activation id, or {@code null}; for a web function, its
 * package segment ({@code default} for none) and its name with the extension, joined by
 * {@code /}
 */
record Route(Operation operation, @Nullable String namespaceId, @Nullable String name) {

	private static final List<String> ROOT = List.of("v2", "functions", "namespaces");

	private static final List<String> API_HOST_ROOT = List.of("api", "v1", "namespaces");

	private static final List<String> API_INFO = List.of("api", "v1");

	private static final List<String> WEB_ROOT = List.of("api", "v1", "web");

	/**
	 * Find the route of a request.
	 * @return the route, or {@code null} if the path is none of the API's
	 * @throws ApiError {@code 405} if the path is known but the method is not
	 */
	static @Nullable Route of(String method, String rawPath) {
		List<String> segments = Arrays.stream(rawPath.split("/", -1)).skip(1).map(Route::decode).toList();
		if (segments.equals(API_INFO)
				|| (segments.size() == 3 && segments.subList(0, 2).equals(API_INFO) && segments.get(2).isEmpty())) {
			if (!method.equals("GET")) {
				throw methodNotAllowed(method);
			}
			return new Route(Operation.LIST_RUNTIMES, null, null);
		}
		if (segments.size() >= 6 && segments.subList(0, 3).equals(WEB_ROOT) && !segments.subList(3, 6).contains("")) {
			// Any method: the function answers it (WebActions.allowedOperations); the
			// rest
			// of the path is its __ow_path.
			return new Route(Operation.INVOKE_WEB_FUNCTION, segments.get(3), segments.get(4) + "/" + segments.get(5));
		}
		if (segments.size() >= 4 && segments.subList(0, 3).equals(API_HOST_ROOT) && !segments.contains("")) {
			return onApiHost(method, segments.get(3), segments.subList(4, segments.size()));
		}
		if (segments.size() < 3 || !segments.subList(0, 3).equals(ROOT) || segments.contains("")) {
			return null;
		}
		List<String> rest = segments.subList(3, segments.size());
		String namespace = (rest.size() >= 1) ? rest.get(0) : null;
		String name = (rest.size() >= 3) ? rest.get(2) : null;
		String collection = (rest.size() >= 2) ? rest.get(1) : null;
		Operation operation = switch (rest.size()) {
			case 0 -> pick(method, "GET", Operation.LIST_NAMESPACES, "POST", Operation.CREATE_NAMESPACE);
			case 1 -> pick(method, "GET", Operation.GET_NAMESPACE, "DELETE", Operation.DELETE_NAMESPACE);
			case 2 -> switch (collection) {
				case "triggers" -> pick(method, "GET", Operation.LIST_TRIGGERS, "POST", Operation.CREATE_TRIGGER);
				case "keys" -> pick(method, "GET", Operation.LIST_ACCESS_KEYS, "POST", Operation.CREATE_ACCESS_KEY);
				default -> null;
			};
			case 3 -> switch (collection) {
				case "triggers" -> switch (method) {
					case "GET" -> Operation.GET_TRIGGER;
					case "PUT" -> Operation.UPDATE_TRIGGER;
					case "DELETE" -> Operation.DELETE_TRIGGER;
					default -> throw methodNotAllowed(method);
				};
				case "keys" -> pick(method, "PUT", Operation.UPDATE_ACCESS_KEY, "DELETE", Operation.DELETE_ACCESS_KEY);
				default -> null;
			};
			default -> null;
		};
		return (operation != null) ? new Route(operation, namespace, name) : null;
	}

	/**
	 * Route a path of the API host: {@code actions[/[package/]function]},
	 * {@code packages[/package]} and {@code activations[/id[/logs|/result]]}, below the
	 * namespace ({@code _} or its id). The name is the function, with its package, the
	 * package, or the activation id.
	 */
	private static @Nullable Route onApiHost(String method, String namespace, List<String> rest) {
		if (rest.isEmpty()) {
			return null;
		}
		if (rest.get(0).equals("actions") && rest.size() <= 3) {
			if (rest.size() == 1) {
				return new Route(pick(method, "GET", Operation.LIST_FUNCTIONS), namespace, null);
			}
			Operation operation = switch (method) {
				case "POST" -> Operation.INVOKE_FUNCTION;
				case "PUT" -> Operation.DEPLOY_FUNCTION;
				case "GET" -> Operation.GET_FUNCTION;
				case "DELETE" -> Operation.DELETE_FUNCTION;
				default -> throw methodNotAllowed(method);
			};
			return new Route(operation, namespace, String.join("/", rest.subList(1, rest.size())));
		}
		if (rest.get(0).equals("packages") && rest.size() <= 2) {
			if (rest.size() == 1) {
				return new Route(pick(method, "GET", Operation.LIST_PACKAGES), namespace, null);
			}
			Operation operation = switch (method) {
				case "PUT" -> Operation.DEPLOY_PACKAGE;
				case "GET" -> Operation.GET_PACKAGE;
				case "DELETE" -> Operation.DELETE_PACKAGE;
				default -> throw methodNotAllowed(method);
			};
			return new Route(operation, namespace, rest.get(1));
		}
		if (!rest.get(0).equals("activations") || rest.size() > 3) {
			return null;
		}
		if (!method.equals("GET")) {
			throw methodNotAllowed(method);
		}
		String activationId = (rest.size() >= 2) ? rest.get(1) : null;
		Operation operation = switch (rest.size()) {
			case 1 -> Operation.LIST_ACTIVATIONS;
			case 2 -> Operation.GET_ACTIVATION;
			default -> switch (rest.get(2)) {
				case "logs" -> Operation.GET_ACTIVATION_LOGS;
				case "result" -> Operation.GET_ACTIVATION_RESULT;
				default -> null;
			};
		};
		return (operation != null) ? new Route(operation, namespace, activationId) : null;
	}

	private static Operation pick(String method, String onlyMethod, Operation only) {
		if (method.equals(onlyMethod)) {
			return only;
		}
		throw methodNotAllowed(method);
	}

	private static Operation pick(String method, String firstMethod, Operation first, String secondMethod,
			Operation second) {
		if (method.equals(firstMethod)) {
			return first;
		}
		if (method.equals(secondMethod)) {
			return second;
		}
		throw methodNotAllowed(method);
	}

	private static ApiError methodNotAllowed(String method) {
		return new ApiError(405, "method_not_allowed", method + " is not allowed on this resource");
	}

	private static String decode(String segment) {
		// A path keeps '+' literal: only percent-escapes are decoded.
		return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
