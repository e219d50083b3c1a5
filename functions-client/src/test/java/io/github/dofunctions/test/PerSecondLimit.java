package io.github.dofunctions.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock extension that enforces a burst limit the way DigitalOcean's per-minute
 * limit does, scaled to a second: a request beyond the limit in any rolling second is
 * answered {@code 429} with {@code retry-after: 1}, and not counted.
 */
public final class PerSecondLimit implements ResponseDefinitionTransformerV2 {

	private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

	private final int perSecond;

	private final Deque<Long> accepted = new ArrayDeque<>();

	public PerSecondLimit(int perSecond) {
		this.perSecond = perSecond;
	}

	@Override
	public String getName() {
		return "per-second-limit";
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		synchronized (this.accepted) {
			long now = System.nanoTime();
			while (!this.accepted.isEmpty() && now - this.accepted.peekFirst() >= WINDOW_NANOS) {
				this.accepted.pollFirst();
			}
			if (this.accepted.size() >= this.perSecond) {
				return StubbedFunctionsApi
					.json(429, "{\"id\": \"too_many_requests\", \"message\": \"API rate limit exceeded.\"}")
					.withHeader("retry-after", "1")
					.build();
			}
			this.accepted.addLast(now);
		}
		return serveEvent.getResponseDefinition();
	}

}
