package io.github.dofunctions.emulator.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dofunctions.emulator.EmulatorRules;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the embedded DigitalOcean Functions emulator.
 * <p>
 * The properties check themselves when Spring Boot binds them (a {@link Validator}), by
 * the rules the emulator's builder applies: a declared namespace the emulator would
 * refuse fails start-up with a failure analysis naming the property, rather than with the
 * exception of the emulator's bean.
 */
@ConfigurationProperties("do.functions.emulator")
public class FunctionsEmulatorProperties implements Validator {

	/**
	 * Create the properties with their defaults.
	 */
	public FunctionsEmulatorProperties() {
	}

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
	 * Whether to serve the console, a page under /console/ of the emulator's URL that
	 * shows what it holds and runs a trigger now. It asks for no token and shows no
	 * secret; the embedded emulator listens on the loopback address only.
	 */
	private boolean console = true;

	/**
	 * How long a blocking invocation waits for its function before it is demoted and
	 * answers 202 with the activation id, as DigitalOcean does after 30 seconds.
	 */
	private Duration demoteAfter = Duration.ofSeconds(30);

	/**
	 * Namespaces the emulator holds from the start, and again (empty) after each test's
	 * reset, by id: fn- followed by letters, digits, '-' or '_', such as the id an
	 * application names in do.functions.invocation.namespace-id.
	 */
	private final Map<String, Namespace> namespaces = new LinkedHashMap<>();

	/**
	 * Namespaces the emulated account may have.
	 */
	private int namespaceLimit = 10;

	/**
	 * Triggers an emulated namespace may have: 3 by default, DigitalOcean's limit while
	 * scheduled triggers are in private preview.
	 */
	private int triggerLimit = 3;

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

	/**
	 * Check only these properties.
	 * @param type the class of the object to check
	 * @return whether it is {@code FunctionsEmulatorProperties}
	 */
	@Override
	public boolean supports(Class<?> type) {
		return FunctionsEmulatorProperties.class.isAssignableFrom(type);
	}

	/**
	 * Reject every declared namespace the emulator would refuse.
	 * @param target these properties
	 * @param errors where each rejected property is recorded
	 */
	@Override
	public void validate(Object target, Errors errors) {
		((FunctionsEmulatorProperties) target).getNamespaces().forEach((id, namespace) -> {
			rule(errors, "namespaces." + id, id, EmulatorRules.namespaceId(id));
			rule(errors, "namespaces." + id + ".region", namespace.getRegion(),
					EmulatorRules.notBlank(namespace.getRegion()));
			if (namespace.getLabel() != null) {
				rule(errors, "namespaces." + id + ".label", namespace.getLabel(),
						EmulatorRules.label(namespace.getLabel()));
			}
		});
	}

	/**
	 * Record a wrong property under the name it has in configuration, as Boot's analysis
	 * prints it.
	 */
	private static void rule(Errors errors, String property, @Nullable Object value, @Nullable String reason) {
		if (reason == null) {
			return;
		}
		String name = "do.functions.emulator." + property;
		if (errors instanceof BindingResult result) {
			result.addError(new FieldError(errors.getObjectName(), property, value, false, new String[] { name }, null,
					reason));
		}
		else {
			errors.reject(name, name + " " + reason);
		}
	}

	/**
	 * Return whether the console is served.
	 * @return {@code true} unless switched off
	 */
	public boolean isConsole() {
		return this.console;
	}

	/**
	 * Set whether the console is served.
	 * @param console whether to serve it
	 */
	public void setConsole(boolean console) {
		this.console = console;
	}

	/**
	 * Return {@code do.functions.emulator.demote-after}.
	 * @return the value
	 */
	public Duration getDemoteAfter() {
		return this.demoteAfter;
	}

	/**
	 * Set {@code do.functions.emulator.demote-after}.
	 * @param demoteAfter the value
	 */
	public void setDemoteAfter(Duration demoteAfter) {
		this.demoteAfter = demoteAfter;
	}

