package io.github.dofunctions.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What each rate-limit budget counts, as its store names it: DigitalOcean counts the
 * control plane's requests per token, and a namespace's invocations per namespace. A
 * token is named by a hash of it, never by itself, since a shared store may be read by
 * others.
 */
final class BudgetScopes {

	private BudgetScopes() {
	}

	/**
	 * The scope of the control plane: a SHA-256 hash of the current token, computed again
	 * when the token changes.
	 */
	static Supplier<String> ofToken(Supplier<String> token) {
		AtomicReference<Hashed> last = new AtomicReference<>(new Hashed("", ""));
		return () -> {
			String current = token.get();
			Hashed hashed = last.get();
			if (!hashed.token().equals(current)) {
				hashed = new Hashed(current, "token:" + sha256(current).substring(0, 32));
				last.set(hashed);
			}
			return hashed.scope();
		};
	}

	/**
	 * The scope of a namespace's invocations.
	 */
	static Supplier<String> ofNamespace(String namespaceId) {
		String scope = "namespace:" + namespaceId;
		return () -> scope;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

	/**
	 * A token and its scope; masked, since it holds the token.
	 */
	private record Hashed(String token, String scope) {

		@Override
		public String toString() {
			return "Hashed[" + this.scope + "]";
		}

	}

}
