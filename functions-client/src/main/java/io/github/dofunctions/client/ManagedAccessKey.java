package io.github.dofunctions.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dofunctions.client.error.FunctionsInvalidResponseException;
import io.github.dofunctions.client.error.FunctionsNotFoundException;
import io.github.dofunctions.client.error.FunctionsOrphanedAccessKeyException;
import io.github.dofunctions.client.model.AccessKey;
import io.github.dofunctions.client.model.ApiOperation;
import io.github.dofunctions.client.model.CreateAccessKeyRequest;
import io.github.dofunctions.client.model.InvocationCredentials;
import io.github.dofunctions.client.model.ManagedAccessKeyInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The access key a client makes for itself to call one namespace's functions when it was
 * given none. DigitalOcean retired the namespace's shared key on 3 June 2026 (Functions
 * "Latest Updates", 13 March 2026): API hosts authenticate access keys only.
 * <p>
 * The key is created on first use through {@code createAccessKey}, named
 * {@code <prefix>-<application>-<instance>-<n>}, with the configured lifetime; its secret
 * stays in this object only. Concurrent first calls share one creation. Once
 * {@code renewBefore} of its lifetime is left, the next call starts making the next key
 * in the background and goes on with the current one, so no call waits for a renewal; a
 * call finds a key that has expired (an idle application) only waits for its replacement.
 * A key the API host refuses is replaced once (see {@link #replace}). Lifetimes are
 * measured on the client's clock from the moment the key was asked for, so that a
 * difference between the clocks cannot make a key look expired on arrival.
 * <p>
 * Every key made is deleted by {@link #close()}, on the client's shutdown. After each
 * renewal, and on shutdown, keys of the same prefix that expired (by more than the
 * clock-skew allowance) are deleted, whoever made them; a key still valid is never
 * deleted, whoever made it.
 */
final class ManagedAccessKey implements InvocationCredentialSource {

	private static final Log logger = LogFactory.getLog(ManagedAccessKey.class);

	/** Room for the difference between this machine's clock and DigitalOcean's. */
	static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(2);

	/** How long after a failed background renewal the next is tried. */
	static final Duration RENEWAL_RETRY_INTERVAL = Duration.ofMinutes(1);

	private final FunctionsOperations operations;

	private final String namespaceId;

	private final String namePrefix;

	private final String instanceName;

	private final Duration lifetime;

	private final Duration renewBefore;

	private final Clock clock;

	private final AtomicReference<@Nullable Mono<HeldKey>> key = new AtomicReference<>();

	private final AtomicInteger sequence = new AtomicInteger();

	private final AtomicBoolean renewing = new AtomicBoolean();

	private volatile Instant nextRenewalAttempt = Instant.MIN;

	/** The latest renewal, with the clean-up after it: awaited on shutdown. */
	private volatile Mono<Void> background = Mono.empty();

	/** The keys made and not yet deleted, by id: what {@link #keys()} tells. */
	private final Map<String, ManagedAccessKeyInfo> made = new ConcurrentHashMap<>();

	/**
	 * @param operations the control-plane client that makes and deletes the keys
	 * @param instanceName {@code <prefix>-<application>-<instance>}, to which each key's
	 * number is added
	 */
	ManagedAccessKey(FunctionsOperations operations, String namespaceId, String namePrefix, String instanceName,
			Duration lifetime, Duration renewBefore, Clock clock) {
		this.operations = operations;
		this.namespaceId = namespaceId;
		this.namePrefix = namePrefix;
		this.instanceName = instanceName;
		this.lifetime = lifetime;
		this.renewBefore = renewBefore;
		this.clock = clock;
	}

	@Override
	public Mono<InvocationCredentials> current() {
		return Mono.defer(() -> {
			Mono<HeldKey> held = held();
			return held.flatMap((key) -> {
				Instant now = this.clock.instant();
				if (!now.isBefore(key.expiresAt())) {
					return replace(held, key);
				}
				if (!now.isBefore(key.renewAt())) {
					renewInBackground(held, now);
				}
				return Mono.just(key);
			});
		}).map(HeldKey::credentials);
	}

	/**
	 * Replace the key the API host refused ({@code 401}: revoked, or expired earlier than
	 * this client thought); the function did not run, so the caller may repeat any
	 * request once. Callers refused together share one new key, and a key that was
	 * already replaced is not replaced again.
	 */
	@Override
	public Mono<InvocationCredentials> replace(InvocationCredentials refused) {
		return Mono.defer(() -> {
			Mono<HeldKey> held = held();
			return held.flatMap((key) -> key.credentials().equals(refused) ? replace(held, key) : Mono.just(key));
		}).map(HeldKey::credentials);
	}

	/**
	 * Describe the keys made and not yet deleted: the one in use, and one it replaced
	 * until it is deleted. Never their secrets.
	 * @return the keys, soonest to expire first
	 */
	List<ManagedAccessKeyInfo> keys() {
		return this.made.values()
			.stream()
			.sorted(Comparator
				.comparing(ManagedAccessKeyInfo::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(ManagedAccessKeyInfo::id))
			.toList();
	}

	/**
	 * Finish the renewal under way, then delete the keys of the prefix that expired and
	 * every key this object made, expired or not: called when the client shuts down. Keys
	 * that are already gone count as deleted. A later call makes a new key. Sends nothing
	 * if no key was made since the last close, so closing twice costs nothing.
	 * @return completes when every delete has been answered
	 */
	Mono<Void> close() {
		return this.background.then(Mono.defer(() -> {
			this.key.set(null);
			return this.made.isEmpty() ? Mono.empty() : deleteExpiredKeys().then(deleteMadeKeys());
		}));
	}

	private Mono<Void> deleteMadeKeys() {
		return Flux.fromIterable(List.copyOf(this.made.keySet()))
			.flatMap((keyId) -> this.operations.deleteAccessKey(this.namespaceId, keyId)
				.onErrorResume(FunctionsNotFoundException.class, (ex) -> Mono.empty())
				.doOnSuccess((done) -> {
					ManagedAccessKeyInfo key = this.made.remove(keyId);
					logger.info("Deleted access key " + ((key != null) ? described(key) : keyId)
							+ ", made to call the functions of namespace " + this.namespaceId + ", on shutdown");
				}))
			.then();
	}

	private Mono<HeldKey> held() {
		Mono<HeldKey> held = this.key.get();
		if (held != null) {
			return held;
		}
		Mono<HeldKey> first = creation();
		return this.key.compareAndSet(null, first) ? first : held();
	}

	private Mono<HeldKey> replace(Mono<HeldKey> held, HeldKey stale) {
		Mono<HeldKey> next = creation();
		Mono<HeldKey> current = this.key.compareAndSet(held, next) ? next : held();
		return current.flatMap((key) -> (key == stale) ? replace(current, key) : Mono.just(key));
	}

	private void renewInBackground(Mono<HeldKey> held, Instant now) {
		if (now.isBefore(this.nextRenewalAttempt) || !this.renewing.compareAndSet(false, true)) {
			return;
		}
		Mono<HeldKey> next = creation();
		Mono<Void> renewal = next.doOnNext((key) -> this.key.compareAndSet(held, next))
			.then(Mono.defer(this::deleteExpiredKeys))
			.onErrorResume((ex) -> {
				this.nextRenewalAttempt = this.clock.instant().plus(RENEWAL_RETRY_INTERVAL);
				logger.warn("Could not renew the access key of namespace " + this.namespaceId
						+ "; the current key is used until it expires: " + ex);
				return Mono.empty();
			})
			.doFinally((signal) -> this.renewing.set(false))
			.cache();
		this.background = renewal;
		renewal.subscribe();
	}

	/**
	 * Make a key: once, whoever subscribes, and not undone by a caller who cancels (a key
	 * made is recorded so that it is deleted on shutdown). A failure is not kept: the
	 * next subscriber makes another attempt.
	 */
	private Mono<HeldKey> creation() {
		return Mono.defer(() -> {
			String name = this.instanceName + "-" + this.sequence.incrementAndGet();
			Instant asked = this.clock.instant();
			CompletableFuture<HeldKey> created = this.operations
				.createAccessKey(this.namespaceId, CreateAccessKeyRequest.expiringAfter(name, this.lifetime))
				.doOnError(FunctionsOrphanedAccessKeyException.class,
						(ex) -> this.made.put(ex.orphanedKey().id(), info(ex.orphanedKey(), null)))
				.map((key) -> made(key, asked))
				.toFuture();
			return Mono.fromFuture(created, true);
		}).cacheInvalidateIf((key) -> false);
	}

	private HeldKey made(AccessKey key, Instant asked) {
		Instant expiresAt = asked.plus(this.lifetime);
		this.made.put(key.id(), info(key, expiresAt));
		if (key.secret() == null || key.secret().isBlank()) {
			throw new FunctionsInvalidResponseException(ApiOperation.CREATE_ACCESS_KEY.operationName(), 201,
					"the created access key " + key.id() + " carries no secret", null, null);
		}
		logger.info("Created access key " + described(key) + " to call the functions of namespace " + this.namespaceId
				+ "; it expires in " + this.lifetime);
		return new HeldKey(InvocationCredentials.accessKey(key.id(), key.secret()), expiresAt.minus(this.renewBefore),
				expiresAt);
	}

	private ManagedAccessKeyInfo info(AccessKey key, @Nullable Instant expiresAt) {
		return new ManagedAccessKeyInfo(this.namespaceId, key.id(), key.name(),
				(key.expiresAt() != null) ? key.expiresAt() : expiresAt);
	}

	private static String described(AccessKey key) {
		return described(key.id(), key.name());
	}

	private static String described(ManagedAccessKeyInfo key) {
		return described(key.id(), key.name());
	}

	private static String described(String id, @Nullable String name) {
		return (name != null) ? "'" + name + "' (" + id + ")" : id;
	}

	/**
	 * Delete the keys of this prefix that have expired, whoever made them: they
	 * authenticate nothing any more, and would otherwise pile up in the namespace. Best
	 * effort: a failure is logged and ends the clean-up.
	 */
	private Mono<Void> deleteExpiredKeys() {
		Instant expiredBefore = this.clock.instant().minus(CLOCK_SKEW_ALLOWANCE);
		return this.operations.listAccessKeys(this.namespaceId)
			.filter((key) -> key.name() != null && key.name().startsWith(this.namePrefix + "-")
					&& key.expiresAt() != null && key.expiresAt().isBefore(expiredBefore))
			.concatMap((key) -> this.operations.deleteAccessKey(this.namespaceId, key.id())
				.onErrorResume(FunctionsNotFoundException.class, (ex) -> Mono.empty())
				.doOnSuccess((done) -> {
					this.made.remove(key.id());
					logger.info("Deleted expired access key " + described(key) + " of namespace " + this.namespaceId);
				}))
			.then()
			.onErrorResume((ex) -> {
				logger.debug("Could not delete the expired access keys of namespace " + this.namespaceId + ": " + ex);
				return Mono.empty();
			});
	}

	@Override
	public String toString() {
		return "ManagedAccessKey[namespaceId=" + this.namespaceId + ", name=" + this.instanceName + "-*]";
	}

	/**
	 * A key in use: its credential, and when to renew and replace it.
	 */
	private record HeldKey(InvocationCredentials credentials, Instant renewAt, Instant expiresAt) {

	}

}
