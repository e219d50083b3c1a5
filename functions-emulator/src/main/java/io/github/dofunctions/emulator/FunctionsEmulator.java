package io.github.dofunctions.emulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.netty.ChannelBindException;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-memory DigitalOcean Functions API on a local port: the thirteen operations of
 * namespaces, triggers and access keys, with DigitalOcean's answers, validation, limits
 * and rate limits, fault injection and a request journal. It is also every namespace's
 * API host ({@code api_host} is the emulator's base URL): functions registered with
 * {@link #registerFunction(String, FunctionHandler)} can be invoked there with an access
 * key's credentials (not the namespace's retired key), and their activations read. For
 * example: <pre class="code">
 * try (FunctionsEmulator emulator = FunctionsEmulator.builder().build().start()) {
 *     FunctionsOperations functions = FunctionsTemplate.builder()
 *         .baseUrl(emulator.baseUrl())
 *         .token(emulator.token())
 *         .build();
 *     ...
 * }
 * </pre>
 * <p>
 * Thread-safe: any number of clients may call it at once.
 */
public final class FunctionsEmulator implements AutoCloseable {

	/**
	 * How long a blocking call waits for its function by default before it is demoted: 30
	 * seconds, as DigitalOcean documents ("How to Call Long-running Functions
	 * Asynchronously").
	 */
	public static final Duration DEFAULT_DEMOTE_AFTER = Duration.ofSeconds(30);

	/**
	 * How many scheduled triggers a namespace may have by default: 3, DigitalOcean's
	 * limit while scheduled triggers are in private preview (Functions "Limits").
	 */
	public static final int DEFAULT_TRIGGER_LIMIT = 3;

	/**
	 * How many namespaces an account may have by default: 10, DigitalOcean's limit
	 * (Functions "Limits").
	 */
	public static final int DEFAULT_NAMESPACE_LIMIT = 10;

	private final String host;

	private final Duration builtDemoteAfter;

	private final int requestedPort;

	private final String token;

	private final EmulatorState state;

	private final Faults faults = new Faults();

	private final RequestJournal journal = new RequestJournal();

	private final List<Consumer<EmulatorExchange>> listeners = new CopyOnWriteArrayList<>();

	private final RateLimitCounter rateLimits;

	private final EmulatorServer server;

	private final FunctionRuntime runtime;

	private final EmulatorClock clock;

	private final TriggerScheduler triggers;

	private final @Nullable EmulatorConsole console;

	private final List<DeclaredNamespace> declaredNamespaces;

	private final @Nullable StateFiles files;

	private @Nullable DisposableServer running;

	private FunctionsEmulator(Builder builder) {
		this.host = builder.host;
		this.requestedPort = builder.port;
		this.token = builder.token;
		this.clock = new EmulatorClock(builder.clock);
		this.state = new EmulatorState(this.clock, builder.namespaceLimit, builder.triggerLimit);
		this.rateLimits = new RateLimitCounter(builder.rateLimits, this.clock);
		JsonMapper json = json();
		this.runtime = new FunctionRuntime(json, this.clock, builder.demoteAfter, builder.invocationLimits, this.state);
		this.triggers = new TriggerScheduler(this.state, this.runtime, this.clock, json);
		boolean console = (builder.console != null) ? builder.console : isLoopback(builder.host);
		this.console = console ? new EmulatorConsole(this, json) : null;
		this.builtDemoteAfter = builder.demoteAfter;
		this.declaredNamespaces = List.copyOf(builder.namespaces);
		this.files = (builder.dataDirectory != null) ? keepState(builder.dataDirectory, json) : null;
		addDeclaredNamespaces();
		this.server = new EmulatorServer(this.token, this.state, new ApiHandler(this.state, json), this.runtime,
				this.rateLimits, this.faults, this.journal, this.listeners, json, this.clock);
	}

	/**
	 * Restore the state kept in a data directory, and keep every change there: those made
	 * through the API when their exchange ends, before it is answered, the others when
	 * they are made.
	 */
	private StateFiles keepState(Path dataDirectory, JsonMapper json) {
		StateFiles files = new StateFiles(dataDirectory, json, this.state, this.runtime);
		files.restore();
		this.state.onChange(files::save);
		this.runtime.onActivation(files::save);
		this.listeners.add((exchange) -> files.save());
		return files;
	}

	/**
	 * The emulator's mapper: parameters and results as the platform takes them, any
	 * number of digits (a Python function may return {@code 10**1200}) and results nested
	 * as deep as Jackson 2 allowed ({@link FunctionRuntime#MAX_RESULT_DEPTH}), with the
	 * activation record around them, where Jackson 3 stops at 1,000 digits and 500
	 * levels.
	 */
	private static JsonMapper json() {
		int depth = FunctionRuntime.MAX_RESULT_DEPTH + 10;
		return JsonMapper.builder(JsonFactory.builder()
			.streamReadConstraints(
					StreamReadConstraints.builder().maxNestingDepth(depth).maxNumberLength(Integer.MAX_VALUE).build())
			.streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(depth).build())
			.build()).build();
	}

	/**
	 * Start configuring an emulator.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start serving, on the configured port or a free one.
	 * @return this emulator, started
	 * @throws IllegalStateException if it cannot listen on the port (in use) or address,
	 * or the host is no address
	 */
	public synchronized FunctionsEmulator start() {
		if (this.running == null) {
			try {
				this.running = HttpServer.create()
					.host(this.host)
					.port(this.requestedPort)
					.handle((request, response) -> (this.console != null && EmulatorConsole.handles(request.uri()))
							? this.console.serve(request, response) : this.server.serve(request, response))
					.bindNow(Duration.ofSeconds(10));
			}
			catch (ChannelBindException ex) {
				if (isUnresolved(this.host)) {
					throw new IllegalStateException("Cannot listen on " + this.host
							+ ": the host is not an IP address or a name that resolves; give one of this machine's "
							+ "addresses, such as 127.0.0.1, or 0.0.0.0 for every address", ex);
				}
				throw new IllegalStateException("Cannot listen on " + this.host + ":" + this.requestedPort
						+ ": the port is in use or the address is not this machine's (" + ex.getMessage()
						+ "); choose another port, or 0 for a free one", ex);
			}
			this.state.apiHost(baseUrl());
			this.triggers.start();
		}
		return this;
	}

	/**
	 * Stop serving. The state is kept; {@link #start()} serves it again, perhaps on
	 * another port.
	 */
	public synchronized void stop() {
		if (this.running != null) {
			this.triggers.stop();
			this.running.disposeNow(Duration.ofSeconds(10));
			this.running = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Wait until the emulator is stopped, for a process that only serves it.
	 */
	void awaitStop() {
		DisposableServer server;
		synchronized (this) {
			server = this.running;
		}
		if (server != null) {
			server.onDispose().block();
		}
	}

	/**
	 * Return whether the emulator is serving.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.running != null;
	}

	/**
	 * Return the port the emulator serves on.
	 * @return the port
	 * @throws IllegalStateException if it is not started
	 */
	public synchronized int port() {
		if (this.running == null) {
			throw new IllegalStateException("The emulator is not started");
		}
		return this.running.port();
	}

	/**
	 * Return the base URL to give a client, such as {@code http://127.0.0.1:8089}, which
	 * is also every namespace's {@code api_host}. Bound to every address
	 * ({@code 0.0.0.0}), the loopback address.
	 * @return the base URL
	 * @throws IllegalStateException if it is not started
	 */
	public String baseUrl() {
		// Bound to every address (0.0.0.0, ::), it is reached on this machine through the
		// loopback address, the only plain-http host the client accepts.
		String host = isWildcard(this.host) ? "127.0.0.1" : this.host;
		String address = host.contains(":") ? "[" + host + "]" : host;
		return "http://" + address + ":" + port();
	}

	/**
	 * Return the address of the console, the page that shows what the emulator holds and
	 * runs a trigger now, such as {@code http://127.0.0.1:8089/console/}.
	 * @return its URL, or {@code null} if the console is off (as it is by default where
	 * the emulator listens beyond the loopback address)
	 * @throws IllegalStateException if the emulator is not started
	 */
	public @Nullable String consoleUrl() {
		return (this.console != null) ? baseUrl() + EmulatorConsole.PATH : null;
	}

	/**
	 * Run a scheduled trigger now, outside its schedule, enabled or not, as the console's
	 * "run now" button does: its function runs with the trigger's body as the parameters,
	 * recorded as the trigger's run ({@link EmulatedActivation#trigger()}), and is waited
	 * for. The trigger's last run becomes now; its next stays.
	 * @param namespaceId the namespace
	 * @param trigger the trigger's name
	 * @return the ended activation
	 * @throws IllegalArgumentException if there is no such namespace or trigger
	 */
	public EmulatedActivation runTrigger(String namespaceId, String trigger) {
		EmulatedTrigger found = this.state.triggers(namespaceId)
			.stream()
			.filter((candidate) -> candidate.name().equals(trigger))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"No trigger named '" + trigger + "' in namespace '" + namespaceId + "'"));
		return this.triggers.runNow(found);
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Return whether the emulator listens on every address ({@code 0.0.0.0}, {@code ::}).
	 * @return whether its host is a wildcard address
	 */
	public boolean isBoundToEveryAddress() {
		return isWildcard(this.host);
	}

	private static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * Whether a host cannot be bound because it is no address: neither an IP literal
	 * ({@code 999.1.1.1} is none) nor a name that resolves. Asked only once binding has
	 * failed, so that a bind that succeeds costs no second lookup.
	 */
	private static boolean isUnresolved(String host) {
		return new InetSocketAddress(host, 0).isUnresolved();
	}

	private static boolean isWildcard(String host) {
		return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("0:0:0:0:0:0:0:0");
	}

	/**
	 * Return the bearer token the emulator accepts.
	 * @return the token
	 */
	public String token() {
		return this.token;
	}

	/**
	 * Return the directory the emulator keeps its state in.
	 * @return the absolute path of the data directory, or {@code null} if it keeps its
	 * state in memory only
	 * @see Builder#dataDirectory(Path)
	 */
	public @Nullable Path dataDirectory() {
		return (this.files != null) ? this.files.directory() : null;
	}

	/**
	 * Return the namespaces, triggers and keys the emulator holds.
	 * @return the state
	 */
	public EmulatorState state() {
		return this.state;
	}

	/**
	 * Register the code of a function, callable in every namespace. A function of the
	 * same name is replaced.
	 * @param function the function's name, {@code name} or {@code package/name}
	 * @param handler its code
	 * @return this emulator
	 */
	public FunctionsEmulator registerFunction(String function, FunctionHandler handler) {
		EmulatedFunction checked = EmulatedFunction.of(function, handler);
		this.runtime.register(checked.name(), checked.handler());
		return this;
	}

	/**
	 * Remove the code of a function: invoking it then answers {@code 404}.
	 * @param function the function's name, as registered
	 */
	public void unregisterFunction(String function) {
		this.runtime.unregister(function);
	}

	/**
	 * Set how long a blocking call waits for its function before it is demoted and
	 * answers {@code 202} with the activation id; the function runs on.
	 * @param demoteAfter the threshold
	 */
	public void demoteAfter(Duration demoteAfter) {
		if (demoteAfter == null || demoteAfter.isNegative()) {
			throw new IllegalArgumentException("demoteAfter must not be negative");
		}
		this.runtime.demoteAfter(demoteAfter);
	}

	/**
	 * Move the emulator's clock forward and fire, in order, every scheduled run that
	 * falls due in between, before returning: each enabled trigger runs its function with
	 * its body as the parameters at every time its cron matches (in UTC), with the clock
	 * at that time, and is waited for; its {@code scheduled_runs} then show the last
	 * run's due time and the next. The activations are read with
	 * {@link #activations(String)} ({@link EmulatedActivation#trigger()} names the
	 * trigger) or through the API. While the emulator runs, the triggers also fire as the
	 * clock passes their times by itself. {@link #reset()} sets the clock back.
	 * @param duration how far to move the clock
	 * @throws IllegalArgumentException if the duration is negative, or if more than 1,000
	 * runs fall due in it (a year of a once-a-minute cron): the clock is then not moved,
	 * and nothing fires
	 */
	public void advanceTime(Duration duration) {
		this.triggers.advance(duration);
	}

	/**
	 * Return the ended activations of a namespace, in the order they ended.
	 * @param namespaceId the namespace
	 * @return the activations
	 */
	public List<EmulatedActivation> activations(String namespaceId) {
		return this.runtime.activations(namespaceId);
	}

	/**
	 * Return the functions deployed to a namespace through its API host (OpenWhisk's
	 * {@code PUT .../actions/...}), packaged ones included.
	 * @param namespaceId the namespace
	 * @return its functions, in the order they were first deployed; empty if there is no
	 * such namespace
	 */
	public List<EmulatedAction> deployedFunctions(String namespaceId) {
		return this.state.actions(namespaceId).stream().map(EmulatedAction::of).toList();
	}

	/**
	 * Return the faults to inject into the next calls.
	 * @return the faults
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * Return the requests received.
	 * @return the journal
	 */
	public RequestJournal journal() {
		return this.journal;
	}

	/**
	 * Be told of every request and its answer, for example to check them against
	 * DigitalOcean's OpenAPI description.
	 * @param listener called once the answer is decided
	 */
	public void addExchangeListener(Consumer<EmulatorExchange> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Stop telling a listener of exchanges.
	 * @param listener a listener added before
	 */
	public void removeExchangeListener(Consumer<EmulatorExchange> listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Forget everything but the namespaces the builder declared, which are made again
	 * empty: namespaces with their triggers, keys, deployed functions and packages,
	 * activations, faults, the journal and the requests counted against the rate and
	 * invocation limits, set {@link #demoteAfter(Duration)} back to the value it was
	 * built with, and the clock back to the time of the clock it was built with, undoing
	 * {@link #advanceTime(Duration)}. Registered functions are code, not state: they
	 * stay. With a {@linkplain Builder#dataDirectory(Path) data directory}, its files are
	 * emptied too: they then hold the declared namespaces only.
	 */
	public void reset() {
		this.clock.reset();
		this.runtime.demoteAfter(this.builtDemoteAfter);
		this.state.clear();
		addDeclaredNamespaces();
		this.runtime.clearActivations();
		this.faults.clear();
		this.journal.clear();
		this.rateLimits.reset();
		this.runtime.throttle().clear();
		if (this.files != null) {
			this.files.save();
		}
	}

	private void addDeclaredNamespaces() {
		for (DeclaredNamespace declared : this.declaredNamespaces) {
			// One restored from the data directory is held already, as it was left.
			if (this.state.namespaces().stream().noneMatch((namespace) -> namespace.id().equals(declared.id()))) {
				this.state.addNamespace(declared.id(), declared.region(), declared.label());
			}
		}
	}

	@Override
	public String toString() {
		return "FunctionsEmulator[" + (isRunning() ? baseUrl() : "stopped") + "]";
	}

	/**
	 * Configures a {@link FunctionsEmulator}.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private @Nullable Boolean console;

		private int port;

		private String token = "emulator-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

		private int namespaceLimit = DEFAULT_NAMESPACE_LIMIT;

		private int triggerLimit = DEFAULT_TRIGGER_LIMIT;

		private RateLimits rateLimits = RateLimits.digitalOcean();

		private Clock clock = Clock.systemUTC();

		private Duration demoteAfter = DEFAULT_DEMOTE_AFTER;

		private InvocationLimits invocationLimits = InvocationLimits.digitalOcean();

		private final List<DeclaredNamespace> namespaces = new ArrayList<>();

		private @Nullable Path dataDirectory;

		private Builder() {
		}

		/**
		 * Keep the emulator's state in a directory, across restarts: the namespaces (ids,
		 * uuids, keys, labels, regions, times), their access keys <em>with their
		 * secrets</em>, their triggers with their last and next runs, the deployed
		 * packages and functions with their code, and the last 1,000 activations of every
		 * namespace together. The emulator built restores what the directory holds, and
		 * writes each file again, atomically, after each change to its part of the state;
		 * the files are readable by their owner only where the file system has POSIX
		 * permissions. A trigger's run that fell due while no emulator ran fires once
		 * when the restored emulator starts. {@link FunctionsEmulator#reset()} empties
		 * the files with the state. Without a data directory, the default, the emulator
		 * writes nothing anywhere.
		 * @param dataDirectory the directory, made (readable by its owner only) if
		 * missing; {@code null} to keep the state in memory only
		 * @return this builder
		 * @throws IllegalStateException from {@link #build()} if the directory cannot be
		 * made or written, or if one of its files cannot be read, is malformed or is of a
		 * format version this emulator does not read: the message names the file and what
		 * is wrong, and the file is left as it is
		 */
		public Builder dataDirectory(@Nullable Path dataDirectory) {
			this.dataDirectory = dataDirectory;
			return this;
		}

		/**
		 * Declare a namespace the emulator holds from the start, and again after each
		 * {@link FunctionsEmulator#reset()}: the one an application names in
		 * {@code do.functions.invocation.namespace-id}, say.
		 * @param namespaceId its id, {@code fn-} followed by letters, digits, {@code -}
		 * or {@code _}
		 * @param region its datacenter region, such as {@code nyc1}
		 * @param label its label, unique among the namespaces
		 * @return this builder
		 * @throws IllegalArgumentException if the id is not one, the region is blank, or
		 * the label is one DigitalOcean refuses (blank, over 256 characters, control
		 * characters)
		 */
		public Builder namespace(String namespaceId, String region, String label) {
			EmulatorRules.check("namespaceId", EmulatorRules.namespaceId(namespaceId));
			EmulatorRules.check("region", EmulatorRules.notBlank(region));
			EmulatorRules.check("label", EmulatorRules.label(label));
			this.namespaces.add(new DeclaredNamespace(namespaceId, region, label));
			return this;
		}

		/**
		 * Set the limits on each namespace's invocations.
		 * @param invocationLimits the limits, {@link InvocationLimits#digitalOcean()} by
		 * default
		 * @return this builder
		 */
		public Builder invocationLimits(InvocationLimits invocationLimits) {
			if (invocationLimits == null) {
				throw new IllegalArgumentException("invocationLimits must not be null");
			}
			this.invocationLimits = invocationLimits;
			return this;
		}

		/**
		 * Set how long a blocking call waits for its function before it is demoted and
		 * answers {@code 202} with the activation id.
		 * @param demoteAfter the threshold, 30 seconds by default as at DigitalOcean
		 * @return this builder
		 */
		public Builder demoteAfter(Duration demoteAfter) {
			if (demoteAfter == null || demoteAfter.isNegative()) {
				throw new IllegalArgumentException("demoteAfter must not be negative");
			}
			this.demoteAfter = demoteAfter;
			return this;
		}

		/**
		 * Set the address to listen on.
		 * @param host the address, {@code 127.0.0.1} by default
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * Serve the console, the page under {@code /console/} that shows what the
		 * emulator holds ({@link FunctionsEmulator#consoleUrl()}), or not. A browser
		 * cannot send the token, so the console asks for none, though it shows no secret:
		 * by default it is served only where the emulator listens on the loopback
		 * address.
		 * @param console whether to serve it
		 * @return this builder
		 */
		public Builder console(boolean console) {
			this.console = console;
			return this;
		}

		/**
		 * Set the port to listen on.
		 * @param port the port, {@code 0} (a free one) by default
		 * @return this builder
		 */
		public Builder port(int port) {
			EmulatorRules.check("port", EmulatorRules.port(port));
			this.port = port;
			return this;
		}

		/**
		 * Set the bearer token to accept.
		 * @param token the token, a random one by default
		 * @return this builder
		 */
		public Builder token(String token) {
			EmulatorRules.check("token", EmulatorRules.notBlank(token));
			this.token = token;
			return this;
		}

		/**
		 * Set how many namespaces the account may have.
		 * @param namespaceLimit the limit, 10 by default as at DigitalOcean
		 * @return this builder
		 */
		public Builder namespaceLimit(int namespaceLimit) {
			EmulatorRules.check("namespaceLimit", EmulatorRules.atLeastOne(namespaceLimit));
			this.namespaceLimit = namespaceLimit;
			return this;
		}

		/**
		 * Set how many triggers a namespace may have.
		 * @param triggerLimit the limit, {@value FunctionsEmulator#DEFAULT_TRIGGER_LIMIT}
		 * by default as at DigitalOcean while scheduled triggers are in preview
		 * @return this builder
		 */
		public Builder triggerLimit(int triggerLimit) {
			EmulatorRules.check("triggerLimit", EmulatorRules.notNegative(triggerLimit));
			this.triggerLimit = triggerLimit;
			return this;
		}

		/**
		 * Set the rate limits to enforce.
		 * @param rateLimits the limits, {@link RateLimits#digitalOcean()} by default
		 * @return this builder
		 */
		public Builder rateLimits(RateLimits rateLimits) {
			this.rateLimits = rateLimits;
			return this;
		}

		/**
		 * Set the clock the emulator tells time by (creation times, rate-limit windows,
		 * key expiry, scheduled runs), which
		 * {@link FunctionsEmulator#advanceTime(Duration)} moves forward from.
		 * @param clock the clock, the system UTC clock by default
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Build the emulator, not yet started, with the state its
		 * {@linkplain #dataDirectory(Path) data directory} holds, if it has one.
		 * @return the emulator
		 * @throws IllegalStateException if the data directory cannot be used or one of
		 * its files cannot be read
		 */
		public FunctionsEmulator build() {
			return new FunctionsEmulator(this);
		}

	}

	private record DeclaredNamespace(String id, String region, String label) {
	}

}
