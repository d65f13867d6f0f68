package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Source;
import io.sluice.cdk.testkit.SourceContractTest;
import io.sluice.protocol.AirbyteStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** source-postgres against the contract every source passes, on a schema of its own. */
class PostgresSourceContractIT extends SourceContractTest {
    private PgTestSchema db;

    @BeforeEach
    void createTables() {
        db = new PgTestSchema(getClass());
        db.sql("CREATE TABLE $s.users (id bigserial PRIMARY KEY, name text, updated_at timestamptz NOT NULL)",
                "INSERT INTO $s.users (name, updated_at) SELECT 'user ' || g, "
                        + "timestamptz '2024-01-01 00:00:00+00' + (g / 3) * interval '1 minute' FROM generate_series(1, 500) g",
                "CREATE VIEW $s.user_names AS SELECT id, name FROM $s.users");
    }

    @AfterEach
    void dropSchema() {
        db.close();
    }

    @Override
    protected Source source() {
        return new PostgresSource();
    }

    @Override
    protected JsonNode validConfig() {
        return db.config();
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode wrongDatabase = db.config().put("database", "no_such_db_" + db.name());
        ObjectNode wrongPort = db.config().put("port", 1);
        ObjectNode missingSchema = db.config();
        missingSchema.putArray("schemas").add("no_such_schema");
        return List.of(json.objectNode(), db.config().put("port", "5432x"), wrongDatabase, wrongPort, missingSchema,
                json.arrayNode());
    }

    @Override
    protected List<String> cursorFieldFor(AirbyteStream stream) {
        return stream.name().equals("users") ? List.of("updated_at") : List.of("id");
    }
}
