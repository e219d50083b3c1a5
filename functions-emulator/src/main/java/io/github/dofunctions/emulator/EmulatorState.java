package io.github.dofunctions.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import org.jspecify.annotations.Nullable;

/**
 * The namespaces, triggers and access keys of the emulated account, with DigitalOcean's
 * rules: unique labels and names, limits, cascading deletes; and each namespace's
 * deployed functions and packages, with OpenWhisk's. Every method is atomic; what it
 * returns is a snapshot.
 */
public final class EmulatorState {

	private static final CronParser UNIX_CRON = new CronParser(
			CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

	/** OpenWhisk's {@code Messages.resourceDoesNotExist}. */
	static final String RESOURCE_DOES_NOT_EXIST = "The requested resource does not exist.";

	private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final int namespaceLimit;

	private final int triggerLimit;

	private final Map<String, Entry> namespaces = new LinkedHashMap<>();

	private volatile String apiHost = "http://127.0.0.1";

	private long revision;

	private long codeRevision;

	private volatile Runnable changed = () -> {
	};

	EmulatorState(Clock clock, int namespaceLimit, int triggerLimit) {
		this.clock = clock;
		this.namespaceLimit = namespaceLimit;
		this.triggerLimit = triggerLimit;
	}

	/**
	 * Set the API host of the namespaces, once the server listens: namespaces declared
	 * before it started were given one without the port, and get this one.
	 */
	synchronized void apiHost(String apiHost) {
		this.apiHost = apiHost;
		for (Entry entry : this.namespaces.values()) {
			EmulatedNamespace namespace = entry.namespace;
			entry.namespace = new EmulatedNamespace(namespace.id(), namespace.uuid(), namespace.key(),
					namespace.label(), namespace.region(), apiHost, namespace.createdAt(), namespace.updatedAt());
		}
	}

	/**
	 * Return every namespace.
	 * @return the namespaces, oldest first
	 */
	public synchronized List<EmulatedNamespace> namespaces() {
		return this.namespaces.values().stream().map((entry) -> entry.namespace).toList();
	}

	/**
	 * Return the triggers of a namespace.
	 * @param namespaceId the namespace identifier
	 * @return its triggers, oldest first, or an empty list if there is no such namespace
	 */
	public synchronized List<EmulatedTrigger> triggers(String namespaceId) {
		Entry entry = this.namespaces.get(namespaceId);
		return (entry != null) ? List.copyOf(entry.triggers.values()) : List.of();
	}

	/**
	 * Return the access keys of a namespace, without their secrets.
	 * @param namespaceId the namespace identifier
	 * @return its keys, oldest first, or an empty list if there is no such namespace
	 */
	public synchronized List<EmulatedAccessKey> accessKeys(String namespaceId) {
		Entry entry = this.namespaces.get(namespaceId);
		return (entry != null) ? List.copyOf(entry.keys.values()) : List.of();
	}

	/**
	 * Create a namespace as the API would, to set up a test.
	 * @param region datacenter region
	 * @param label unique label
	 * @return the new namespace
	 * @throws IllegalStateException if the label is taken or the limit reached
	 */
	public EmulatedNamespace addNamespace(String region, String label) {
		EmulatedNamespace namespace;
		try {
			namespace = createNamespace(region, label);
		}
		catch (ApiError ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		this.changed.run();
		return namespace;
	}

	/**
	 * Create a namespace with an id of the test's choosing, such as the one an
	 * application's {@code do.functions.invocation.namespace-id} names.
	 * @param namespaceId the id: {@code fn-} followed by letters, digits, {@code -} or
	 * {@code _}, as DigitalOcean's ids ({@code fn-<uuid>}) are
	 * @param region datacenter region
	 * @param label unique label
	 * @return the new namespace
	 * @throws IllegalArgumentException if the id is not one
	 * @throws IllegalStateException if the id or label is taken or the limit reached
	 */
	public EmulatedNamespace addNamespace(String namespaceId, String region, String label) {
		EmulatorRules.check("namespaceId", EmulatorRules.namespaceId(namespaceId));
		EmulatedNamespace namespace;
		try {
			synchronized (this) {
				namespace = createNamespace(namespaceId, region, label);
			}
		}
		catch (ApiError ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		this.changed.run();
		return namespace;
	}

	/**
	 * Remove every namespace, with its triggers, keys, functions and packages.
	 */
	public void clear() {
		synchronized (this) {
			this.namespaces.clear();
			this.revision++;
			this.codeRevision++;
		}
		this.changed.run();
	}

	/**
	 * Be told, outside the state's lock, of a change made through the public methods; the
	 * API's changes are seen by the exchange that made them.
	 */
	void onChange(Runnable changed) {
		this.changed = changed;
	}

	/**
	 * Return the counts of changes to the namespaces' part and to the code's part, cheap
	 * enough to ask after every request.
	 */
	synchronized long[] revisions() {
		return new long[] { this.revision, this.codeRevision };
	}

	/**
	 * Return everything the state holds, secrets included, with the counts of its
	 * changes.
	 */
	synchronized EmulatorSnapshot snapshot() {
		List<EmulatorSnapshot.Namespace> namespaces = new ArrayList<>();
		List<StoredPackage> packages = new ArrayList<>();
		List<StoredAction> actions = new ArrayList<>();
		for (Entry entry : this.namespaces.values()) {
			EmulatedNamespace namespace = entry.namespace;
			List<EmulatorSnapshot.AccessKey> keys = entry.keys.values()
				.stream()
				.map((key) -> new EmulatorSnapshot.AccessKey(key.id(), key.name(), entry.secrets.get(key.id()),
						key.createdAt(), key.updatedAt(), key.expiresAt()))
				.toList();
			namespaces.add(new EmulatorSnapshot.Namespace(namespace.id(), namespace.uuid(), namespace.key(),
					namespace.label(), namespace.region(), namespace.createdAt(), namespace.updatedAt(), keys,
					List.copyOf(entry.triggers.values())));
			packages.addAll(entry.packages.values());
			actions.addAll(entry.actions.values());
		}
		return new EmulatorSnapshot(this.revision, this.codeRevision, namespaces, packages, actions);
	}

	/**
	 * Replace everything the state holds with a snapshot, and its counts of changes with
	 * the snapshot's. Packages and functions of a namespace the snapshot does not hold
	 * are left out.
	 * @throws IllegalArgumentException if a trigger's cron is not valid, or an id or
	 * label is held twice
	 */
	synchronized void restore(EmulatorSnapshot snapshot) {
		Map<String, Entry> restored = new LinkedHashMap<>();
		for (EmulatorSnapshot.Namespace namespace : snapshot.namespaces()) {
			Entry entry = new Entry(new EmulatedNamespace(namespace.id(), namespace.uuid(), namespace.key(),
					namespace.label(), namespace.region(), this.apiHost, namespace.createdAt(), namespace.updatedAt()));
			if (restored.values().stream().anyMatch((other) -> other.namespace.label().equals(namespace.label()))
					|| restored.put(namespace.id(), entry) != null) {
				throw new IllegalArgumentException("namespace " + namespace.id() + " or its label "
						+ ApiHandler.quote(namespace.label()) + " is held twice");
			}
			for (EmulatorSnapshot.AccessKey key : namespace.accessKeys()) {
				entry.keys.put(key.id(),
						new EmulatedAccessKey(key.id(), key.name(), key.createdAt(), key.updatedAt(), key.expiresAt()));
				entry.secrets.put(key.id(), key.secret());
			}
			for (EmulatedTrigger trigger : namespace.triggers()) {
				if (!isValidCron(trigger.cron())) {
					throw new IllegalArgumentException("trigger " + ApiHandler.quote(trigger.name()) + " of "
							+ namespace.id() + " has an invalid cron " + ApiHandler.quote(trigger.cron()));
				}
				entry.triggers.put(trigger.name(), trigger);
			}
		}
		for (StoredPackage stored : snapshot.packages()) {
			Entry entry = restored.get(stored.namespaceId());
			if (entry != null) {
				entry.packages.put(stored.name(), stored);
			}
		}
		for (StoredAction action : snapshot.actions()) {
			Entry entry = restored.get(action.namespaceId());
			if (entry != null) {
				entry.actions.put(action.fullName(), action);
			}
		}
		this.namespaces.clear();
		this.namespaces.putAll(restored);
		this.revision = snapshot.revision();
		this.codeRevision = snapshot.codeRevision();
	}

	synchronized EmulatedNamespace createNamespace(String region, String label) {
		return createNamespace(null, region, label);
	}

	private EmulatedNamespace createNamespace(@Nullable String namespaceId, String region, String label) {
		if (namespaceId != null && this.namespaces.containsKey(namespaceId)) {
			throw ApiError.badRequest("a namespace with id " + ApiHandler.quote(namespaceId) + " already exists");
		}
		if (this.namespaces.values().stream().anyMatch((entry) -> entry.namespace.label().equals(label))) {
			throw ApiError.badRequest("a namespace with label " + ApiHandler.quote(label) + " already exists");
		}
		if (this.namespaces.size() >= this.namespaceLimit) {
			throw ApiError.limitReached("namespace limit reached");
		}
		String uuid = UUID.randomUUID().toString();
		Instant now = now();
		EmulatedNamespace namespace = new EmulatedNamespace((namespaceId != null) ? namespaceId : "fn-" + uuid, uuid,
				randomText(64), label, region, this.apiHost, now, now);
		this.namespaces.put(namespace.id(), new Entry(namespace));
		this.revision++;
		return namespace;
	}

	synchronized EmulatedNamespace namespace(String namespaceId) {
		return entry(namespaceId).namespace;
	}

	synchronized void deleteNamespace(String namespaceId) {
		if (this.namespaces.remove(namespaceId) == null) {
			throw ApiError.notFound("namespace not found");
		}
		this.revision++;
		this.codeRevision++;
	}

	synchronized List<EmulatedTrigger> listTriggers(String namespaceId) {
		return List.copyOf(entry(namespaceId).triggers.values());
	}

	synchronized EmulatedTrigger createTrigger(String namespaceId, String name, String function, boolean enabled,
			String cron, @Nullable String body) {
		Entry entry = entry(namespaceId);
		if (entry.triggers.containsKey(name)) {
			throw ApiError
				.badRequest("validating create trigger: a trigger named " + ApiHandler.quote(name) + " already exists");
		}
		if (entry.triggers.size() >= this.triggerLimit) {
			throw ApiError.limitReached("triggers limit reached");
		}
		Instant now = now();
		EmulatedTrigger trigger = new EmulatedTrigger(namespaceId, name, function, enabled, cron, body, now, now,
				nextRun(enabled, cron, now), null);
		entry.triggers.put(name, trigger);
		this.revision++;
		return trigger;
	}

	synchronized EmulatedTrigger trigger(String namespaceId, String name) {
		EmulatedTrigger trigger = entry(namespaceId).triggers.get(name);
		if (trigger == null) {
			throw ApiError.notFound("trigger not found");
		}
		return trigger;
	}

	synchronized EmulatedTrigger updateTrigger(String namespaceId, String name, @Nullable Boolean enabled,
			@Nullable String cron, @Nullable String body) {
		EmulatedTrigger current = trigger(namespaceId, name);
		boolean newEnabled = (enabled != null) ? enabled : current.enabled();
		String newCron = (cron != null) ? cron : current.cron();
		String newBody = (cron != null) ? body : current.body();
		Instant now = now();
		EmulatedTrigger updated = new EmulatedTrigger(namespaceId, name, current.function(), newEnabled, newCron,
				newBody, current.createdAt(), now, nextRun(newEnabled, newCron, now), current.lastRunAt());
		entry(namespaceId).triggers.put(name, updated);
		this.revision++;
		return updated;
	}

	/**
	 * Return the enabled trigger whose next run falls due first, at or before an instant:
	 * of two due at once, the older namespace's, then the older trigger.
	 */
	synchronized @Nullable EmulatedTrigger nextDue(Instant until) {
		EmulatedTrigger first = null;
		for (Entry entry : this.namespaces.values()) {
			for (EmulatedTrigger trigger : entry.triggers.values()) {
				Instant due = trigger.nextRunAt();
				if (trigger.enabled() && due != null && !due.isAfter(until)
						&& (first == null || due.isBefore(first.nextRunAt()))) {
					first = trigger;
				}
			}
		}
		return first;
	}

	/**
	 * Count the runs of every enabled trigger that fall due after their next run's time
	 * and at or before an instant, counting no further than a limit.
	 * @return the count, {@code limit + 1} if there are more than {@code limit}
	 */
	synchronized int countRuns(Instant until, int limit) {
		int count = 0;
		for (Entry entry : this.namespaces.values()) {
			for (EmulatedTrigger trigger : entry.triggers.values()) {
				Instant due = trigger.nextRunAt();
				ExecutionTime schedule = ExecutionTime.forCron(UNIX_CRON.parse(trigger.cron()));
				while (trigger.enabled() && due != null && !due.isAfter(until)) {
					if (++count > limit) {
						return count;
					}
					due = schedule.nextExecution(due.atZone(ZoneOffset.UTC))
						.map((next) -> next.toInstant())
						.orElse(null);
				}
			}
		}
		return count;
	}

	/**
	 * Record that a trigger's run due at an instant fired: that instant is its last run,
	 * and its next is the first the cron matches after {@code from}. A trigger changed or
	 * deleted since its run was found is left as it is.
	 * @return the trigger as it fired, or {@code null} if it no longer stands
	 */
	synchronized @Nullable EmulatedTrigger recordRun(EmulatedTrigger fired, Instant from) {
		Entry entry = this.namespaces.get(fired.namespace());
		EmulatedTrigger current = (entry != null) ? entry.triggers.get(fired.name()) : null;
		if (current == null || !current.equals(fired)) {
			return null;
		}
		EmulatedTrigger ran = new EmulatedTrigger(current.namespace(), current.name(), current.function(),
				current.enabled(), current.cron(), current.body(), current.createdAt(), current.updatedAt(),
				nextRun(true, current.cron(), from), current.nextRunAt());
		entry.triggers.put(current.name(), ran);
		this.revision++;
		return current;
	}

	/**
	 * Record that a trigger was run by hand at an instant: its last run, its next left as
	 * it is.
	 */
	synchronized void recordRunNow(EmulatedTrigger ran, Instant at) {
		Entry entry = this.namespaces.get(ran.namespace());
		EmulatedTrigger current = (entry != null) ? entry.triggers.get(ran.name()) : null;
		if (current != null) {
			entry.triggers.put(current.name(),
					new EmulatedTrigger(current.namespace(), current.name(), current.function(), current.enabled(),
							current.cron(), current.body(), current.createdAt(), current.updatedAt(),
							current.nextRunAt(), at));
			this.revision++;
		}
	}

	synchronized void deleteTrigger(String namespaceId, String name) {
		if (entry(namespaceId).triggers.remove(name) == null) {
			throw ApiError.notFound("trigger not found");
		}
		this.revision++;
	}

	synchronized List<EmulatedAccessKey> listAccessKeys(String namespaceId) {
		return List.copyOf(entry(namespaceId).keys.values());
	}

	synchronized CreatedAccessKey createAccessKey(String namespaceId, String name, @Nullable Duration lifetime) {
		Entry entry = entry(namespaceId);
		if (entry.keys.values().stream().anyMatch((key) -> key.name().equals(name))) {
			throw ApiError.conflict("an access key named " + ApiHandler.quote(name) + " already exists");
		}
		Instant now = now();
		EmulatedAccessKey key = new EmulatedAccessKey("dof_v1_" + HexFormat.of().formatHex(randomBytes(16)), name, now,
				now, (lifetime != null) ? now.plus(lifetime) : null);
		String secret = randomText(40);
		entry.keys.put(key.id(), key);
		entry.secrets.put(key.id(), secret);
		this.revision++;
		return new CreatedAccessKey(key, secret);
	}

	synchronized EmulatedAccessKey renameAccessKey(String namespaceId, String keyId, String name) {
		Entry entry = entry(namespaceId);
		EmulatedAccessKey current = entry.keys.get(keyId);
		if (current == null) {
			throw ApiError.notFound("access key not found");
		}
		if (entry.keys.values().stream().anyMatch((key) -> key.name().equals(name) && !key.id().equals(keyId))) {
			throw ApiError.conflict("an access key named " + ApiHandler.quote(name) + " already exists");
		}
		EmulatedAccessKey renamed = new EmulatedAccessKey(keyId, name, current.createdAt(), now(), current.expiresAt());
		entry.keys.put(keyId, renamed);
		this.revision++;
		return renamed;
	}

	synchronized void deleteAccessKey(String namespaceId, String keyId) {
		Entry entry = entry(namespaceId);
		if (entry.keys.remove(keyId) == null) {
			throw ApiError.notFound("access key not found");
		}
		entry.secrets.remove(keyId);
		this.revision++;
	}

	/**
	 * Find the namespace whose functions a Basic credential may call: one of its access
	 * keys that has not expired. The namespace's own uuid and key, DigitalOcean's legacy
	 * shared token, no longer authenticate since 3 June 2026 (Functions "Latest Updates",
	 * 13 March 2026), so they are refused here too.
	 * @return the namespace id, or {@code null} if the credential is not valid
	 */
	synchronized @Nullable String authenticate(String user, String password) {
		byte[] given = password.getBytes(StandardCharsets.UTF_8);
		for (Entry entry : this.namespaces.values()) {
			String secret = entry.secrets.get(user);
			EmulatedAccessKey key = entry.keys.get(user);
			if (secret != null && key != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), given)
					&& (key.expiresAt() == null || key.expiresAt().isAfter(this.clock.instant()))) {
				return entry.namespace.id();
			}
		}
		return null;
	}

	/**
	 * Find a deployed function.
	 * @param fullName {@code name} or {@code package/name}
	 * @return the function, or {@code null} if the namespace has none of that name
	 */
	synchronized @Nullable StoredAction action(String namespaceId, String fullName) {
		Entry entry = this.namespaces.get(namespaceId);
		return (entry != null) ? entry.actions.get(fullName) : null;
	}

	/**
	 * Return the deployed functions of a namespace, packaged ones included.
	 * @return the functions, in the order they were first deployed; empty if there is no
	 * such namespace
	 */
	synchronized List<StoredAction> actions(String namespaceId) {
		Entry entry = this.namespaces.get(namespaceId);
		return (entry != null) ? List.copyOf(entry.actions.values()) : List.of();
	}

	/**
	 * Deploy a function, as OpenWhisk's {@code Actions.create} and
	 * {@code ApiUtils.putEntity} do: in a package that must exist, replacing one of the
	 * same name only when asked to.
	 * @param make makes the function from the one it replaces, or from {@code null}
	 * @throws ApiError {@code 404} if the package does not exist, {@code 409} if the
	 * function does and {@code overwrite} is not set
	 */
	synchronized StoredAction putAction(String namespaceId, @Nullable String packageName, String name,
			boolean overwrite, Function<@Nullable StoredAction, StoredAction> make) {
		Entry entry = hostEntry(namespaceId);
		if (packageName != null && !entry.packages.containsKey(packageName)) {
			throw ApiError.notFound(RESOURCE_DOES_NOT_EXIST);
		}
		String fullName = (packageName != null) ? packageName + "/" + name : name;
		StoredAction existing = entry.actions.get(fullName);
		if (existing != null && !overwrite) {
			throw ApiError.conflict("resource already exists");
		}
		StoredAction made = make.apply(existing);
		entry.actions.put(fullName, made);
		this.codeRevision++;
		return made;
	}

	/**
	 * Delete a deployed function.
	 * @return the function deleted
	 * @throws ApiError {@code 404} if there is none of that name
	 */
	synchronized StoredAction deleteAction(String namespaceId, String fullName) {
		StoredAction removed = hostEntry(namespaceId).actions.remove(fullName);
		if (removed == null) {
			throw ApiError.notFound(RESOURCE_DOES_NOT_EXIST);
		}
		this.codeRevision++;
		return removed;
	}

	/**
	 * Find a package.
	 * @return the package, or {@code null} if the namespace has none of that name
	 */
	synchronized @Nullable StoredPackage findPackage(String namespaceId, String name) {
		Entry entry = this.namespaces.get(namespaceId);
		return (entry != null) ? entry.packages.get(name) : null;
	}

	/**
	 * Return the packages of a namespace.
	 * @return the packages, in the order they were first deployed; empty if there is no
	 * such namespace
	 */
	synchronized List<StoredPackage> packages(String namespaceId) {
		Entry entry = this.namespaces.get(namespaceId);
		return (entry != null) ? List.copyOf(entry.packages.values()) : List.of();
	}

	/**
	 * Create or update a package, as OpenWhisk's {@code Packages.create} does.
	 * @param make makes the package from the one it replaces, or from {@code null}
	 * @throws ApiError {@code 409} if the package exists and {@code overwrite} is not set
	 */
	synchronized StoredPackage putPackage(String namespaceId, String name, boolean overwrite,
			Function<@Nullable StoredPackage, StoredPackage> make) {
		Entry entry = hostEntry(namespaceId);
		StoredPackage existing = entry.packages.get(name);
		if (existing != null && !overwrite) {
			throw ApiError.conflict("resource already exists");
		}
		StoredPackage made = make.apply(existing);
		entry.packages.put(name, made);
		this.codeRevision++;
		return made;
	}

	/**
	 * Delete a package, as OpenWhisk's {@code Packages.remove} does: only when it holds
	 * no function, unless forced, which deletes its functions too.
	 * @return the package deleted
	 * @throws ApiError {@code 404} if there is none of that name, {@code 409} with
	 * OpenWhisk's message if it holds functions and {@code force} is not set
	 */
	synchronized StoredPackage deletePackage(String namespaceId, String name, boolean force) {
		Entry entry = hostEntry(namespaceId);
		StoredPackage existing = entry.packages.get(name);
		if (existing == null) {
			throw ApiError.notFound(RESOURCE_DOES_NOT_EXIST);
		}
		List<String> contents = entry.actions.values()
			.stream()
			.filter((action) -> name.equals(action.packageName()))
			.map(StoredAction::fullName)
			.toList();
		if (!contents.isEmpty() && !force) {
			throw ApiError.conflict("Package not empty (contains " + contents.size() + " "
					+ ((contents.size() == 1) ? "entity" : "entities")
					+ "). Set force param or delete package contents.");
		}
		contents.forEach(entry.actions::remove);
		entry.packages.remove(name);
		this.codeRevision++;
		return existing;
	}

	/**
	 * The entry of the namespace an API host's caller authenticated for, which a
	 * concurrent delete may have removed: then nothing in it exists.
	 */
	private Entry hostEntry(String namespaceId) {
		Entry entry = this.namespaces.get(namespaceId);
		if (entry == null) {
			throw ApiError.notFound(RESOURCE_DOES_NOT_EXIST);
		}
		return entry;
	}

	static boolean isValidCron(String cron) {
		try {
			UNIX_CRON.parse(cron).validate();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private Entry entry(String namespaceId) {
		Entry entry = this.namespaces.get(namespaceId);
		if (entry == null) {
			throw ApiError.notFound("namespace not found");
		}
		return entry;
	}

	private @Nullable Instant nextRun(boolean enabled, String cron, Instant now) {
		if (!enabled) {
			return null;
		}
		return ExecutionTime.forCron(UNIX_CRON.parse(cron))
			.nextExecution(now.atZone(ZoneOffset.UTC))
			.map((next) -> next.toInstant())
			.orElse(null);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private String randomText(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHANUMERIC.charAt(this.random.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}

	private byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		this.random.nextBytes(bytes);
		return bytes;
	}

	/**
	 * A key as created: the only time its secret is returned.
	 */
	record CreatedAccessKey(EmulatedAccessKey key, String secret) {

	}

	private static final class Entry {

		private EmulatedNamespace namespace;

		private final Map<String, EmulatedTrigger> triggers = new LinkedHashMap<>();

		private final Map<String, EmulatedAccessKey> keys = new LinkedHashMap<>();

		private final Map<String, String> secrets = new LinkedHashMap<>();

		private final Map<String, StoredAction> actions = new LinkedHashMap<>();

		private final Map<String, StoredPackage> packages = new LinkedHashMap<>();

		Entry(EmulatedNamespace namespace) {
			this.namespace = namespace;
		}

	}

}
