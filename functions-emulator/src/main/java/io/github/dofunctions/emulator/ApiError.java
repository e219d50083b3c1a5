package io.github.dofunctions.emulator;

/**
 * An error answer of the emulated API: its status, DigitalOcean's error id and message.
 */
final class ApiError extends RuntimeException {

	private final int status;

	private final String id;

	ApiError(int status, String id, String message) {
		super(message, null, false, false);
		this.status = status;
		this.id = id;
	}

	static ApiError badRequest(String message) {
		return new ApiError(400, "bad_request", message);
	}

	static ApiError notFound(String message) {
		return new ApiError(404, "not_found", message);
	}

	static ApiError conflict(String message) {
		return new ApiError(409, "conflict", message);
	}

	static ApiError limitReached(String message) {
		return new ApiError(422, "unprocessable_entity", message);
	}

	int status() {
		return this.status;
	}

	String id() {
		return this.id;
	}

}
