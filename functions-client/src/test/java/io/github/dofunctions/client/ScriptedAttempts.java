package io.github.dofunctions.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Stands in for the HTTP call: each subscription is one attempt "sent to the server",
 * answered by the next step of a script; the last step answers every attempt after it.
 */
final class ScriptedAttempts<T> {

	private final Deque<Supplier<Mono<T>>> script = new ArrayDeque<>();

	private final AtomicInteger sent = new AtomicInteger();

	ScriptedAttempts<T> thenFail(Throwable failure) {
		this.script.add(() -> Mono.error(failure));
		return this;
	}

	ScriptedAttempts<T> thenAnswer(T value) {
		this.script.add(() -> Mono.just(value));
		return this;
	}

	ScriptedAttempts<T> thenAnswerEmpty() {
		this.script.add(Mono::empty);
		return this;
	}

	/**
	 * One request: a cold publisher; every subscription counts as a request sent.
	 */
	Mono<T> send() {
		return Mono.defer(() -> {
			this.sent.incrementAndGet();
			Supplier<Mono<T>> step = (this.script.size() > 1) ? this.script.poll() : this.script.peek();
			if (step == null) {
				return Mono.error(new IllegalStateException("script exhausted"));
			}
			return step.get();
		});
	}

	int sent() {
		return this.sent.get();
	}

}
