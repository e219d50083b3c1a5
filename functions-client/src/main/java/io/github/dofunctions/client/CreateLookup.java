package io.github.dofunctions.client;

import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Finds what an earlier attempt of a create may have created before its answer was lost
 * (a timeout, a reset connection, a {@code 5xx}).
 *
 * @param <T> the resource
 */
@FunctionalInterface
interface CreateLookup<T> {

	/**
	 * Find the resource the create was making.
	 * @param createdNoEarlierThan a resource created before this time existed before the
	 * call and is not its work
	 * @param lostAnswer the failure that lost the answer of the earlier attempt
	 * @return the resource if the create took effect, empty if it did not, or an error if
	 * it took effect but cannot be returned
	 */
	Mono<T> find(Instant createdNoEarlierThan, Throwable lostAnswer);

}
