package io.github.dofunctions.autoconfigure.provisioning;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link FunctionsAdmin}'s start-up provisioning once the singletons exist and
 * before the web server takes traffic.
 * <p>
 * A lifecycle rather than {@code SmartInitializingSingleton} (which {@code KafkaAdmin}
 * uses): it then runs after the HTTP connector's own lifecycle, Spring's Reactor Netty
 * resources and connector (phases 0 and 1) and the client's (8), so the calls go out on
 * started resources, and before the web server (which starts at
 * {@code SmartLifecycle.DEFAULT_PHASE - 2048}) and any message listener container, so no
 * request or message finds the namespace missing. A failure fails the context's refresh,
 * and so start-up.
 */
final class FunctionsAdminLifecycle implements SmartLifecycle {

	/**
	 * After the client's resources, before anything that serves requests.
	 */
	static final int PHASE = 16;

	private final ObjectProvider<FunctionsAdmin> admins;

	private volatile boolean running;

	FunctionsAdminLifecycle(ObjectProvider<FunctionsAdmin> admins) {
		this.admins = admins;
	}

	@Override
	public void start() {
		if (!this.running) {
			this.admins.orderedStream().forEach(FunctionsAdmin::provisionAtStartup);
			this.running = true;
		}
	}

	@Override
	public void stop() {
		this.running = false;
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
