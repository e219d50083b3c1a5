package io.github.dofunctions.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed for want of a DigitalOcean API token, and what to set.
 */
class MissingFunctionsTokenFailureAnalyzer extends AbstractFailureAnalyzer<MissingFunctionsTokenException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingFunctionsTokenException cause) {
		String placeholder = cause.getUnresolvedPlaceholder();
		String description = "The DigitalOcean Functions client needs an API token, and none is configured."
				+ ((placeholder != null) ? " The property 'do.functions.token' is " + placeholder
						+ ", a placeholder that no property or environment variable resolved." : "");
		return new FailureAnalysis(description,
				"Set the 'do.functions.token' property or the DIGITALOCEAN_TOKEN environment variable to a "
						+ "DigitalOcean API token with the 'function' scopes, or set 'do.functions.enabled=false' "
						+ "to turn the client off.",
				cause);
	}

}
