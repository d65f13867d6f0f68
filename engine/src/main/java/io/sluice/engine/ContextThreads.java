package io.sluice.engine;

import java.util.Map;
import org.slf4j.MDC;

/**
 * Starts the engine's helper threads as daemons that carry the creating thread's MDC (jobId,
 * attempt, connection), so every log line of a sync can be found, whichever thread wrote it.
 */
final class ContextThreads {
    private ContextThreads() {}

    /** A daemon thread, not started, running {@code body} under the caller's MDC. */
    static Thread create(String name, Runnable body) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        Thread thread = new Thread(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                body.run();
            } finally {
                MDC.clear();
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }
}
