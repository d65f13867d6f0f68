package io.sluice.connectors.dremio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST contract, against a local HTTP server that checks paths, bodies and the token header. */
class DremioRestIT {
    private FakeDremioRest dremio;

    @BeforeEach
    void start() throws Exception {
        dremio = new FakeDremioRest("AirbyteData");
    }

    @AfterEach
    void stop() {
        dremio.close();
    }

    private DremioRest signIn(String password) {
        ObjectNode config = DremioConfigTest.minimal().put("rest_port", dremio.port()).put("password", password);
        return DremioRest.signIn(DremioConfig.from(config), Duration.ofMillis(10), Duration.ofSeconds(10));
    }

    @Test
    void signsInWithTheDocumentedBodyThenSendsTheDremioToken() throws Exception {
        DremioRest rest = signIn(FakeDremioRest.PASSWORD);
        rest.byPath(List.of("AirbyteData"));

        FakeDremioRest.Call login = dremio.calls().getFirst();
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.path()).containsExactly("apiv2", "login");
        assertThat(new ObjectMapper().readTree(login.body()))
                .isEqualTo(new ObjectMapper().readTree("{\"userName\":\"dremio_user\",\"password\":\"dremio-pass-Tq55\"}"));
        assertThat(dremio.calls().get(1).authorization()).isEqualTo("_dremio" + dremio.token());
    }

    @Test
    void aWrongPasswordIsAConfigErrorWithoutThePassword() {
        assertThatThrownBy(() -> signIn("not-it-Kx9"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                    assertThat(e.getMessage()).contains("refused the sign-in of user 'dremio_user'")
                            .doesNotContain("not-it-Kx9");
                });
    }

    @Test
    void looksUpByPathWithEachSegmentEncoded() {
        DremioRest rest = signIn(FakeDremioRest.PASSWORD);

        CatalogEntry folder = rest.byPath(List.of("AirbyteData", "datalake", "airbyte data", "x")).orElseThrow();
        assertThat(folder.isFolder()).isTrue();
        assertThat(folder.id()).isEqualTo("dremio:/AirbyteData/datalake/airbyte data/x");
        assertThat(dremio.calls().getLast().path())
                .containsExactly("api", "v3", "catalog", "by-path", "AirbyteData", "datalake", "airbyte data", "x");
        assertThat(rest.byPath(List.of("NoSuchSource"))).isEmpty();
        assertThat(rest.byPath(List.of("AirbyteData")).orElseThrow().isContainer()).isTrue();
    }

    @Test
    void formatsAFolderAsAParquetTable() throws Exception {
        DremioRest rest = signIn(FakeDremioRest.PASSWORD);
        List<String> path = List.of("AirbyteData", "datalake", "airbyte-data", "production_public", "customers");

        rest.promoteToParquet(rest.byPath(path).orElseThrow());

        FakeDremioRest.Call format = dremio.calls().getLast();
        assertThat(format.method()).isEqualTo("POST");
        assertThat(format.path()).containsExactly("api", "v3", "catalog",
                "dremio:/AirbyteData/datalake/airbyte-data/production_public/customers");
        assertThat(new ObjectMapper().readTree(format.body())).isEqualTo(new ObjectMapper().readTree("""
                {"entityType":"dataset","id":"dremio:/AirbyteData/datalake/airbyte-data/production_public/customers",
                 "type":"PHYSICAL_DATASET",
                 "path":["AirbyteData","datalake","airbyte-data","production_public","customers"],
                 "format":{"type":"Parquet"}}"""));
        assertThat(dremio.tables()).containsExactly(path);
        assertThat(rest.byPath(path).orElseThrow().isDataset()).isTrue();
    }

    @Test
    void runsSqlAndPollsTheJobUntilItCompletes() {
        DremioRest rest = signIn(FakeDremioRest.PASSWORD);

        rest.runSql("ALTER TABLE \"AirbyteData\".\"t\" REFRESH METADATA");

        assertThat(dremio.sql()).containsExactly("ALTER TABLE \"AirbyteData\".\"t\" REFRESH METADATA");
        List<FakeDremioRest.Call> polls = dremio.calls().stream()
                .filter(c -> c.path().size() == 4 && c.path().get(2).equals("job")).toList();
        assertThat(polls).hasSize(2).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
    }

    @Test
    void aFailedJobThrowsDremiosErrorMessage() {
        DremioRest rest = signIn(FakeDremioRest.PASSWORD);

        assertThatThrownBy(() -> rest.runSql("ALTER TABLE FAIL_ME REFRESH METADATA"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("failed running `ALTER TABLE FAIL_ME REFRESH METADATA`")
                .hasMessageContaining("Table 'FAIL_ME' not found");
    }

    @Test
    void anUnreachableServerIsTransient() {
        ObjectNode config = DremioConfigTest.minimal().put("rest_port", DremioConfigTest.freePort());
        assertThatThrownBy(() -> DremioRest.signIn(DremioConfig.from(config), Duration.ofMillis(10), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT);
                    assertThat(e.getMessage()).contains("Could not reach Dremio's REST API");
                });
    }
}
