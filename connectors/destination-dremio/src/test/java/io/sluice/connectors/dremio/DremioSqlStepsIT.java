package io.sluice.connectors.dremio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.DbtProfile;
import io.sluice.cdk.SqlRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL steps down the Flight query path, against Apache Arrow's own Flight server (see {@link FakeFlightDremio}). */
class DremioSqlStepsIT {
    private static FakeFlightDremio flight;

    @BeforeAll
    static void start() throws Exception {
        flight = new FakeFlightDremio();
    }

    @AfterAll
    static void stop() throws Exception {
        flight.close();
    }

    @Test
    void statementsGoDownTheQueryPathSignedIn() {
        ObjectNode config = DremioConfigTest.minimal().put("port", flight.port())
                .put("password", FakeFlightDremio.PASSWORD);
        int before = flight.statements().size();
        try (SqlRunner sql = new DremioDestination().sqlRunner(config).orElseThrow()) {
            assertThat(sql.execute("CREATE OR REPLACE VIEW \"space\".\"stg_customers\" AS SELECT 1"))
                    .isEqualTo(FakeFlightDremio.ROWS + " result rows");
            sql.execute("SELECT 2");
            assertThatThrownBy(() -> sql.execute("SELECT * FROM FAIL_ME"))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage())
                            .contains("Table 'FAIL_ME' not found"));
        }
        assertThat(flight.statements().subList(before, flight.statements().size()))
                .extracting(FakeFlightDremio.Statement::sql)
                .containsExactly("CREATE OR REPLACE VIEW \"space\".\"stg_customers\" AS SELECT 1", "SELECT 2",
                        "SELECT * FROM FAIL_ME");
        assertThat(flight.statements()).last().extracting(FakeFlightDremio.Statement::identity)
                .isEqualTo(FakeFlightDremio.USER);
    }

    @Test
    void dbtProfileUsesTheRestPortAndTheStagingFolder() {
        DbtProfile profile = new DremioDestination().dbtProfile(DremioConfigTest.minimal()).orElseThrow();
        assertThat(profile.revealedFields()).containsEntry("type", "dremio").containsEntry("software_host", "127.0.0.1")
                .containsEntry("port", 9047).containsEntry("user", "dremio_user")
                .containsEntry("password", "s3cret-Dremio-77").containsEntry("use_ssl", false)
                .containsEntry("object_storage_source", "AirbyteData")
                .containsEntry("object_storage_path", "datalake.airbyte-data.production_public");
        assertThat(profile.toString()).doesNotContain("s3cret-Dremio-77");
        assertThat(profile.rawDatabase()).isEqualTo("AirbyteData");
        assertThat(profile.rawSchema()).isEqualTo("datalake.airbyte-data.production_public");
    }
}
