package io.github.dofunctions.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every request the emulator received, oldest first, for tests to check what a client
 * sent. Authorization values are redacted.
 */
public final class RequestJournal {

	/**
	 * Made by the emulator: see {@link FunctionsEmulator#journal()}.
	 */
	RequestJournal() {
	}

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	void record(RecordedRequest request) {
		this.requests.add(request);
	}

	/**
	 * Return every request received.
	 * @return the requests, oldest first
	 */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Return the requests that called an operation.
	 * @param operation the operation
	 * @return its requests, oldest first
	 */
	public List<RecordedRequest> requests(Operation operation) {
		return this.requests.stream().filter((request) -> request.operation() == operation).toList();
	}

	/**
	 * Return how many requests called an operation.
	 * @param operation the operation
	 * @return the count
	 */
	public int count(Operation operation) {
		return requests(operation).size();
	}

	/**
	 * Forget every request.
	 */
	public void clear() {
		this.requests.clear();
	}

}
