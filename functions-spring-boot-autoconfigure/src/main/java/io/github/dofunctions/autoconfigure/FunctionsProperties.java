package io.github.dofunctions.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the DigitalOcean Functions client.
 */
@ConfigurationProperties("do.functions")
public class FunctionsProperties {

	/**
	 * Whether to auto-configure the DigitalOcean Functions client.
	 */
	private boolean enabled = true;

	/**
	 * DigitalOcean API token with the 'function' scopes. When unset, the DIGITALOCEAN_TOKEN
	 * environment variable is used.
	 */
	private @Nullable String token;

	/**
	 * Base URL of the DigitalOcean API. Plain http is accepted only for a loopback host.
	 */
	private String baseUrl = "https://api.digitalocean.com";

	/**
	 * Maximum time to establish a connection to the API.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Maximum time to wait for an answer once a request is sent.
	 */
	private Duration responseTimeout = Duration.ofSeconds(30);

	/**
	 * Product token of the application, sent in the User-Agent header before the
	 * starter's own, for example 'my-service/1.4'.
	 */
	private @Nullable String userAgent;

	/**
	 * Largest response body the client reads. A larger body fails the call.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public @Nullable String getUserAgent() {
		return this.userAgent;
	}

	public void setUserAgent(@Nullable String userAgent) {
		this.userAgent = userAgent;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

}
