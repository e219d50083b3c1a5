package io.github.dofunctions.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * The {@code User-Agent} the client sends: the product token of this project and its
 * version, after the application's own token when one is configured.
 */
final class UserAgent {

	static final String PRODUCT = "do-functions-spring-boot";

	private static final String VERSION = readVersion();

	private UserAgent() {
	}

	static String of(@Nullable String applicationProduct) {
		String own = PRODUCT + "/" + VERSION;
		return (applicationProduct == null || applicationProduct.isBlank()) ? own
				: applicationProduct.trim() + " " + own;
	}

	private static String readVersion() {
		try (InputStream in = UserAgent.class.getResourceAsStream("functions-client.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
