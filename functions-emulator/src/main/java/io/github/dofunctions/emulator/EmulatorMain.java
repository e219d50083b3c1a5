package io.github.dofunctions.emulator;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Runs the emulator on its own:
 * {@code java -jar functions-emulator-<version>-standalone.jar --port 8089 --token t}.
 */
public final class EmulatorMain {

	static final String USAGE = """
			Usage: java -jar functions-emulator-<version>-standalone.jar [options]
			  --port <n>                 port to listen on (default 8089; 0 for a free one)
			  --host <address>           address to listen on (default 127.0.0.1; 0.0.0.0 for every
			                             address, namespaces' api_host then being 127.0.0.1)
			  --token <token>            bearer token to accept (default: a random one, printed)
			  --namespace-limit <n>      namespaces per account (default 10)
			  --trigger-limit <n>        triggers per namespace (default 3, as in DigitalOcean's preview)
			  --namespace <id>[=<label>] a namespace held from the start, region nyc1, labelled with
			                             its id unless given; the id is fn- followed by letters,
			                             digits, - or _; repeat for more
			  --requests-per-minute <n>  burst limit, answered 429 with retry-after (default 250)
			  --requests-per-hour <n>    hourly budget, answered 429 without retry-after (default 5000)
			  --console                  serve the console (/console/) even when listening beyond the
			                             loopback address; it asks for no token, though it shows no
			                             secret (default: served on the loopback address only)
			  --data-dir <directory>     keep the state across restarts in this directory (made if
			                             missing): namespaces, access keys WITH THEIR SECRETS, triggers,
			                             deployed functions and the last 1000 activations, in files
			                             readable by their owner only (default: memory only, nothing
			                             written)
			  --help                     this text
			""";

	private static final List<String> OPTIONS = List.of("--port", "--host", "--token", "--namespace-limit",
			"--trigger-limit", "--namespace", "--requests-per-minute", "--requests-per-hour", "--data-dir");

	private EmulatorMain() {
	}

	/**
	 * Start the emulator and serve until the process is stopped.
	 * @param args the options
	 */
	public static void main(String[] args) {
		// Alone, the emulator has no SLF4J provider, and its libraries log nothing it
		// needs: say so to SLF4J rather than have it warn on stderr. A provider put on
		// the
		// class path with -Dslf4j.provider=... is used instead.
		if (System.getProperty("slf4j.provider") == null) {
			System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
			System.setProperty("slf4j.internal.verbosity", "WARN");
		}
		if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
			System.out.print(USAGE);
			return;
		}
		FunctionsEmulator.Builder builder;
		try {
			builder = configure(List.of(args));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		FunctionsEmulator emulator;
		try {
			// Reads the data directory: a file it cannot read is no mistake of usage.
			emulator = builder.build();
			emulator.start();
		}
		catch (IllegalStateException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, "emulator-shutdown"));
		System.out.println("DigitalOcean Functions emulator listening on " + emulator.baseUrl()
				+ (emulator.isBoundToEveryAddress() ? " (bound to every address; this is its api_host)" : ""));
		System.out.println("Authorization: Bearer " + emulator.token());
		System.out.println((emulator.consoleUrl() != null) ? "Console: " + emulator.consoleUrl()
				: "Console: off, as the emulator listens beyond the loopback address (--console to serve it)");
		if (emulator.dataDirectory() != null) {
			System.out.println("State kept in " + emulator.dataDirectory() + " (access-key secrets included)");
		}
		System.out.flush();
		emulator.awaitStop();
	}

	static FunctionsEmulator.Builder configure(List<String> args) {
		FunctionsEmulator.Builder builder = FunctionsEmulator.builder().port(8089);
		RateLimits digitalOcean = RateLimits.digitalOcean();
		int perMinute = digitalOcean.perMinute();
		int perHour = digitalOcean.perHour();
		int namespaceLimit = FunctionsEmulator.DEFAULT_NAMESPACE_LIMIT;
		Set<String> given = new HashSet<>();
		Set<String> ids = new HashSet<>();
		Set<String> labels = new HashSet<>();
		List<String> rest = new ArrayList<>(args);
		while (!rest.isEmpty()) {
			String option = rest.remove(0);
			if (option.equals("--console")) {
				if (!given.add(option)) {
					throw new IllegalArgumentException(option + " is given twice");
				}
				builder.console(true);
				continue;
			}
			if (!OPTIONS.contains(option)) {
				throw new IllegalArgumentException("Unknown option " + option);
			}
			if (rest.isEmpty()) {
				throw new IllegalArgumentException("Missing value for " + option);
			}
			if (!option.equals("--namespace") && !given.add(option)) {
				throw new IllegalArgumentException(option + " is given twice");
			}
			String value = rest.remove(0);
			switch (option) {
				case "--port" -> builder.port(checked(option, number(option, value), EmulatorRules::port));
				case "--host" -> builder.host(value);
				case "--token" -> {
					EmulatorRules.check(option, EmulatorRules.notBlank(value));
					builder.token(value);
				}
				case "--namespace-limit" -> {
					namespaceLimit = checked(option, number(option, value), EmulatorRules::atLeastOne);
					builder.namespaceLimit(namespaceLimit);
				}
				case "--trigger-limit" ->
					builder.triggerLimit(checked(option, number(option, value), EmulatorRules::notNegative));
				case "--namespace" -> {
					String[] declared = value.split("=", 2);
					String id = declared[0];
					EmulatorRules.check(option + " id", EmulatorRules.namespaceId(id));
					String label = (declared.length == 2) ? declared[1] : id;
					EmulatorRules.check(option + " label", EmulatorRules.label(label));
					if (!ids.add(id)) {
						throw new IllegalArgumentException(option + " " + id + " is given twice");
					}
					if (!labels.add(label)) {
						throw new IllegalArgumentException(
								option + " label '" + label + "' is given twice: a label names one namespace");
					}
					builder.namespace(id, "nyc1", label);
				}
				case "--requests-per-minute" ->
					perMinute = checked(option, number(option, value), EmulatorRules::atLeastOne);
				case "--requests-per-hour" ->
					perHour = checked(option, number(option, value), EmulatorRules::atLeastOne);
				case "--data-dir" -> builder.dataDirectory(dataDirectory(option, value));
				default -> throw new IllegalArgumentException("Unknown option " + option);
			}
		}
		if (ids.size() > namespaceLimit) {
			throw new IllegalArgumentException("--namespace is given " + ids.size()
					+ " times, more than the --namespace-limit of " + namespaceLimit);
		}
		return builder.rateLimits(new RateLimits(perMinute, perHour, digitalOcean.minute(), digitalOcean.hour()));
	}

	private static Path dataDirectory(String option, String value) {
		EmulatorRules.check(option, EmulatorRules.notBlank(value));
		try {
			return Path.of(value);
		}
		catch (InvalidPathException ex) {
			throw new IllegalArgumentException(option + " is not a path: " + ex.getReason());
		}
	}

	private static int checked(String option, int value, IntFunction<@Nullable String> rule) {
		EmulatorRules.check(option, rule.apply(value));
		return value;
	}

	private static int number(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			if (value.matches("[+-]?[0-9]+")) {
				throw new IllegalArgumentException(option + " " + value + " is out of range: at most "
						+ Integer.MAX_VALUE + " and at least " + Integer.MIN_VALUE);
			}
			throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
		}
	}

}
