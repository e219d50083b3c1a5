package io.github.dofunctions.autoconfigure.provisioning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A scheduled trigger that a {@link NamespaceDeclaration} declares: what
 * {@link FunctionsAdmin} makes exist in the namespace. Built with
 * {@link #scheduled(String)}: <pre class="code">
 * TriggerDeclaration.scheduled("nightly-report")
 *     .function("reports/nightly")
 *     .cron("0 2 * * *")
 *     .body(Map.of("format", "pdf"))
 *     .build();
 * </pre> Immutable. Its {@link #toString()} shows the names and the schedule, never the
 * body's values, which may hold secrets.
 */
public final class TriggerDeclaration {

	private final String name;

	private final String function;

	private final String cron;

	private final @Nullable Map<String, @Nullable Object> body;

	private final @Nullable Boolean enabled;

	private TriggerDeclaration(Builder builder) {
		this.name = Objects.requireNonNull(builder.name);
		this.function = Objects.requireNonNull(builder.function);
		this.cron = Objects.requireNonNull(builder.cron);
		this.body = (builder.body == null || builder.body.isEmpty()) ? null
				: Collections.unmodifiableMap(new LinkedHashMap<>(builder.body));
		this.enabled = builder.enabled;
	}

	/**
	 * Start declaring a scheduled trigger.
	 * @param name the trigger's name, unique in its namespace: an OpenWhisk entity name
	 * (checked by {@link Builder#build()})
	 * @return a builder
	 */
	public static Builder scheduled(String name) {
		return new Builder(name);
	}

	/**
	 * Return the trigger's name.
	 * @return the name, never {@code null}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the function the trigger invokes, {@code name} or {@code package/name}.
	 * @return the function, never {@code null}
	 */
	public String function() {
		return this.function;
	}

	/**
	 * Return the five-field cron expression, in UTC.
	 * @return the schedule, never {@code null}
	 */
	public String cron() {
		return this.cron;
	}

	/**
	 * Return the parameters sent to the function on each run.
	 * @return an unmodifiable map, or {@code null} when the trigger sends none (an empty
	 * map is stored as {@code null}, as DigitalOcean answers it)
	 */
	public @Nullable Map<String, @Nullable Object> body() {
		return this.body;
	}

	/**
	 * Return whether the trigger fires, as declared.
	 * @return {@code true} or {@code false} to enforce that state at each provisioning,
	 * or {@code null} to leave the trigger's paused or resumed state as it is (a new
	 * trigger is then created enabled)
	 */
	public @Nullable Boolean enabled() {
		return this.enabled;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof TriggerDeclaration that && this.name.equals(that.name)
				&& this.function.equals(that.function) && this.cron.equals(that.cron)
				&& Objects.equals(this.body, that.body) && Objects.equals(this.enabled, that.enabled);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.function, this.cron, this.body, this.enabled);
	}

	@Override
	public String toString() {
		return "TriggerDeclaration[name=" + this.name + ", function=" + this.function + ", cron=" + this.cron
				+ ", body=" + ((this.body != null) ? this.body.keySet() : "none") + ", enabled="
				+ ((this.enabled != null) ? this.enabled : "as it is") + "]";
	}

	/**
	 * Builds a {@link TriggerDeclaration}; not thread-safe.
	 */
	public static final class Builder {

		private final @Nullable String name;

		private @Nullable String function;

		private @Nullable String cron;

		private @Nullable Map<String, ? extends @Nullable Object> body;

		private @Nullable Boolean enabled;

		private Builder(@Nullable String name) {
			this.name = name;
		}

		/**
		 * Set the function the trigger invokes.
		 * @param function {@code name} or {@code package/name}, required
		 * @return this builder
		 */
		public Builder function(String function) {
			this.function = function;
			return this;
		}

		/**
		 * Set the schedule.
		 * @param cron five-field cron expression (minute hour day-of-month month
		 * day-of-week), in UTC, that fires at least once more; required
		 * @return this builder
		 */
		public Builder cron(String cron) {
			this.cron = cron;
			return this;
		}

		/**
		 * Set the parameters sent to the function on each run.
		 * @param body the parameters (copied), or {@code null} or empty for none
		 * @return this builder
		 */
		public Builder body(@Nullable Map<String, ? extends @Nullable Object> body) {
			this.body = body;
			return this;
		}

		/**
		 * Set whether the trigger fires.
		 * @param enabled {@code true} or {@code false} to enforce it at each
		 * provisioning, {@code null} (the default) to leave a trigger's paused or resumed
		 * state alone
		 * @return this builder
		 */
		public Builder enabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		/**
		 * Build the declaration, checking it with the client's rules.
		 * @return the declaration
		 * @throws IllegalArgumentException naming the field, if the name or function is
		 * missing or not a valid name, or the cron expression is missing, invalid or
		 * never fires
		 */
		public TriggerDeclaration build() {
			String where = "trigger " + ((this.name != null) ? "'" + this.name + "'" : "null") + ": ";
			DeclarationRules.check(where + "name", DeclarationRules.triggerName(this.name));
			DeclarationRules.check(where + "function", DeclarationRules.function(this.function));
			DeclarationRules.check(where + "cron", DeclarationRules.cron(this.cron));
			return new TriggerDeclaration(this);
		}

	}

}
