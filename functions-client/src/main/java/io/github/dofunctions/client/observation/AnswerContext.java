package io.github.dofunctions.client.observation;

import java.util.function.ObjIntConsumer;

import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Carries, in the Reactor context of a call, where each answer of its attempts is
 * recorded: the HTTP layer writes the status and request id of the answers it reads,
 * the call layer reads them for its summary.
 */
public final class AnswerContext {

	private static final String KEY = AnswerContext.class.getName();

	private AnswerContext() {
	}

	/**
	 * Return a context in which answers go to the given recorder.
	 * @param context the context to add to
	 * @param recorder receives the request id and the status of each answer
	 * @return the new context
	 */
	public static Context with(Context context, ObjIntConsumer<@Nullable String> recorder) {
		return context.put(KEY, recorder);
	}

	/**
	 * Record an answer, if the context has a recorder.
	 * @param context the context of the call
	 * @param status the status of the answer
	 * @param requestId the request id the answer gave, or {@code null}
	 */
	public static void record(ContextView context, int status, @Nullable String requestId) {
		context.<ObjIntConsumer<@Nullable String>>getOrEmpty(KEY).ifPresent((recorder) -> recorder.accept(requestId, status));
	}

}