	/**
	 * Return {@code do.functions.emulator.enabled}.
	 * @return the value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set {@code do.functions.emulator.enabled}.
	 * @param enabled the value
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return {@code do.functions.emulator.port}.
	 * @return the value
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * Set {@code do.functions.emulator.port}.
	 * @param port the value
	 */
	public void setPort(int port) {
		this.port = port;
	}

	/**
	 * Return {@code do.functions.emulator.token}.
	 * @return the value
	 */
	public @Nullable String getToken() {
		return this.token;
	}

	/**
	 * Set {@code do.functions.emulator.token}.
	 * @param token the value
	 */
	public void setToken(@Nullable String token) {
		this.token = token;
	}

	/**
	 * Return {@code do.functions.emulator.namespace-limit}.
	 * @return the value
	 */
	public int getNamespaceLimit() {
		return this.namespaceLimit;
	}

	/**
	 * Set {@code do.functions.emulator.namespace-limit}.
	 * @param namespaceLimit the value
	 */
	public void setNamespaceLimit(int namespaceLimit) {
		this.namespaceLimit = namespaceLimit;
	}

	/**
	 * Return {@code do.functions.emulator.trigger-limit}.
	 * @return the value
	 */
	public int getTriggerLimit() {
		return this.triggerLimit;
	}

	/**
	 * Set {@code do.functions.emulator.trigger-limit}.
	 * @param triggerLimit the value
	 */
	public void setTriggerLimit(int triggerLimit) {
		this.triggerLimit = triggerLimit;
	}

	/**
	 * Return {@code do.functions.emulator.requests-per-minute}.
	 * @return the value
	 */
	public int getRequestsPerMinute() {
		return this.requestsPerMinute;
	}

	/**
	 * Set {@code do.functions.emulator.requests-per-minute}.
	 * @param requestsPerMinute the value
	 */
	public void setRequestsPerMinute(int requestsPerMinute) {
		this.requestsPerMinute = requestsPerMinute;
	}

	/**
	 * Return {@code do.functions.emulator.requests-per-hour}.
	 * @return the value
	 */
	public int getRequestsPerHour() {
		return this.requestsPerHour;
	}

	/**
	 * Set {@code do.functions.emulator.requests-per-hour}.
	 * @param requestsPerHour the value
	 */
	public void setRequestsPerHour(int requestsPerHour) {
		this.requestsPerHour = requestsPerHour;
	}

	/**
	 * Return {@code do.functions.emulator.minute}.
	 * @return the value
	 */
	public Duration getMinute() {
		return this.minute;
	}

	/**
	 * Set {@code do.functions.emulator.minute}.
	 * @param minute the value
	 */
	public void setMinute(Duration minute) {
		this.minute = minute;
	}

	/**
	 * Return {@code do.functions.emulator.hour}.
	 * @return the value
	 */
	public Duration getHour() {
		return this.hour;
	}

	/**
	 * Set {@code do.functions.emulator.hour}.
	 * @param hour the value
	 */
	public void setHour(Duration hour) {
		this.hour = hour;
	}

	/**
	 * Return {@code do.functions.emulator.namespaces}.
	 * @return the declared namespaces by id, never {@code null}
	 */
	public Map<String, Namespace> getNamespaces() {
		return this.namespaces;
	}

	/**
	 * A namespace the emulator holds from the start.
	 */
	public static class Namespace {

		/**
		 * Create a namespace declaration with its defaults.
		 */
		public Namespace() {
		}

		/**
		 * Label of the namespace, unique among them. Its id when unset.
		 */
		private @Nullable String label;

		/**
		 * Datacenter region of the namespace.
		 */
		private String region = "nyc1";

		/**
		 * Return the label.
		 * @return the label, or {@code null} for the namespace's id
		 */
		public @Nullable String getLabel() {
			return this.label;
		}

		/**
		 * Set the label.
		 * @param label the label, or {@code null} for the namespace's id
		 */
		public void setLabel(@Nullable String label) {
			this.label = label;
		}

		/**
		 * Return the region.
		 * @return the region, {@code nyc1} by default
		 */
		public String getRegion() {
			return this.region;
		}

		/**
		 * Set the region.
		 * @param region the region
		 */
		public void setRegion(String region) {
			this.region = region;
		}

	}

}
