package io.sluice.connectors.dremio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.protocol.ConnectorSpecification;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.MessageCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The config schema of destination-dremio ({@code spec.json}): Dremio's sign-in, the seed's Project/Dataset, S3 staging. */
final class DremioSpec {
    static final String DOCUMENTATION_URL = "https://docs.dremio.com/current/reference/api/";
    private static final ObjectNode SCHEMA = load();

    private DremioSpec() {}

    static ConnectorSpecification specification() {
        return ConnectorSpecification.ofDestination(DOCUMENTATION_URL, schema(),
                List.of(DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND), false);
    }

    static ObjectNode schema() {
        return SCHEMA.deepCopy();
    }

    private static ObjectNode load() {
        try (InputStream in = DremioSpec.class.getResourceAsStream("spec.json")) {
            if (in == null) {
                throw new IllegalStateException("spec.json is missing from the class path");
            }
            return (ObjectNode) MessageCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw ConnectorException.system("destination-dremio's spec.json cannot be read", e);
        }
    }
}
