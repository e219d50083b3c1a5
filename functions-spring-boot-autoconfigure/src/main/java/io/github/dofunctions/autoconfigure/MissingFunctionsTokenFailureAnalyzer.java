package io.github.dofunctions.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed for want of a DigitalOcean API token, and what to set.
 */
class MissingFunctionsTokenFailureAnalyzer extends AbstractFailureAnalyzer<MissingFunctionsTokenException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingFunctionsTokenException cause) {
		return new FailureAnalysis("The DigitalOcean Functions client needs an API token, and none is configured.",
				"Set the 'do.functions.token' property or the DIGITALOCEAN_TOKEN environment variable to a "
						+ "DigitalOcean API token with the 'function' scopes, or set 'do.functions.enabled=false' "
						+ "to turn the client off.",
				cause);
	}

}
