package io.github.dofunctions.autoconfigure.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the declared namespaces and triggers that
 * {@link FunctionsAdmin} provisions at start-up.
 * <p>
 * The properties check themselves when Spring Boot binds them, with the client's rules: a
 * label, trigger name, function or cron expression it would refuse, or more triggers in a
 * namespace than the trigger limit, fails start-up with one failure analysis naming every
 * wrong property, such as
 * {@code do.functions.provisioning.namespaces.reports.triggers.nightly-report.cron}.
 */
@ConfigurationProperties(FunctionsProvisioningProperties.PREFIX)
public class FunctionsProvisioningProperties implements Validator {

	static final String PREFIX = "do.functions.provisioning";

	/**
	 * Create the properties with their defaults.
	 */
	public FunctionsProvisioningProperties() {
	}

	/**
	 * What to do at start-up with the declared namespaces and triggers: create what is
	 * missing and bring back what drifted, only check and fail on any difference, or
	 * nothing. Nothing happens when no namespace is declared.
	 */
	private ProvisioningMode mode = ProvisioningMode.CREATE;

	/**
	 * Whether to delete the triggers of a declared namespace that nothing declares.
	 * Namespaces that are not declared are never touched.
	 */
	private boolean prune;

	/**
	 * Whether a failure to provision fails start-up. When false, it is logged and
	 * start-up goes on.
	 */
	private boolean failOnError = true;

	/**
	 * Most triggers a namespace may hold: DigitalOcean's limit while scheduled triggers
	 * are in preview.
	 */
	private int triggerLimit = 3;

	/**
	 * Namespaces to provision, by label.
	 */
	private final Map<String, Namespace> namespaces = new LinkedHashMap<>();

	/**
	 * Return {@code do.functions.provisioning.mode}.
	 * @return the value
	 */
	public ProvisioningMode getMode() {
		return this.mode;
	}

	/**
	 * Set {@code do.functions.provisioning.mode}.
	 * @param mode the value
	 */
	public void setMode(ProvisioningMode mode) {
		this.mode = mode;
	}

	/**
	 * Return {@code do.functions.provisioning.prune}.
	 * @return the value
	 */
	public boolean isPrune() {
		return this.prune;
	}

	/**
	 * Set {@code do.functions.provisioning.prune}.
	 * @param prune the value
	 */
	public void setPrune(boolean prune) {
		this.prune = prune;
	}

	/**
	 * Return {@code do.functions.provisioning.fail-on-error}.
	 * @return the value
	 */
	public boolean isFailOnError() {
		return this.failOnError;
	}

	/**
	 * Set {@code do.functions.provisioning.fail-on-error}.
	 * @param failOnError the value
	 */
	public void setFailOnError(boolean failOnError) {
		this.failOnError = failOnError;
	}

	/**
	 * Return {@code do.functions.provisioning.trigger-limit}.
	 * @return the value
	 */
	public int getTriggerLimit() {
		return this.triggerLimit;
	}

	/**
	 * Set {@code do.functions.provisioning.trigger-limit}.
	 * @param triggerLimit the value
	 */
	public void setTriggerLimit(int triggerLimit) {
		this.triggerLimit = triggerLimit;
	}

	/**
	 * Return the {@code do.functions.provisioning.namespaces.*} properties.
	 * @return the namespaces by label, never {@code null}
	 */
	public Map<String, Namespace> getNamespaces() {
		return this.namespaces;
	}

	/**
	 * Check only these properties.
	 * @param type the class of the object to check
	 * @return whether it is {@code FunctionsProvisioningProperties}
	 */
	@Override
	public boolean supports(Class<?> type) {
		return FunctionsProvisioningProperties.class.isAssignableFrom(type);
	}

	/**
	 * Reject every declared value the client would refuse, and a namespace with more
	 * triggers than the trigger limit.
	 * @param target these properties
	 * @param errors where each rejected property is recorded
	 */
	@Override
	public void validate(Object target, Errors errors) {
		FunctionsProvisioningProperties properties = (FunctionsProvisioningProperties) target;
		rule(errors, "trigger-limit", properties.getTriggerLimit(),
				DeclarationRules.triggerLimit(properties.getTriggerLimit()));
		properties.getNamespaces().forEach((label, namespace) -> {
			String path = "namespaces." + label;
			rule(errors, path, label, DeclarationRules.label(label));
			rule(errors, path + ".region", namespace.getRegion(), DeclarationRules.region(namespace.getRegion()));
			rule(errors, path + ".functions", namespace.getFunctions(),
					DeclarationRules.functions(namespace.getFunctions()));
			if (properties.getTriggerLimit() >= 1) {
				rule(errors, path + ".triggers", namespace.getTriggers().size(),
						DeclarationRules.triggerCount(namespace.getTriggers().size(), properties.getTriggerLimit()));
			}
			namespace.getTriggers().forEach((name, trigger) -> {
				String triggerPath = path + ".triggers." + name;
				rule(errors, triggerPath, name, DeclarationRules.triggerName(name));
				rule(errors, triggerPath + ".function", trigger.getFunction(),
						DeclarationRules.function(trigger.getFunction()));
				rule(errors, triggerPath + ".cron", trigger.getCron(), DeclarationRules.cron(trigger.getCron()));
			});
		});
	}

