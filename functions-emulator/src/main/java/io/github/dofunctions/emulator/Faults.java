package io.github.dofunctions.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Faults to inject into the next calls, for tests: for example
 * {@code faults.on(Operation.CREATE_NAMESPACE).next(2).inject(Fault.status(503))}. Each
 * fault serves the given number of matching calls, then is gone.
 */
public final class Faults {

	/**
	 * Made by the emulator: see {@link FunctionsEmulator#faults()}.
	 */
	Faults() {
	}

	private final List<Armed> armed = new CopyOnWriteArrayList<>();

	/**
	 * Target the calls of an operation.
	 * @param operation the operation
	 * @return a target to inject a fault into
	 */
	public Target on(Operation operation) {
		return new Target(operation.name(), (candidate, path) -> candidate == operation);
	}

	/**
	 * Target the calls whose method and path (as sent, percent-encoded) match.
	 * @param method HTTP method, such as {@code POST}
	 * @param pathRegex regular expression the whole path must match
	 * @return a target to inject a fault into
	 */
	public Target onPath(String method, String pathRegex) {
		Pattern pattern = Pattern.compile(pathRegex);
		return new Target(method + " " + pathRegex, (operation, requestLine) -> requestLine.startsWith(method + " ")
				&& pattern.matcher(requestLine.substring(method.length() + 1)).matches());
	}

	/**
	 * Remove every fault not yet served.
	 */
	public void clear() {
		this.armed.clear();
	}

	/**
	 * Describe the faults not yet served, for the console: what they target, what they
	 * do, and to how many more calls.
	 */
	List<String> inForce() {
		return this.armed.stream()
			.filter((armed) -> armed.remaining.get() > 0)
			.map((armed) -> armed.target + ": " + describe(armed.fault) + ", " + armed.remaining.get() + " more")
			.toList();
	}

	private static String describe(Fault fault) {
		return switch (fault.kind()) {
			case STATUS -> "status " + fault.status();
			case STATUS_AFTER_APPLYING -> "status " + fault.status() + " after applying";
			case DELAY -> "answered " + fault.delay() + " late";
			case RESET -> "connection reset";
			case RESET_AFTER_APPLYING -> "connection reset after applying";
			case MALFORMED_BODY -> "malformed body";
		};
	}

	/**
	 * Take the fault for a call, if one is armed for it.
	 */
	@Nullable Fault take(@Nullable Operation operation, String method, String path) {
		String requestLine = method + " " + path;
		for (Armed candidate : this.armed) {
			if (candidate.matcher.test(operation, requestLine) && candidate.claim()) {
				return candidate.fault;
			}
		}
		return null;
	}

	/**
	 * Calls a fault will be injected into.
	 */
	public final class Target {

		private final String description;

		private final BiPredicate<@Nullable Operation, String> matcher;

		private int times = 1;

		private Target(String description, BiPredicate<@Nullable Operation, String> matcher) {
			this.description = description;
			this.matcher = matcher;
		}

		/**
		 * Serve the fault to the next {@code times} matching calls, instead of one.
		 * @param times how many calls
		 * @return this target
		 */
		public Target next(int times) {
			if (times < 1) {
				throw new IllegalArgumentException("times must be at least 1");
			}
			this.times = times;
			return this;
		}

		/**
		 * Arm the fault.
		 * @param fault what to do to the calls
		 */
		public void inject(Fault fault) {
			Faults.this.armed.add(new Armed(this.description, this.matcher, fault, this.times));
		}

	}

	private static final class Armed {

		private final String target;

		private final BiPredicate<@Nullable Operation, String> matcher;

		private final Fault fault;

		private final AtomicInteger remaining;

		Armed(String target, BiPredicate<@Nullable Operation, String> matcher, Fault fault, int times) {
			this.target = target;
			this.matcher = matcher;
			this.fault = fault;
			this.remaining = new AtomicInteger(times);
		}

		boolean claim() {
			return this.remaining.getAndUpdate((left) -> Math.max(0, left - 1)) > 0;
		}

	}

}
