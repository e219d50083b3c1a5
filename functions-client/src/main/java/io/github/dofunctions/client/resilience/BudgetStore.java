package io.github.dofunctions.client.resilience;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where the bookings of a rate-limit budget are kept: at most {@code limit} bookings in
 * any sliding {@code window} of one scope. {@link LocalBudgetStore} keeps them in the
 * application; a shared store (such as Redis) lets every instance that uses one token
 * share DigitalOcean's budget, which is counted per token.
 * <p>
 * A booking is made at the moment a request is let go, never ahead, so that a call that
 * is cancelled while it waits never holds a slot.
 */
public interface BudgetStore {

	/**
	 * Book one slot now, if the window has one free.
	 * @param scope what the budget counts, such as a hash of the token; never a secret
	 * @param booking a name for this booking, unique among the scope's bookings, to
	 * {@link #release} it
	 * @param limit the most bookings in any window
	 * @param window the length of the sliding window
	 * @return {@link Duration#ZERO} if the slot was booked, else how long until the
	 * oldest booking leaves the window (nothing was booked)
	 */
	Mono<Duration> book(String scope, String booking, int limit, Duration window);

	/**
	 * Count a booking from now instead of from when it was made: called when the
	 * request's answer arrives. DigitalOcean counted the request when it arrived there,
	 * somewhere between its sending and its answer; counting it from the answer frees its
	 * slot no earlier than DigitalOcean's window does, whatever the request's latency
	 * was.
	 * @param scope the scope of the booking
	 * @param booking the name it was booked under
	 * @param window the length of the sliding window
	 * @return completes when the booking is moved
	 */
	Mono<Void> touch(String scope, String booking, Duration window);

	/**
	 * Give a booking back, for a call that went away between its booking and its request.
	 * @param scope the scope of the booking
	 * @param booking the name it was booked under
	 * @return completes when the slot is free again
	 */
	Mono<Void> release(String scope, String booking);

}
