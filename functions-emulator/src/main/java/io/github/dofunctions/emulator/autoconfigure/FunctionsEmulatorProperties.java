package io.github.dofunctions.emulator.autoconfigure;

import java.time.Duration;

import io.github.dofunctions.emulator.FunctionsEmulator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the embedded DigitalOcean Functions emulator.
 */
@ConfigurationProperties("do.functions.emulator")
public class FunctionsEmulatorProperties {

	/**
	 * Whether to start the emulator and point the client at it instead of DigitalOcean.
	 */
	private boolean enabled;

	/**
	 * Port to serve on. 0 picks a free one.
	 */
	private int port;

	/**
	 * Bearer token the emulator accepts. A random one when unset.
	 */
	private @Nullable String token;

	/**
	 * How long a blocking invocation waits for its function before it is demoted and
	 * answers 202 with the activation id, as DigitalOcean does after 30 seconds.
	 */
	private Duration demoteAfter = Duration.ofSeconds(30);

	/**
	 * Namespaces the emulated account may have.
	 */
	private int namespaceLimit = 10;

	/**
	 * Triggers an emulated namespace may have: 3 by default, DigitalOcean's limit while
	 * scheduled triggers are in private preview.
	 */
	private int triggerLimit = FunctionsEmulator.DEFAULT_TRIGGER_LIMIT;

	/**
	 * Requests allowed in any burst window before a 429 with retry-after.
	 */
	private int requestsPerMinute = 250;

	/**
	 * Requests allowed in any budget window before a 429 without retry-after.
	 */
	private int requestsPerHour = 5000;

	/**
	 * Length of the burst window; shorten it to exercise the limit.
	 */
	private Duration minute = Duration.ofMinutes(1);

	/**
	 * Length of the budget window; shorten it to exercise the limit.
	 */
	private Duration hour = Duration.ofHours(1);

	public Duration getDemoteAfter() {
		return this.demoteAfter;
	}

	public void setDemoteAfter(Duration demoteAfter) {
		this.demoteAfter = demoteAfter;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public int getNamespaceLimit() {
		return this.namespaceLimit;
	}

	public void setNamespaceLimit(int namespaceLimit) {
		this.namespaceLimit = namespaceLimit;
	}

	public int getTriggerLimit() {
		return this.triggerLimit;
	}

	public void setTriggerLimit(int triggerLimit) {
		this.triggerLimit = triggerLimit;
	}

	public int getRequestsPerMinute() {
		return this.requestsPerMinute;
	}

	public void setRequestsPerMinute(int requestsPerMinute) {
		this.requestsPerMinute = requestsPerMinute;
	}

	public int getRequestsPerHour() {
		return this.requestsPerHour;
	}

	public void setRequestsPerHour(int requestsPerHour) {
		this.requestsPerHour = requestsPerHour;
	}

	public Duration getMinute() {
		return this.minute;
	}

	public void setMinute(Duration minute) {
		this.minute = minute;
	}

	public Duration getHour() {
		return this.hour;
	}

	public void setHour(Duration hour) {
		this.hour = hour;
	}

}
