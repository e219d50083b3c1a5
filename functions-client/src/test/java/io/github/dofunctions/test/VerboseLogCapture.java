package io.github.dofunctions.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Sets every logger of the client and its HTTP stack to TRACE for one test and keeps what
 * they write, to check that no secret reaches a log.
 */
public final class VerboseLogCapture implements BeforeEachCallback, AfterEachCallback {

	/** The client, Spring's web and codec layers, Reactor Netty and Netty. */
	public static final List<String> VERBOSE_LOGGERS = List.of("io.github.dofunctions", "org.springframework.web",
			"org.springframework.http", "org.springframework.core.codec", "reactor.netty", "io.netty");

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Map<String, Level> previousLevels = new HashMap<>();

	@Override
	public void beforeEach(ExtensionContext context) {
		this.log.start();
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		for (String name : VERBOSE_LOGGERS) {
			Logger logger = loggers.getLogger(name);
			this.previousLevels.put(name, logger.getLevel());
			logger.setLevel(Level.TRACE);
			logger.setAdditive(false);
			logger.addAppender(this.log);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		for (String name : VERBOSE_LOGGERS) {
			Logger logger = loggers.getLogger(name);
			logger.detachAppender(this.log);
			logger.setAdditive(true);
			logger.setLevel(this.previousLevels.get(name));
		}
		this.log.stop();
	}

	/**
	 * Return what was logged so far: each event's logger and message, and its stack
	 * trace.
	 */
	public String text() {
		List<ILoggingEvent> events;
		// Netty's threads may still be logging (connections going back to the pool);
		// the appender adds events while holding its own lock.
		synchronized (this.log) {
			events = new ArrayList<>(this.log.list);
		}
		StringBuilder text = new StringBuilder();
		for (ILoggingEvent event : events) {
			text.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
			if (event.getThrowableProxy() != null) {
				text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
			}
		}
		return text.toString();
	}

	/**
	 * Describe values as a user would meet them: their {@code toString()}, and for an
	 * exception every message down its causes.
	 */
	public static String describe(List<?> values) {
		StringBuilder text = new StringBuilder();
		for (Object value : values) {
			text.append(value).append('\n');
			if (value instanceof Throwable ex) {
				for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
					text.append(cause.getMessage()).append('\n');
				}
			}
		}
		return text.toString();
	}

}
