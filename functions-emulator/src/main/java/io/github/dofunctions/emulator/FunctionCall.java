package io.github.dofunctions.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of an emulated function: its parameters, its activation, and its log.
 */
public final class FunctionCall {

	private final String namespaceId;

	private final String activationId;

	private final Map<String, Object> parameters;

	private final Clock clock;

	private final List<String> logs = new ArrayList<>();

	FunctionCall(String namespaceId, String activationId, Map<String, Object> parameters, Clock clock) {
		this.namespaceId = namespaceId;
		this.activationId = activationId;
		this.parameters = parameters;
		this.clock = clock;
	}

	/**
	 * Return the namespace the function runs in.
	 * @return the namespace id
	 */
	public String namespaceId() {
		return this.namespaceId;
	}

	/**
	 * Return the activation of this run.
	 * @return the activation id
	 */
	public String activationId() {
		return this.activationId;
	}

	/**
	 * Return the parameters the function was invoked with.
	 * @return the parameters, read from the JSON body
	 */
	public Map<String, Object> parameters() {
		return this.parameters;
	}

	/**
	 * Log a line, as the function's standard output; the activation keeps it.
	 * @param line the line
	 */
	public synchronized void log(String line) {
		this.logs.add(this.clock.instant() + " stdout: " + line);
	}

	/**
	 * Log a line of one of the function's streams, in OpenWhisk's shape of a log line:
	 * {@code <instant> <stream>: <line>}.
	 * @param stream {@code stdout} or {@code stderr}
	 * @param line the line
	 */
	synchronized void log(String stream, String line) {
		if (!"stdout".equals(stream) && !"stderr".equals(stream)) {
			throw new IllegalArgumentException("stream must be stdout or stderr");
		}
		this.logs.add(this.clock.instant() + " " + stream + ": " + line);
	}

	synchronized List<String> logs() {
		return List.copyOf(this.logs);
	}

}
