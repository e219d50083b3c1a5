package io.github.dofunctions.emulator;

import java.util.Map;

/**
 * A request and the answer the emulator gave it, for tests that check both against
 * DigitalOcean's contract. The answer carries the credentials the emulator made up
 * (namespace keys, access-key secrets): keep it out of logs as you would real ones.
 *
 * @param request the request
 * @param status status of the answer
 * @param headers headers of the answer
 * @param body body of the answer, empty if none
 */
public record EmulatorExchange(RecordedRequest request, int status, Map<String, String> headers, String body) {

	@Override
	public String toString() {
		return "EmulatorExchange[" + this.request.method() + " " + this.request.path() + " -> " + this.status + "]";
	}

}
