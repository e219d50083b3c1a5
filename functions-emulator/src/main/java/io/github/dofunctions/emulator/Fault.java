package io.github.dofunctions.emulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What the emulator does instead of (or on top of) answering a call normally.
 *
 * @param kind the kind of fault
 * @param status status of the answer, for {@link Kind#STATUS} and
 * {@link Kind#STATUS_AFTER_APPLYING}
 * @param delay how late the answer comes, for {@link Kind#DELAY}
 */
public record Fault(Kind kind, int status, @Nullable Duration delay) {

	/**
	 * Answer with an error status; the call has no effect.
	 * @param status the status, such as {@code 503}
	 * @return the fault
	 */
	public static Fault status(int status) {
		return new Fault(Kind.STATUS, status, null);
	}

	/**
	 * Carry out the call, then answer with an error status, as a server that failed after
	 * acting.
	 * @param status the status, such as {@code 500}
	 * @return the fault
	 */
	public static Fault statusAfterApplying(int status) {
		return new Fault(Kind.STATUS_AFTER_APPLYING, status, null);
	}

	/**
	 * Carry out the call, and answer it late.
	 * @param delay how late
	 * @return the fault
	 */
	public static Fault delay(Duration delay) {
		return new Fault(Kind.DELAY, 0, delay);
	}

	/**
	 * Reset the connection without answering; the call has no effect.
	 * @return the fault
	 */
	public static Fault resetConnection() {
		return new Fault(Kind.RESET, 0, null);
	}

	/**
	 * Carry out the call, then reset the connection without answering.
	 * @return the fault
	 */
	public static Fault resetConnectionAfterApplying() {
		return new Fault(Kind.RESET_AFTER_APPLYING, 0, null);
	}

	/**
	 * Carry out the call, and answer with its success status but a body that is not valid
	 * JSON.
	 * @return the fault
	 */
	public static Fault malformedBody() {
		return new Fault(Kind.MALFORMED_BODY, 0, null);
	}

	boolean appliesTheCall() {
		return this.kind != Kind.STATUS && this.kind != Kind.RESET;
	}

	/**
	 * The kinds of fault.
	 */
	public enum Kind {

		/** An error status instead of the answer. */
		STATUS,

		/** The call carried out, then an error status. */
		STATUS_AFTER_APPLYING,

		/** The call carried out, answered late. */
		DELAY,

		/** The connection reset instead of the answer. */
		RESET,

		/** The call carried out, then the connection reset. */
		RESET_AFTER_APPLYING,

		/** The call carried out, answered with a broken body. */
		MALFORMED_BODY

	}

}
