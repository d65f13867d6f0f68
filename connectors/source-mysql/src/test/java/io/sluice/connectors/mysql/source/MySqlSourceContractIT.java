package io.sluice.connectors.mysql.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.cdk.Source;
import io.sluice.cdk.testkit.SourceContractTest;
import io.sluice.protocol.AirbyteStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** source-mysql against the contract every source passes, on a MariaDB database of its own. */
class MySqlSourceContractIT extends SourceContractTest {
    private MySqlTestDatabase db;

    @BeforeEach
    void createTables() {
        db = new MySqlTestDatabase(getClass());
        db.sql("CREATE TABLE users (id bigint AUTO_INCREMENT PRIMARY KEY, name varchar(100), "
                        + "updated_at timestamp(3) NOT NULL)",
                "INSERT INTO users (name, updated_at) SELECT CONCAT('user ', seq), "
                        + "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (seq DIV 3) MINUTE FROM seq_1_to_500",
                "CREATE VIEW user_names AS SELECT id, name FROM users");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Override
    protected Source source() {
        return new MySqlSource();
    }

    @Override
    protected JsonNode validConfig() {
        return db.config();
    }

    @Override
    protected List<JsonNode> invalidConfigs() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return List.of(json.objectNode(), db.config().put("port", "3306x"),
                db.config().put("database", "no_such_db_" + db.name()), db.config().put("port", 1),
                db.config().put("password", "wrong"), json.arrayNode());
    }

    @Override
    protected List<String> cursorFieldFor(AirbyteStream stream) {
        return stream.name().equals("users") ? List.of("updated_at") : List.of("id");
    }
}
