package io.github.dofunctions.client;

import io.github.dofunctions.client.model.InvocationCredentials;
import reactor.core.publisher.Mono;

/**
 * Where an invoker takes the Basic credential of each request to an API host.
 */
interface InvocationCredentialSource {

	/**
	 * Return the credential to send now.
	 * @return the credential
	 */
	Mono<InvocationCredentials> current();

	/**
	 * Return a credential to repeat a request with, after the API host refused the given
	 * one ({@code 401}).
	 * @param refused the credential the API host refused
	 * @return another credential, or empty if there is none to try
	 */
	Mono<InvocationCredentials> replace(InvocationCredentials refused);

	/**
	 * The credential the caller gave: never replaced.
	 */
	static InvocationCredentialSource of(InvocationCredentials credentials) {
		return new InvocationCredentialSource() {

			@Override
			public Mono<InvocationCredentials> current() {
				return Mono.just(credentials);
			}

			@Override
			public Mono<InvocationCredentials> replace(InvocationCredentials refused) {
				return Mono.empty();
			}

		};
	}

}
