package io.github.dofunctions.autoconfigure;

import io.github.dofunctions.client.FunctionsTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the application's {@link FunctionsTemplate}s when it stops, so that the access
 * keys they made are deleted while their HTTP connectors can still send. A destroy method
 * would run too late: Spring stops its Reactor Netty connector and resources, shared with
 * a reactive web server, in lifecycle phases 1 and 0, before it destroys any bean.
 */
final class FunctionsTemplateLifecycle implements SmartLifecycle {

	/**
	 * Stopped after every component of a higher phase, the web server's graceful shutdown
	 * among them (so no request still uses a key), and before Spring's Reactor Netty
	 * connector (phase 1) and resources (phase 0).
	 */
	static final int PHASE = 8;

	private final ObjectProvider<FunctionsTemplate> templates;

	private volatile boolean running;

	FunctionsTemplateLifecycle(ObjectProvider<FunctionsTemplate> templates) {
		this.templates = templates;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.templates.orderedStream().forEach(FunctionsTemplate::close);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
