package io.sluice.connectors.postgres.destination;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.Destination;
import io.sluice.cdk.normalization.TableNames;
import io.sluice.cdk.testkit.DestinationContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The shared destination contract on a real PostgreSQL, read back from the normalized table. */
class PostgresDestinationContractIT extends DestinationContractTest {
    private final TestDatabase database = new TestDatabase(PostgresDestinationContractIT.class);

    @AfterEach
    void dropSchemas() {
        database.close();
    }

    @Override
    protected Destination destination() {
        return new PostgresDestination();
    }

    @Override
    protected JsonNode validConfig() {
        return database.config();
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        return List.of(
                database.config().without("host"),
                database.config().put("database", "no_such_database_sluice"),
                database.config().put("username", "no_such_role_sluice"),
                database.config().put("port", closedPort()),
                database.config().put("normalization", "fancy"),
                database.config().put("normalization", "none").put("raw_tables", false));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected List<Map<String, Object>> readBack(JsonNode config, String namespace, String streamName) {
        String schema = namespace == null ? config.path("schema").asText() : namespace;
        return TestDatabase.query("SELECT * FROM " + TableNames.quote(schema) + "."
                + TableNames.quote(PostgresConfig.NAMES.identifier(streamName)));
    }
}
