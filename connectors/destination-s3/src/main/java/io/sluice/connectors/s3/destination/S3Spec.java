package io.sluice.connectors.s3.destination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The config schema of destination-s3 ({@code spec.json}), with the field names of Airbyte's S3 destination. */
final class S3Spec {
    static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/destinations/s3";
    private static final ObjectNode SCHEMA = load();

    private S3Spec() {}

    static ConnectorSpecification specification() {
        return ConnectorSpecification.ofDestination(DOCUMENTATION_URL, schema(),
                List.of(DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND), false);
    }

    static ObjectNode schema() {
        return SCHEMA.deepCopy();
    }

    private static ObjectNode load() {
        try (InputStream in = S3Spec.class.getResourceAsStream("spec.json")) {
            if (in == null) {
                throw new IllegalStateException("spec.json is missing from the class path");
            }
            return (ObjectNode) MessageCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw ConnectorException.system("destination-s3's spec.json cannot be read", e);
        }
    }
}
