package io.github.dofunctions.client.error;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The token's rate limit is exhausted ({@code 429 Too Many Requests}).
 * <p>
 * A burst over the per-minute limit comes with a {@code retry-after} delay; an exhausted
 * hourly budget comes without one, and only {@link #resetAt()} says when a request slot
 * frees.
 */
public class FunctionsRateLimitException extends FunctionsApiException {

	/**
	 * Error id of a rate-limit failure the client raised itself, without sending the
	 * request, because the wait for the rate limit was longer than the call may wait.
	 */
	public static final String CLIENT_RATE_LIMIT = "client_rate_limit";

	/** How long the server asked to wait, or {@code null}. */
	private final @Nullable Duration retryAfter;

	/** When the spent budget frees again, or {@code null}. */
	private final @Nullable Instant resetAt;

	/**
	 * Create an exception.
	 * @param operation name of the client operation
	 * @param errorId error {@code id} from the body
	 * @param errorMessage error {@code message} from the body
	 * @param requestId request identifier from the body or headers
	 * @param retryAfter the {@code retry-after} delay, or {@code null} if absent
	 * @param resetAt the {@code ratelimit-reset} time, or {@code null} if absent
	 */
	public FunctionsRateLimitException(String operation, @Nullable String errorId, @Nullable String errorMessage,
			@Nullable String requestId, @Nullable Duration retryAfter, @Nullable Instant resetAt) {
		super(operation, 429, errorId, errorMessage, requestId);
		this.retryAfter = retryAfter;
		this.resetAt = resetAt;
	}

	private FunctionsRateLimitException(String operation, String reason, @Nullable Duration wait,
			@Nullable Instant resetAt) {
		super(operation, operation + " not sent: " + reason + " (the client's own rate-limit budget held it back; "
				+ "DigitalOcean was not called)", 429, CLIENT_RATE_LIMIT, reason);
		this.retryAfter = wait;
		this.resetAt = resetAt;
	}

	/**
	 * Create the exception of a call the client did not send, because the wait for its
	 * rate-limit budget was longer than the call may wait. Its {@link #kind()} is
	 * {@link FailureKind#CLIENT_RATE_LIMITED} and {@link #sent()} is {@code false}.
	 * @param operation name of the client operation
	 * @param reason why the budget had no slot in time
	 * @param wait how long until the budget frees a slot, at the earliest, or
	 * {@code null} if unknown
	 * @param resetAt when the hourly budget frees a slot, or {@code null}
	 * @return the exception
	 */
	public static FunctionsRateLimitException notSent(String operation, String reason, @Nullable Duration wait,
			@Nullable Instant resetAt) {
		return new FunctionsRateLimitException(operation, reason, wait, resetAt);
	}

	/**
	 * Return whether the request was sent and DigitalOcean answered {@code 429}, rather
	 * than held back by the client's own budget.
	 * @return {@code false} for a call the client did not send
	 */
	public boolean sent() {
		return kind() == FailureKind.RATE_LIMITED;
	}

	/**
	 * Return how long DigitalOcean asked to wait before the next request; for a call the
	 * client did not send, how long until its own budget frees a slot, at the earliest.
	 * @return the {@code retry-after} delay, or {@code null} if the answer had none (the
	 * hourly budget is spent) or the client does not know
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Return when the oldest counted request expires and frees a slot.
	 * @return the {@code ratelimit-reset} time, or {@code null} if the answer had none
	 */
	public @Nullable Instant resetAt() {
		return this.resetAt;
	}

	/**
	 * Return {@link FailureKind#CLIENT_RATE_LIMITED} when the client held the request
	 * back itself ({@value #CLIENT_RATE_LIMIT}), {@link FailureKind#RATE_LIMITED} when
	 * DigitalOcean answered {@code 429}.
	 */
	@Override
	public FailureKind kind() {
		return CLIENT_RATE_LIMIT.equals(errorId()) ? FailureKind.CLIENT_RATE_LIMITED : FailureKind.RATE_LIMITED;
	}

}
