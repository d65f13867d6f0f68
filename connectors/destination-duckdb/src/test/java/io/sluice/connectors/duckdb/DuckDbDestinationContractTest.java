package io.sluice.connectors.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.Destination;
import io.sluice.cdk.testkit.DestinationContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The shared destination contract, read back from the normalized (typed) table. */
class DuckDbDestinationContractTest extends DestinationContractTest {

    @TempDir
    Path dir;

    @Override
    protected Destination destination() {
        return new DuckDbDestination();
    }

    @Override
    protected JsonNode validConfig() {
        return DuckDbFixtures.config(dir.resolve("contract.duckdb"));
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        try {
            Path text = Files.writeString(dir.resolve("text.duckdb"), "not a database\n".repeat(200));
            return List.of(
                    json.objectNode(),
                    json.objectNode().put("destination_path", dir.toString()),
                    json.objectNode().put("destination_path", text.toString()),
                    DuckDbFixtures.config(dir.resolve("ok.duckdb")).put("normalization", "fancy"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected List<Map<String, Object>> readBack(JsonNode config, String namespace, String streamName) {
        String schema = TableDdl.NAMES.identifier(namespace == null ? config.path("schema").asText("main") : namespace);
        String table = TableDdl.qualified(schema, TableDdl.NAMES.identifier(streamName));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + config.path("destination_path").asText());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read back " + table, e);
        }
    }
}
