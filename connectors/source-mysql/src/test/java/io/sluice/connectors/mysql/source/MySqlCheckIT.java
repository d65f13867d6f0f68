package io.sluice.connectors.mysql.source;

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
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** check's plain words for wrong hosts, ports, databases, passwords, privileges and SSL; read's failure kinds. */
class MySqlCheckIT {
    private MySqlTestDatabase db;
    private String user;
    private String role;
    private final MySqlSource source = new MySqlSource();

    @BeforeEach
    void setUp() {
        db = new MySqlTestDatabase(getClass());
        user = db.name() + "_u";
        role = db.name() + "_r";
        db.sql("CREATE TABLE secret (id int PRIMARY KEY)", "INSERT INTO secret VALUES (1)",
                "CREATE TABLE open (id int PRIMARY KEY)", "INSERT INTO open VALUES (2)",
                "CREATE TABLE by_role (id int PRIMARY KEY)",
                "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'",
                "CREATE ROLE " + role);
    }

    @AfterEach
    void tearDown() {
        try {
            db.sql("DROP USER IF EXISTS '" + user + "'@'%'", "DROP ROLE IF EXISTS " + role);
        } finally {
            db.close();
        }
    }

    private ObjectNode asUser() {
        return db.config().put("username", user).put("password", "pw");
    }

    @Test
    void checkSucceedsWithAWorkingConfig() {
        assertThat(source.check(db.config()).status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
    }

    @Test
    void closedPortIsConnectionRefused() {
        assertThat(source.check(db.config().put("port", 1)).message())
                .hasValue("Connection refused at 127.0.0.1:1");
    }

    @Test
    void aServerThatNeverAnswersIsAConnectionTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            ObjectNode config = db.config().put("port", silent.getLocalPort()).put("jdbc_url_params", "connectTimeout=1500");
            Instant start = Instant.now();
            ConnectionStatus status = source.check(config);
            assertThat(status.message()).hasValue("Failed to connect to source: Connection timeout at 127.0.0.1:"
                    + silent.getLocalPort());
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
            silent.close();
            acceptor.join(Duration.ofSeconds(5));
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void unknownHostIsNamed() {
        assertThat(source.check(db.config().put("host", "no-such-host.invalid")).message())
                .hasValue("Unknown host \"no-such-host.invalid\"");
    }

    @Test
    void unknownDatabaseIsNamed() {
        assertThat(source.check(db.config().put("database", "nope_" + db.name())).message())
                .hasValue("database \"nope_" + db.name() + "\" does not exist");
    }

    @Test
    void wrongPasswordIsAccessDenied() {
        assertThat(source.check(asUser().put("password", "wrong")).message()).hasValueSatisfying(m ->
                assertThat(m).startsWith("Access denied for user \"" + user + "\": the user name or password is wrong"));
    }

    @Test
    void aUserWithoutAnyGrantOnTheDatabaseIsToldSo() {
        assertThat(source.check(asUser()).message()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("Access denied for user \"" + user + "\" to database \"" + db.name() + "\""));
    }

    @Test
    void aUserWhoMayWriteButNotSelectMissesTheSelectPrivilege() {
        db.sql("GRANT INSERT ON `$d`.secret TO '" + user + "'@'%'");
        assertThat(source.check(asUser()).message()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("missing SELECT privilege: user \"" + user + "\" may not read any table"));
    }

    @Test
    void discoverListsOnlySelectableTablesAndReadingOthersIsAConfigError() {
        AirbyteStream secret = SourceReads.stream(source, db.config(), "secret");
        db.sql("GRANT SELECT ON `$d`.open TO '" + user + "'@'%'",
                "GRANT INSERT ON `$d`.secret TO '" + user + "'@'%'",
                "GRANT SELECT ON `$d`.by_role TO " + role,
                "GRANT " + role + " TO '" + user + "'@'%'",
                "SET DEFAULT ROLE " + role + " FOR '" + user + "'@'%'");

        assertThat(source.check(asUser()).status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
        assertThat(source.discover(asUser()).streams()).extracting(AirbyteStream::name)
                .containsExactlyInAnyOrder("open", "by_role");
        assertThatThrownBy(() -> source.read(asUser(), SourceReads.fullRefresh(secret), InputState.empty(),
                new CollectingEmitter()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                    assertThat(e.getMessage()).contains("SELECT command denied");
                });
    }

    @Test
    void sslRequiredAgainstAServerWithoutTlsIsAClearConfigError() {
        // the local MariaDB runs with have_ssl = DISABLED
        ObjectNode required = db.config();
        required.putObject("ssl_mode").put("mode", "required");
        assertThat(source.check(required).message()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("SSL is required (ssl_mode \"required\") but the server at 127.0.0.1:3306 does not offer "
                        + "encrypted connections"));
        assertThatThrownBy(() -> source.discover(required)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFIG));
        ObjectNode disabled = db.config();
        disabled.putObject("ssl_mode").put("mode", "disabled");
        assertThat(source.check(disabled).status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
    }

    @Test
    void readingADroppedTableIsAConfigError() {
        AirbyteStream secret = SourceReads.stream(source, db.config(), "secret");
        db.sql("DROP TABLE secret");
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
