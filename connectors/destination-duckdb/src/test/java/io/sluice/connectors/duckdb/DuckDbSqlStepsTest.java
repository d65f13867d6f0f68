package io.sluice.connectors.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.DbtProfile;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.SqlRunner;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The destination's SQL runner (DuckDB's JSON syntax) and dbt profile on a real DuckDB file. */
class DuckDbSqlStepsTest {
    @TempDir
    Path dir;

    private final DuckDbDestination destination = new DuckDbDestination();

    @Test
    void statementsRunInTheConfiguredSchema() throws SQLException {
        Path file = dir.resolve("steps.duckdb");
        var config = DuckDbFixtures.config(file).put("schema", "raw");
        try (SqlRunner sql = destination.sqlRunner(config).orElseThrow()) {
            sql.execute("create table _airbyte_raw_customers (_airbyte_data json)");
            assertThat(sql.execute("insert into _airbyte_raw_customers values ('{\"id\": 3}'), ('{\"id\": 5}')"))
                    .isEqualTo("2 rows affected");
            assertThat(sql.execute("create or replace view stg_customers as select "
                    + "cast(_airbyte_data->>'id' as integer) as customer_id from _airbyte_raw_customers"))
                    .isEqualTo("done");
            assertThatThrownBy(() -> sql.execute("select * from missing_table"))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                        assertThat(e.getMessage()).contains("missing_table").doesNotContain("\n");
                    });
        }
        assertThat(DuckDbFixtures.query(file, "select customer_id from raw.stg_customers order by 1"))
                .containsExactly(List.of(3), List.of(5));
    }

    @Test
    void dbtProfileNamesTheFileAndSchema() {
        Path file = dir.resolve("warehouse.duckdb");
        DbtProfile profile = destination.dbtProfile(DuckDbFixtures.config(file)).orElseThrow();
        assertThat(profile.revealedFields()).containsEntry("type", "duckdb").containsEntry("path", file.toString())
                .containsEntry("schema", "main");
        assertThat(List.of(profile.rawDatabase(), profile.rawSchema())).containsExactly("warehouse", "main");
    }
}
