package io.github.dofunctions.client.resilience.redis;

import java.time.Duration;
import java.util.List;

import io.github.dofunctions.client.resilience.BudgetStore;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * Keeps the bookings of rate-limit budgets in Redis, so that every instance of an
 * application that uses one token shares DigitalOcean's budget, which is counted per
 * token. Each scope is a sorted set of its bookings, scored by the time Redis gave them
 * (Redis's clock, so that the instances' clocks need not agree); each booking is one Lua
 * script, atomic, non-blocking.
 */
public final class RedisBudgetStore implements BudgetStore {

	/** Default prefix of the keys: {@code do-functions:budget:} and the scope. */
	public static final String DEFAULT_KEY_PREFIX = "do-functions:budget:";

	private static final String NOW = """
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			""";

	/**
	 * Forget the bookings that left the window; book if fewer than the limit remain (0),
	 * else answer how many milliseconds until the oldest leaves.
	 */
	private static final RedisScript<Long> BOOK = RedisScript.of(NOW + """
			local window = tonumber(ARGV[2])
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
			if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
				redis.call('ZADD', KEYS[1], now, ARGV[3])
				redis.call('PEXPIRE', KEYS[1], window)
				return 0
			end
			local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
			return math.max(1, tonumber(oldest[2]) + window - now)
			""", Long.class);

	/** Count a booking from now, if it is still there. */
	private static final RedisScript<Long> TOUCH = RedisScript.of(NOW + """
			if redis.call('ZADD', KEYS[1], 'XX', 'CH', now, ARGV[1]) == 1 then
				redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
			end
			return 0
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	/**
	 * Create a store.
	 * @param redis the template of the Redis connection
	 * @param keyPrefix the prefix of the keys, {@link #DEFAULT_KEY_PREFIX} by default
	 */
	public RedisBudgetStore(ReactiveStringRedisTemplate redis, String keyPrefix) {
		Assert.notNull(redis, "redis must not be null");
		Assert.hasText(keyPrefix, "keyPrefix must not be blank");
		this.redis = redis;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Mono<Duration> book(String scope, String booking, int limit, Duration window) {
		return this.redis
			.execute(BOOK, List.of(key(scope)),
					List.of(String.valueOf(limit), String.valueOf(window.toMillis()), booking))
			.next()
			.map(Duration::ofMillis);
	}

	@Override
	public Mono<Void> touch(String scope, String booking, Duration window) {
		return this.redis.execute(TOUCH, List.of(key(scope)), List.of(booking, String.valueOf(window.toMillis())))
			.then();
	}

	@Override
	public Mono<Void> release(String scope, String booking) {
		return this.redis.opsForZSet().remove(key(scope), booking).then();
	}

	private String key(String scope) {
		return this.keyPrefix + scope;
	}

	@Override
	public String toString() {
		return "RedisBudgetStore[" + this.keyPrefix + "*]";
	}

}
