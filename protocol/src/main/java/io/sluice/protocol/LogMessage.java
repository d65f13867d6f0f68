package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** A LOG line from a connector. */
public record LogMessage(
        @JsonProperty("level") Level level,
        @JsonProperty("message") String message,
        @JsonProperty("stack_trace") Optional<String> stackTrace,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields)
        implements Message {

    public LogMessage {
        requireNonNull(level, "level");
        requireNonNull(message, "message");
        stackTrace = stackTrace == null ? Optional.empty() : stackTrace;
        unknownFields = Unknown.copy(unknownFields);
    }

    public LogMessage(Level level, String message) {
        this(level, message, Optional.empty(), Map.of());
    }

    public enum Level {
        FATAL,
        ERROR,
        WARN,
        INFO,
        DEBUG,
        TRACE
    }
}