	/**
	 * Return the declarations these properties make, each naming its property path in
	 * errors. Call only once the properties are bound, and so checked.
	 */
	List<NamespaceDeclaration> declarations() {
		List<NamespaceDeclaration> declarations = new ArrayList<>();
		this.namespaces.forEach((label, namespace) -> {
			NamespaceDeclaration.Builder builder = NamespaceDeclaration.label(label)
				.region(namespace.getRegion())
				.functions(namespace.getFunctions());
			namespace.getTriggers()
				.forEach((name,
						trigger) -> builder.trigger(TriggerDeclaration.scheduled(name)
							.function(String.valueOf(trigger.getFunction()))
							.cron(String.valueOf(trigger.getCron()))
							.body(trigger.getBody())
							.enabled(trigger.getEnabled())
							.build()));
			declarations.add(builder.build().withOrigin(PREFIX + ".namespaces." + label));
		});
		return declarations;
	}

	private static void rule(Errors errors, String property, @Nullable Object value, @Nullable String reason) {
		if (reason == null) {
			return;
		}
		// As FunctionsPropertiesValidator does: Boot's analysis prints the field as
		// given.
		if (errors instanceof BindingResult result) {
			result.addError(new FieldError(errors.getObjectName(), property, value, false,
					new String[] { PREFIX + "." + property }, null, reason));
		}
		else {
			errors.reject(PREFIX + "." + property, PREFIX + "." + property + " " + reason);
		}
	}

	/**
	 * A declared namespace.
	 */
	public static class Namespace {

		/**
		 * Create the properties with their defaults.
		 */
		public Namespace() {
		}

		/**
		 * Region in which to create the namespace if it is missing, such as 'nyc1'. When
		 * unset, the namespace must exist already, in any region.
		 */
		private @Nullable String region;

		/**
		 * Location of a doctl project (project.yml and packages/) deployed into the
		 * namespace before its triggers are made, such as 'classpath:functions/'. Only
		 * what differs from what is deployed is sent.
		 */
		private @Nullable String functions;

		/**
		 * Scheduled triggers the namespace must hold, by name.
		 */
		private final Map<String, Trigger> triggers = new LinkedHashMap<>();

		/**
		 * Return the region.
		 * @return the value, or {@code null}
		 */
		public @Nullable String getRegion() {
			return this.region;
		}

		/**
		 * Set the region.
		 * @param region the value
		 */
		public void setRegion(@Nullable String region) {
			this.region = region;
		}

		/**
		 * Return the location of the doctl project deployed into the namespace.
		 * @return the location, or {@code null}
		 */
		public @Nullable String getFunctions() {
			return this.functions;
		}

		/**
		 * Set the location of the doctl project deployed into the namespace.
		 * @param functions a Spring resource location, or {@code null}
		 */
		public void setFunctions(@Nullable String functions) {
			this.functions = functions;
		}

		/**
		 * Return the triggers by name.
		 * @return the triggers, never {@code null}
		 */
		public Map<String, Trigger> getTriggers() {
			return this.triggers;
		}

	}

	/**
	 * A declared scheduled trigger.
	 */
	public static class Trigger {

		/**
		 * Create the properties with their defaults.
		 */
		public Trigger() {
		}

		/**
		 * Function the trigger invokes, 'name' or 'package/name'.
		 */
		private @Nullable String function;

		/**
		 * Five-field cron expression, in UTC.
		 */
		private @Nullable String cron;

		/**
		 * Parameters sent to the function on each run. Values bound from properties are
		 * strings.
		 */
		private final Map<String, Object> body = new LinkedHashMap<>();

		/**
		 * Whether the trigger fires. When unset, a trigger's paused or resumed state is
		 * left as it is (a new one is enabled).
		 */
		private @Nullable Boolean enabled;

		/**
		 * Return the function.
		 * @return the value, or {@code null}
		 */
		public @Nullable String getFunction() {
			return this.function;
		}

		/**
		 * Set the function.
		 * @param function the value
		 */
		public void setFunction(@Nullable String function) {
			this.function = function;
		}

		/**
		 * Return the cron expression.
		 * @return the value, or {@code null}
		 */
		public @Nullable String getCron() {
			return this.cron;
		}

		/**
		 * Set the cron expression.
		 * @param cron the value
		 */
		public void setCron(@Nullable String cron) {
			this.cron = cron;
		}

		/**
		 * Return the body.
		 * @return the parameters, never {@code null}
		 */
		public Map<String, Object> getBody() {
			return this.body;
		}

		/**
		 * Return whether the trigger fires.
		 * @return the value, or {@code null} to leave it as it is
		 */
		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether the trigger fires.
		 * @param enabled the value, or {@code null}
		 */
		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

	}

}
