package io.github.dofunctions.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The namespace and the scheduled jobs the service keeps at DigitalOcean.
 */
@ConfigurationProperties("jobs")
public class JobsProperties {

	private final Namespace namespace = new Namespace();

	/**
	 * Scheduled triggers the namespace must have, each firing a function on a cron.
	 */
	private List<Job> triggers = new ArrayList<>();

	public Namespace getNamespace() {
		return this.namespace;
	}

	public List<Job> getTriggers() {
		return this.triggers;
	}

	public void setTriggers(List<Job> triggers) {
		this.triggers = triggers;
	}

	/**
	 * The namespace the jobs live in, created if missing.
	 */
	public static class Namespace {

		/**
		 * Unique label of the namespace.
		 */
		private String label = "scheduled-jobs";

		/**
		 * Datacenter region the namespace is created in.
		 */
		private String region = "nyc1";

		public String getLabel() {
			return this.label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public String getRegion() {
			return this.region;
		}

		public void setRegion(String region) {
			this.region = region;
		}

	}

	/**
	 * One scheduled job: a trigger that fires a function on a cron.
	 */
	public static class Job {

		/**
		 * Name of the trigger, unique in the namespace.
		 */
		private String name = "";

		/**
		 * Function the trigger fires, with its package if any.
		 */
		private String function = "";

		/**
		 * Five-field cron expression, in UTC.
		 */
		private String cron = "";

		/**
		 * Whether the trigger fires.
		 */
		private boolean enabled = true;

		/**
		 * Parameters sent to the function on each run.
		 */
		private @Nullable Map<String, Object> body = new LinkedHashMap<>();

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getFunction() {
			return this.function;
		}

		public void setFunction(String function) {
			this.function = function;
		}

		public String getCron() {
			return this.cron;
		}

		public void setCron(String cron) {
			this.cron = cron;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Map<String, Object> getBody() {
			return this.body;
		}

		public void setBody(@Nullable Map<String, Object> body) {
			this.body = body;
		}

	}

}
