package io.github.dofunctions.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.github.dofunctions.client.resilience.BudgetStore;
import io.github.dofunctions.client.resilience.FallbackBudgetStore;
import io.github.dofunctions.client.resilience.LocalBudgetStore;
import io.github.dofunctions.client.resilience.redis.RedisBudgetStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Auto-configuration of one rate-limit budget for every instance that uses the token,
 * kept in Redis through the application's reactive Redis connection
 * ({@code do.functions.rate-limit.store=redis}), with a local share of it while Redis
 * does not answer. Without Spring Data Redis, {@link FunctionsAutoConfiguration} says at
 * start-up what is missing.
 */
@AutoConfiguration(before = FunctionsAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration" })
@ConditionalOnClass({ ReactiveStringRedisTemplate.class, RedisBudgetStore.class })
@ConditionalOnBooleanProperty(name = "do.functions.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "do.functions.rate-limit.store", havingValue = "redis")
@EnableConfigurationProperties(FunctionsProperties.class)
public final class FunctionsRedisBudgetStoreAutoConfiguration {

	/** How long a booking may take in Redis before the local share takes over. */
	static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);

	/** How long after Redis failed it is tried again. */
	static final Duration REDIS_RETRY_AFTER = Duration.ofSeconds(5);

	/**
	 * Create the auto-configuration; Spring Boot instantiates it.
	 */
	public FunctionsRedisBudgetStoreAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	BudgetStore functionsBudgetStore(FunctionsProperties properties,
			ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
		ReactiveRedisConnectionFactory connections = connectionFactory.getIfAvailable();
		if (connections == null) {
			throw new InvalidConfigurationPropertyValueException("do.functions.rate-limit.store", "redis",
					"a budget shared through Redis needs a reactive Redis connection: add "
							+ "spring-boot-starter-data-redis-reactive, and spring.data.redis.* to reach the server");
		}
		return new FallbackBudgetStore(
				new RedisBudgetStore(new ReactiveStringRedisTemplate(connections), RedisBudgetStore.DEFAULT_KEY_PREFIX),
				new LocalBudgetStore(), properties.getRateLimit().getFallbackShare(), REDIS_TIMEOUT, REDIS_RETRY_AFTER,
				Clock.systemUTC());
	}

}
