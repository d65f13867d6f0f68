package io.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a connector needs to be configured: a JSON schema of its config, and what it supports. */
public record ConnectorSpecification(
        @JsonProperty("protocol_version") Optional<String> protocolVersion,
        @JsonProperty("documentationUrl") Optional<String> documentationUrl,
        @JsonProperty("changelogUrl") Optional<String> changelogUrl,
        @JsonProperty("connectionSpecification") ObjectNode connectionSpecification,
        @JsonProperty("supportsIncremental") Optional<Boolean> supportsIncremental,
        @JsonProperty("supportsNormalization") Optional<Boolean> supportsNormalization,
        @JsonProperty("supportsDBT") Optional<Boolean> supportsDbt,
        @JsonProperty("supported_destination_sync_modes") List<DestinationSyncMode> supportedDestinationSyncModes,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknownFields) {

    public ConnectorSpecification {
        protocolVersion = protocolVersion == null ? Optional.empty() : protocolVersion;
        documentationUrl = documentationUrl == null ? Optional.empty() : documentationUrl;
        changelogUrl = changelogUrl == null ? Optional.empty() : changelogUrl;
        requireNonNull(connectionSpecification, "connectionSpecification");
        supportsIncremental = supportsIncremental == null ? Optional.empty() : supportsIncremental;
        supportsNormalization = supportsNormalization == null ? Optional.empty() : supportsNormalization;
        supportsDbt = supportsDbt == null ? Optional.empty() : supportsDbt;
        supportedDestinationSyncModes = supportedDestinationSyncModes == null
                ? List.of()
                : List.copyOf(supportedDestinationSyncModes);
        unknownFields = Unknown.copy(unknownFields);
    }

    /** A source's spec: its config schema and whether it reads incrementally. */
    public static ConnectorSpecification ofSource(String documentationUrl, ObjectNode schema, boolean incremental) {
        return new ConnectorSpecification(Optional.of("0.2.0"), Optional.ofNullable(documentationUrl),
                Optional.empty(), schema, Optional.of(incremental), Optional.empty(), Optional.empty(),
                List.of(), Map.of());
    }

    /** A destination's spec: its config schema, the sync modes it writes, whether it normalizes. */
    public static ConnectorSpecification ofDestination(String documentationUrl, ObjectNode schema,
            List<DestinationSyncMode> modes, boolean normalization) {
        return new ConnectorSpecification(Optional.of("0.2.0"), Optional.ofNullable(documentationUrl),
                Optional.empty(), schema, Optional.empty(), Optional.of(normalization), Optional.of(false),
                modes, Map.of());
    }
}
