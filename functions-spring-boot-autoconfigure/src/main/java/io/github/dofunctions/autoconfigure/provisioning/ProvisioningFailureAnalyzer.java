package io.github.dofunctions.autoconfigure.provisioning;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that provisioning stopped: the refused declarations, the
 * differences {@code validate} found, or the resource a call failed on with
 * DigitalOcean's error; and what to do.
 */
class ProvisioningFailureAnalyzer extends AbstractFailureAnalyzer<ProvisioningException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProvisioningException cause) {
		String action = switch (cause.getReason()) {
			case INVALID_DECLARATIONS -> "Correct the declarations (do.functions.provisioning.* or the "
					+ "NamespaceDeclaration beans) named above. Nothing was written to DigitalOcean.";
			case DRIFT ->
				"Bring DigitalOcean in line with the declarations, or the declarations with DigitalOcean: set "
						+ "do.functions.provisioning.mode=create to let the application create and update what differs "
						+ "(and prune=true to delete undeclared triggers), or change the declarations.";
			case FAILED -> "Check the error DigitalOcean gave for the resource named above; what was done before "
					+ "it is logged and stays done. Set do.functions.provisioning.fail-on-error=false to start anyway.";
		};
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
