package io.github.dofunctions.autoconfigure.provisioning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A namespace that {@link FunctionsAdmin} makes exist, found by its label, with the
 * scheduled triggers it must hold and, optionally, the doctl project of functions
 * deployed into it. Declare one as a bean, or under
 * {@code do.functions.provisioning.namespaces.<label>}: <pre class="code">
 * &#64;Bean
 * NamespaceDeclaration reports() {
 *     return NamespaceDeclaration.label("reports")
 *         .region("nyc1")
 *         .trigger(TriggerDeclaration.scheduled("nightly-report")
 *             .function("reports/nightly")
 *             .cron("0 2 * * *")
 *             .build())
 *         .build();
 * }
 * </pre> Immutable.
 */
public final class NamespaceDeclaration {

	private final String label;

	private final @Nullable String region;

	private final List<TriggerDeclaration> triggers;

	private final @Nullable String functions;

	/**
	 * Where it was declared, as errors name it: a property path, or a bean.
	 */
	private final String origin;

	private NamespaceDeclaration(String label, @Nullable String region, List<TriggerDeclaration> triggers,
			@Nullable String functions, String origin) {
		this.label = label;
		this.region = region;
		this.triggers = triggers;
		this.functions = functions;
		this.origin = origin;
	}

	/**
	 * Start declaring a namespace.
	 * @param label the namespace's label, unique in the account (checked by
	 * {@link Builder#build()})
	 * @return a builder
	 */
	public static Builder label(String label) {
		return new Builder(label);
	}

	/**
	 * Return the namespace's label.
	 * @return the label, never {@code null}
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Return the region in which to create the namespace, such as {@code nyc1}.
	 * @return the region, or {@code null} to accept the namespace in any region (it is
	 * then never created: a missing namespace with no region fails the plan)
	 */
	public @Nullable String region() {
		return this.region;
	}

	/**
	 * Return the declared triggers, in declaration order.
	 * @return an unmodifiable list, empty if none
	 */
	public List<TriggerDeclaration> triggers() {
		return this.triggers;
	}

	/**
	 * Return where the doctl project deployed into the namespace is.
	 * @return a Spring resource location such as {@code classpath:functions/} or
	 * {@code file:functions/}, or {@code null} when no functions are declared
	 */
	public @Nullable String functions() {
		return this.functions;
	}

	String origin() {
		return this.origin;
	}

	/**
	 * Name a field of this declaration as errors do.
	 * @param field a path under the namespace, such as {@code triggers.nightly.cron}, or
	 * empty for the namespace itself
	 */
	String where(String field) {
		if (this.origin.startsWith("do.functions.")) {
			return field.isEmpty() ? this.origin : this.origin + "." + field;
		}
		return this.origin + ((field.isEmpty()) ? "" : " (" + field + ")");
	}

	NamespaceDeclaration withOrigin(String origin) {
		return new NamespaceDeclaration(this.label, this.region, this.triggers, this.functions, origin);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof NamespaceDeclaration that && this.label.equals(that.label)
				&& Objects.equals(this.region, that.region) && this.triggers.equals(that.triggers)
				&& Objects.equals(this.functions, that.functions);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.label, this.region, this.triggers, this.functions);
	}

	@Override
	public String toString() {
		return "NamespaceDeclaration[label=" + this.label + ", region=" + this.region + ", triggers=" + this.triggers
				+ ", functions=" + this.functions + "]";
	}

	/**
	 * Builds a {@link NamespaceDeclaration}; not thread-safe.
	 */
	public static final class Builder {

		private final @Nullable String label;

		private @Nullable String region;

		private final List<TriggerDeclaration> triggers = new ArrayList<>();

		private @Nullable String functions;

		private Builder(@Nullable String label) {
			this.label = label;
		}

		/**
		 * Set the region in which to create the namespace if it is missing.
		 * @param region a DigitalOcean region such as {@code nyc1}, or {@code null} to
		 * accept any region and never create the namespace
		 * @return this builder
		 */
		public Builder region(@Nullable String region) {
			this.region = region;
			return this;
		}

		/**
		 * Deploy a doctl project into the namespace (a {@code project.yml} and its
		 * {@code packages/}, as {@code doctl serverless deploy} takes it), before its
		 * triggers are made: with a plan, so that only what differs is deployed (see the
		 * client's {@code ProjectDeployer}). Functions of the project's packages that it
		 * no longer declares are left alone.
		 * @param location a Spring resource location of the project's folder, such as
		 * {@code classpath:functions/} (read from the jar) or {@code file:functions/}; or
		 * {@code null} for none
		 * @return this builder
		 */
		public Builder functions(@Nullable String location) {
			this.functions = location;
			return this;
		}

		/**
		 * Add a trigger.
		 * @param trigger the trigger, not {@code null}
		 * @return this builder
		 */
		public Builder trigger(TriggerDeclaration trigger) {
			this.triggers.add(Objects.requireNonNull(trigger, "trigger must not be null"));
			return this;
		}

		/**
		 * Add triggers.
		 * @param triggers the triggers, none of them {@code null}
		 * @return this builder
		 */
		public Builder triggers(Collection<TriggerDeclaration> triggers) {
			triggers.forEach(this::trigger);
			return this;
		}

		/**
		 * Build the declaration, checking it. The number of triggers is checked against
		 * the trigger limit when {@link FunctionsAdmin} plans.
		 * @return the declaration
		 * @throws IllegalArgumentException if the label is missing or not one
		 * DigitalOcean accepts, the region is blank, or two triggers have the same name
		 */
		public NamespaceDeclaration build() {
			String where = "namespace " + ((this.label != null) ? "'" + this.label + "'" : "null") + ": ";
			DeclarationRules.check(where + "label", DeclarationRules.label(this.label));
			DeclarationRules.check(where + "region", DeclarationRules.region(this.region));
			DeclarationRules.check(where + "functions", DeclarationRules.functions(this.functions));
			Map<String, TriggerDeclaration> byName = new LinkedHashMap<>();
			for (TriggerDeclaration trigger : this.triggers) {
				if (byName.putIfAbsent(trigger.name(), trigger) != null) {
					throw new IllegalArgumentException(where + "trigger '" + trigger.name() + "' is declared twice");
				}
			}
			return new NamespaceDeclaration(Objects.requireNonNull(this.label), this.region, List.copyOf(this.triggers),
					this.functions, "namespace '" + this.label + "'");
		}

	}

}
