package io.sluice.connectors.dremio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in and the query path against Apache Arrow's own Flight server (see {@link FakeFlightDremio}). */
class DremioFlightIT {
    private static FakeFlightDremio flight;

    @BeforeAll
    static void start() throws Exception {
        flight = new FakeFlightDremio();
    }

    @AfterAll
    static void stop() throws Exception {
        flight.close();
    }

    private static DremioConfig config(String password) {
        ObjectNode config = DremioConfigTest.minimal().put("port", flight.port()).put("password", password);
        return DremioConfig.from(config);
    }

    @Test
    void signsInWithBasicThenSendsTheSqlWithTheBearerToken() {
        int before = flight.authorizations().size();
        try (DremioFlight client = DremioFlight.signIn(config(FakeFlightDremio.PASSWORD))) {
            long rows = client.execute("CREATE OR REPLACE VIEW \"space\".\"v\" AS SELECT 1");
            assertThat(rows).isEqualTo(FakeFlightDremio.ROWS);
        }

        assertThat(flight.statements()).last().isEqualTo(new FakeFlightDremio.Statement(
                "CREATE OR REPLACE VIEW \"space\".\"v\" AS SELECT 1", FakeFlightDremio.USER));
        // handshake with Basic, then getFlightInfo and getStream with the bearer token it returned
        var calls = flight.authorizations().subList(before, flight.authorizations().size());
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).startsWith("Basic ");
        assertThat(calls.get(1)).startsWith("Bearer ").isEqualTo(calls.get(2));
        assertThat(calls.get(1)).doesNotContain(FakeFlightDremio.PASSWORD);
    }

    @Test
    void aWrongPasswordIsAConfigErrorThatDoesNotShowThePassword() {
        assertThatThrownBy(() -> DremioFlight.signIn(config("wrong-Secret-991")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                    assertThat(e.getMessage()).contains("refused the sign-in of user 'dremio_user'")
                            .doesNotContain("wrong-Secret-991");
                });
    }

    @Test
    void aFailingStatementCarriesDremiosReason() {
        try (DremioFlight client = DremioFlight.signIn(config(FakeFlightDremio.PASSWORD))) {
            assertThatThrownBy(() -> client.execute("SELECT * FROM FAIL_ME"))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage())
                            .contains("SELECT * FROM FAIL_ME").contains("Table 'FAIL_ME' not found"));
        }
    }

    @Test
    void anUnreachablePortIsTransient() {
        ObjectNode config = DremioConfigTest.minimal().put("port", DremioConfigTest.freePort());
        assertThatThrownBy(() -> DremioFlight.signIn(DremioConfig.from(config)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
                    assertThat(e.getMessage()).contains("Could not reach Dremio's Arrow Flight endpoint");
                });
    }
}
