package io.github.dofunctions.emulator.autoconfigure;

import io.github.dofunctions.autoconfigure.FunctionsConnectionDetails;
import io.github.dofunctions.emulator.FunctionsEmulator;

/**
 * {@link FunctionsConnectionDetails} that point the client at the embedded emulator.
 */
class EmulatorConnectionDetails implements FunctionsConnectionDetails {

	private final FunctionsEmulator emulator;

	EmulatorConnectionDetails(FunctionsEmulator emulator) {
		this.emulator = emulator;
	}

	@Override
	public String getBaseUrl() {
		return this.emulator.baseUrl();
	}

	@Override
	public String getToken() {
		return this.emulator.token();
	}

	@Override
	public String toString() {
		return "EmulatorConnectionDetails[" + this.emulator + "]";
	}

}
