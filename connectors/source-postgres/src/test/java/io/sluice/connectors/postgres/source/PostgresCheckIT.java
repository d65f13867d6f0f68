package io.sluice.connectors.postgres.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.InputState;
import io.sluice.cdk.testkit.CollectingEmitter;
import io.sluice.cdk.testkit.SourceReads;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.ConnectionStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** check's messages and read's failure kinds for wrong databases, ports, hosts and privileges. */
class PostgresCheckIT {
    private PgTestSchema db;
    private String role;
    private final PostgresSource source = new PostgresSource();

    @BeforeEach
    void setUp() {
        db = new PgTestSchema(getClass());
        role = db.name() + "_role";
        db.sql("CREATE TABLE $s.secret (id int PRIMARY KEY)", "INSERT INTO $s.secret VALUES (1)",
                "CREATE TABLE $s.open (id int PRIMARY KEY)",
                "CREATE ROLE " + role + " LOGIN");
    }

    @AfterEach
    void tearDown() {
        db.sql("DROP OWNED BY " + role, "DROP ROLE " + role);
        db.close();
    }

    @Test
    void checkSucceedsWithAWorkingConfig() {
        assertThat(source.check(db.config()).status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
    }

    @Test
    void wrongDatabaseIsNamed() {
        ConnectionStatus status = source.check(db.config().put("database", "nope_" + db.name()));
        assertThat(status.message()).contains("database \"nope_" + db.name() + "\" does not exist");
    }

    @Test
    void closedPortIsConnectionRefused() {
        ConnectionStatus status = source.check(db.config().put("port", 1));
        assertThat(status.message()).contains("Connection refused at 127.0.0.1:1");
    }

    @Test
    void unknownHostFailsFast() {
        Instant start = Instant.now();
        ConnectionStatus status = source.check(db.config().put("host", "no-such-host.invalid"));
        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
        assertThat(status.message()).hasValueSatisfying(m -> assertThat(m).contains("no-such-host.invalid"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void schemaWithoutUsageIsNoAccess() {
        ConnectionStatus status = source.check(db.config().put("username", role));
        assertThat(status.message()).hasValueSatisfying(m ->
                assertThat(m).startsWith("no access to schema \"" + db.name() + "\""));
    }

    @Test
    void discoverListsOnlySelectableTablesAndReadingOthersIsAConfigError() {
        AirbyteStream secret = SourceReads.stream(source, db.config(), "secret");
        db.sql("GRANT USAGE ON SCHEMA $s TO " + role, "GRANT SELECT ON $s.open TO " + role);
        ObjectNode asRole = db.config().put("username", role);

        assertThat(source.discover(asRole).streams()).extracting(AirbyteStream::name).containsExactly("open");
        assertThatThrownBy(() -> source.read(asRole, SourceReads.fullRefresh(secret), InputState.empty(),
                new CollectingEmitter()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                    assertThat(e.getMessage()).contains("permission denied");
                });
    }

    @Test
    void readingADroppedTableIsAConfigError() {
        AirbyteStream secret = SourceReads.stream(source, db.config(), "secret");
        db.sql("DROP TABLE $s.secret");
        assertThatThrownBy(() -> source.read(db.config(), SourceReads.fullRefresh(secret), InputState.empty(),
                new CollectingEmitter()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG));
    }

    @Test
    void unreachableServerIsTransientOnRead() {
        AirbyteStream secret = SourceReads.stream(source, db.config(), "secret");
        assertThatThrownBy(() -> source.read(db.config().put("port", 1), SourceReads.fullRefresh(secret),
                InputState.empty(), new CollectingEmitter()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT));
    }
}
