package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * A CONTROL message: a connector asks the platform to persist a new config (for example a
 * refreshed OAuth token).
 */
public record ControlMessage(
        @JsonProperty("type") ControlType type,
        @JsonProperty("emitted_at") double emittedAt,
        @JsonProperty("connectorConfig") Optional<ConnectorConfig> connectorConfig,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields)
        implements Message {

    public ControlMessage {
        requireNonNull(type, "type");
        connectorConfig = connectorConfig == null ? Optional.empty() : connectorConfig;
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ControlMessage connectorConfig(ObjectNode config, double emittedAt) {
        return new ControlMessage(
                ControlType.CONNECTOR_CONFIG, emittedAt, Optional.of(new ConnectorConfig(config)), Map.of());
    }

    public enum ControlType {
        CONNECTOR_CONFIG
    }

    public record ConnectorConfig(
            @JsonProperty("config") ObjectNode config,
            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {
        public ConnectorConfig {
            requireNonNull(config, "config");
            unknownFields = Unknown.copy(unknownFields);
        }

        public ConnectorConfig(ObjectNode config) {
            this(config, Map.of());
        }
    }
}
