package io.sluice.connectors.postgres.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.DbtProfile;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.Secret;
import io.sluice.cdk.SqlRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The destination's SQL runner and dbt profile, against the local PostgreSQL. */
class PostgresSqlStepsIT {
    private final TestDatabase db = new TestDatabase(PostgresSqlStepsIT.class);
    private final PostgresDestination destination = new PostgresDestination();

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void statementsRunInTheConfiguredSchemaAndCommitOneByOne() {
        String schema = db.newSchema();
        TestDatabase.execute("create schema " + schema);
        try (SqlRunner sql = destination.sqlRunner(TestDatabase.config(schema)).orElseThrow()) {
            assertThat(sql.execute("create table _airbyte_raw_customers (_airbyte_data jsonb)")).isEqualTo("done");
            assertThat(sql.execute("insert into _airbyte_raw_customers values ('{\"id\": \"7\"}'), ('{\"id\": \"9\"}')"))
                    .isEqualTo("2 rows affected");
            sql.execute("create or replace view stg_customers as select (_airbyte_data->>'id')::int as customer_id"
                    + " from _airbyte_raw_customers");
            assertThatThrownBy(() -> sql.execute("select * from no_such_table"))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.getMessage()).contains("relation \"no_such_table\" does not exist");
                        assertThat(e.kind()).isNotEqualTo(FailureKind.TRANSIENT);
                    });
            sql.execute("insert into _airbyte_raw_customers values ('{\"id\": \"11\"}')");
        }
        assertThat(TestDatabase.query("select customer_id from " + schema + ".stg_customers order by 1"))
                .extracting(row -> row.get("customer_id")).containsExactly(7, 9, 11);
    }

    @Test
    void anUnreachableServerIsTransient() {
        ObjectNode config = TestDatabase.config("public").put("port", 1);
        assertThatThrownBy(() -> destination.sqlRunner(config))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT));
    }

    @Test
    void dbtProfileHasTheConnectionFieldsWithThePasswordAsASecret() {
        ObjectNode config = TestDatabase.config("analytics").put("password", "pw-Secret-17");
        DbtProfile profile = destination.dbtProfile(config).orElseThrow();
        assertThat(profile.type()).isEqualTo("postgres");
        assertThat(profile.fields()).containsEntry("host", TestDatabase.HOST).containsEntry("port", TestDatabase.PORT)
                .containsEntry("user", "postgres").containsEntry("dbname", "test").containsEntry("schema", "analytics")
                .containsEntry("password", Secret.of("pw-Secret-17"));
        assertThat(profile.toString()).doesNotContain("pw-Secret-17");
        assertThat(profile.revealedFields()).containsEntry("type", "postgres").containsEntry("password", "pw-Secret-17");
        assertThat(List.of(profile.rawDatabase(), profile.rawSchema())).containsExactly("test", "analytics");
        assertThat(Map.copyOf(profile.revealedFields())).containsKey("sslmode");
    }
}
