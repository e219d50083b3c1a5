package io.github.dofunctions.client.model;

import org.jspecify.annotations.Nullable;

/**
 * How credentials appear in {@code toString()}: never their value.
 */
final class Secrets {

	private Secrets() {
	}

	static String mask(@Nullable String secret) {
		return (secret != null) ? "******" : "null";
	}

}
