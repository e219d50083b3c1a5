package io.github.dofunctions.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * The log of a function's process: every line of its standard output and error becomes a
 * line of the activation's log, up to DigitalOcean's limit of 256 KB of logs per
 * invocation (docs.digitalocean.com/products/functions/details/limits). Past it, the rest
 * is read and dropped, and one line says so in OpenWhisk's words
 * ({@code apache/openwhisk common/scala/.../http/Messages.scala}, {@code truncateLogs}).
 * Both streams share the limit.
 */
final class ProcessLogs {

	/** DigitalOcean's limit: 256 KB of logs per invocation. */
	static final int LIMIT_BYTES = 256 * 1024;

	private final FunctionCall call;

	private int remaining = LIMIT_BYTES;

	private boolean truncated;

	ProcessLogs(FunctionCall call) {
		this.call = call;
	}

	/**
	 * Read a stream to its end, logging its lines.
	 * @param stream "stdout" or "stderr"
	 * @param in the process's stream
	 */
	void drain(String stream, InputStream in) {
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			StringBuilder line = new StringBuilder();
			boolean dropping = false;
			char[] buffer = new char[8192];
			for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
				for (int i = 0; i < read; i++) {
					char c = buffer[i];
					if (c == '\n') {
						if (!dropping) {
							log(stream, line);
						}
						line.setLength(0);
						dropping = false;
					}
					else if (!dropping) {
						line.append(c);
						// A line longer than what is left cannot be logged whole
						if (line.length() > LIMIT_BYTES) {
							log(stream, line);
							line.setLength(0);
							dropping = true;
						}
					}
				}
			}
			if (line.length() > 0 && !dropping) {
				log(stream, line);
			}
		}
		catch (IOException ex) {
			// The stream was closed once the process ended: the rest is lost, as on the
			// platform when a container goes
		}
	}

	private synchronized void log(String stream, CharSequence text) {
		String line = stripReturn(text);
		int bytes = line.getBytes(StandardCharsets.UTF_8).length;
		if (bytes <= this.remaining) {
			this.remaining -= bytes;
			this.call.log(stream, line);
		}
		else if (!this.truncated) {
			this.truncated = true;
			this.remaining = 0;
			this.call.log("stderr",
					"Logs were truncated because the total bytes size exceeds the limit of " + LIMIT_BYTES + " bytes.");
		}
	}

	private static String stripReturn(CharSequence text) {
		int end = text.length();
		return (end > 0 && text.charAt(end - 1) == '\r') ? text.subSequence(0, end - 1).toString() : text.toString();
	}

}
