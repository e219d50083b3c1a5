package io.github.dofunctions.test;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A real Redis server for one test class, on a free local port: the {@code redis-server}
 * binary that the embedded-redis test dependency ships, started by the test itself (no
 * Docker, nothing to install). Emptied before each test; may be stopped and started again
 * on the same port, as an outage.
 */
public final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private int port;

	private RedisServer server;

	private LettuceConnectionFactory connections;

	private ReactiveStringRedisTemplate template;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.port = StubbedFunctionsApi.unusedPort();
		this.server = RedisServer.newRedisServer()
			.port(this.port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		this.server.start();
		this.connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", this.port));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.template = new ReactiveStringRedisTemplate(this.connections);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (!this.server.isActive()) {
			start();
		}
		this.template.execute((connection) -> connection.serverCommands().flushAll()).blockLast();
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		this.connections.destroy();
		this.server.stop();
	}

	/**
	 * Return the port the server listens on.
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return a template on a connection to the server, which reconnects after an outage.
	 */
	public ReactiveStringRedisTemplate template() {
		return this.template;
	}

	/**
	 * Stop the server, as an outage.
	 */
	public void stop() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Start the server again, on the same port, empty.
	 */
	public void start() {
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
