package io.github.dofunctions.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.Namespace;
import io.github.dofunctions.client.model.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * The JSON objects that wrap each resource in the API's answers.
 */
final class Envelopes {

	private Envelopes() {
	}

	/**
	 * An answer that wraps one resource.
	 */
	interface Single<T> {

		/** Name of the JSON field that holds the resource. */
		String field();

		@Nullable T content();

	}

	/**
	 * An answer that wraps a list of resources.
	 */
	interface Many<T> {

		@Nullable List<T> items();

	}

	record NamespaceEnvelope(@JsonProperty("namespace") @Nullable Namespace content) implements Single<Namespace> {

		@Override
		public String field() {
			return "namespace";
		}

	}

	record NamespaceList(@JsonProperty("namespaces") @Nullable List<Namespace> items) implements Many<Namespace> {

	}

	record TriggerEnvelope(@JsonProperty("trigger") @Nullable Trigger content) implements Single<Trigger> {

		@Override
		public String field() {
			return "trigger";
		}

	}

	record TriggerList(@JsonProperty("triggers") @Nullable List<Trigger> items) implements Many<Trigger> {

	}

	record AccessKeyEnvelope(@JsonProperty("access_key") @Nullable AccessKey content) implements Single<AccessKey> {

		@Override
		public String field() {
			return "access_key";
		}

	}

	record AccessKeyList(@JsonProperty("access_keys") @Nullable List<AccessKey> items) implements Many<AccessKey> {

	}

	/**
	 * The body of an error answer: DigitalOcean's {@code id}, {@code message} and
	 * {@code request_id}, or a namespace API host's {@code error} and {@code code}.
	 */
	record ErrorBody(@JsonProperty("id") @Nullable String id,
			@JsonProperty("message") @JsonAlias("error") @Nullable String message,
			@JsonProperty("request_id") @JsonAlias("code") @Nullable String requestId) {

	}

}
