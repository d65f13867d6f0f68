package io.sluice.connectors.declarative;

import io.sluice.cdk.FailureKind;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do with a response ({@code DefaultErrorHandler}): the manifest's
 * {@code response_filters} first, then the defaults: 2xx/3xx succeed, 429 and 5xx are retried,
 * 401/403 fail as a config problem, other 4xx fail the stream. Retries wait as the server's
 * {@code Retry-After} says (seconds or an HTTP date), else as the {@code backoff_strategies} say
 * (exponential by default), at most {@code max_retries} times.
 */
record ErrorHandler(List<ResponseFilter> filters, int maxRetries, Backoff backoff) {
    static final int DEFAULT_MAX_RETRIES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    enum Action { SUCCESS, IGNORE, RETRY, FAIL }

    /** The decision for one response. */
    record Decision(Action action, FailureKind kind, Optional<String> message) {}

    /** One {@code HttpResponseFilter}: matching status codes or body text, and what to do. */
    record ResponseFilter(Action action, Set<Integer> httpCodes, Optional<String> errorMessageContains,
            Optional<Template> predicate, Optional<String> errorMessage, Optional<FailureKind> failureType) {}

    /** How long to wait before retry number {@code attempt} (1 for the first retry). */
    interface Backoff {
        Duration waitBefore(int attempt, ApiResponse response);
    }

    /** {@code ExponentialBackoffStrategy}: {@code factor * 2^(attempt-1)} seconds. */
    record Exponential(double factorSeconds) implements Backoff {
        public Duration waitBefore(int attempt, ApiResponse response) {
            return Duration.ofMillis(Math.round(factorSeconds * 1000 * Math.pow(2, attempt - 1)));
        }
    }

    /** {@code ConstantBackoffStrategy}: the same wait each time. */
    record Constant(double seconds) implements Backoff {
        public Duration waitBefore(int attempt, ApiResponse response) {
            return Duration.ofMillis(Math.round(seconds * 1000));
        }
    }

    /** {@code WaitTimeFromHeader}: seconds from a response header (optionally through a regex). */
    record FromHeader(String header, Optional<Pattern> regex, Backoff fallback) implements Backoff {
        public Duration waitBefore(int attempt, ApiResponse response) {
            return response == null ? fallback.waitBefore(attempt, null)
                    : response.header(header).flatMap(v -> seconds(v, regex)).orElseGet(() -> fallback.waitBefore(attempt, response));
        }
    }

    static ErrorHandler defaults() {
        return new ErrorHandler(List.of(), DEFAULT_MAX_RETRIES, new Exponential(5));
    }

    Decision decide(ApiResponse response, TemplateVars vars) {
        for (ResponseFilter filter : filters) {
            if (matches(filter, response, vars)) {
                return new Decision(filter.action(),
                        filter.failureType().orElse(defaultKind(response.status())), filter.errorMessage());
            }
        }
        int status = response.status();
        if (status < 400) {
            return new Decision(Action.SUCCESS, FailureKind.SYSTEM, Optional.empty());
        }
        if (status == 429 || status >= 500) {
            return new Decision(Action.RETRY, FailureKind.TRANSIENT, Optional.empty());
        }
        return new Decision(Action.FAIL, defaultKind(status), Optional.empty());
    }

    private static FailureKind defaultKind(int status) {
        return status == 401 || status == 403 ? FailureKind.CONFIG
                : status == 429 || status >= 500 ? FailureKind.TRANSIENT : FailureKind.SYSTEM;
    }

    private static boolean matches(ResponseFilter filter, ApiResponse response, TemplateVars vars) {
        if (!filter.httpCodes().isEmpty() && !filter.httpCodes().contains(response.status())) {
            return false;
        }
        if (filter.errorMessageContains().isPresent() && !response.body().contains(filter.errorMessageContains().get())) {
            return false;
        }
        if (filter.predicate().isPresent()) {
            TemplateVars withResponse = vars.with("response", safePlain(response)).with("headers", response.templateHeaders());
            return filter.predicate().get().test(withResponse);
        }
        return !filter.httpCodes().isEmpty() || filter.errorMessageContains().isPresent();
    }

    private static Object safePlain(ApiResponse response) {
        try {
            return response.plain("");
        } catch (RuntimeException notJson) {
            return Map.of();
        }
    }

    /** The wait before retry {@code attempt}: the server's Retry-After if given, else the backoff. */
    Duration waitBefore(int attempt, ApiResponse response) {
        Optional<Duration> retryAfter = response == null ? Optional.empty()
                : response.header("Retry-After").flatMap(v -> seconds(v, Optional.empty()));
        return retryAfter.orElseGet(() -> backoff.waitBefore(attempt, response));
    }

    /** Seconds ("120", "1.5") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT") as a wait from now. */
    static Optional<Duration> seconds(String value, Optional<Pattern> regex) {
        String text = value.strip();
        if (regex.isPresent()) {
            Matcher m = regex.get().matcher(text);
            if (!m.find()) {
                return Optional.empty();
            }
            text = m.groupCount() > 0 ? m.group(1) : m.group();
        }
        try {
            double seconds = Double.parseDouble(text);
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(seconds * 1000))));
        } catch (NumberFormatException notANumber) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    static String truncate(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }
}
