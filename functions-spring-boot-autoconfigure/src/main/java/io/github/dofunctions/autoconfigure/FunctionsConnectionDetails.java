package io.github.dofunctions.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the DigitalOcean Functions API is and how to authenticate to it. By default read
 * from the {@code do.functions.*} properties; a bean of this type (such as the one the
 * emulator supplies) takes their place.
 */
public interface FunctionsConnectionDetails extends ConnectionDetails {

	/**
	 * Return the base URL of the API.
	 * @return the base URL, such as {@code https://api.digitalocean.com}
	 */
	String getBaseUrl();

	/**
	 * Return the API token. Asked on every request, so an implementation may rotate it.
	 * @return the token, or {@code null} if none is configured
	 */
	@Nullable String getToken();

}
