package io.sluice.platform.api;

/**
 * One Config API call: reads its JSON body and returns what the response carries ({@link #NO_CONTENT}
 * for a 204). The same handler answers HTTP requests and the web UI's in-process calls
 * ({@link Routes#call}); problems are thrown as {@link ApiException}s.
 */
@FunctionalInterface
public interface ApiHandler {
    /** Returned by calls that answer 204 No Content. */
    Object NO_CONTENT = new Object() {
        @Override
        public String toString() {
            return "no content";
        }
    };

    Object handle(Body body) throws Exception;

    /** A response that is not JSON, such as the Prometheus text format. */
    record Text(String contentType, String text) {}
}
