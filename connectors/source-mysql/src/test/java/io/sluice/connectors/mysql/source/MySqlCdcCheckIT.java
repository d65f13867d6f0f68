package io.sluice.connectors.mysql.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.ConnectionStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** check explains, in plain words, what a server or a user lacks for CDC. */
class MySqlCdcCheckIT {
    private static BinlogMariaDb server;
    private final MySqlSource source = new MySqlSource();

    @BeforeAll
    static void startServer() throws Exception {
        server = BinlogMariaDb.start();
        server.sql("CREATE TABLE t (id int PRIMARY KEY)");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerWithTheBinaryLogOffIsExplained() {
        // the machine's shared MariaDB runs without a binary log
        try (MySqlTestDatabase db = new MySqlTestDatabase(MySqlCdcCheckIT.class)) {
            db.sql("CREATE TABLE t (id int PRIMARY KEY)");
            ObjectNode config = db.config();
            config.putObject("replication_method").put("method", "CDC");
            assertThat(source.check(config).message().orElseThrow())
                    .contains("binary logging is disabled", "log_bin is OFF", "log-bin");
        }
    }

    @Test
    void statementAndMinimalBinlogsAreExplained() {
        try {
            server.sql("SET GLOBAL binlog_format = 'STATEMENT'");
            assertThat(source.check(server.config()).message().orElseThrow())
                    .contains("binlog_format is STATEMENT but CDC needs ROW", "SET GLOBAL binlog_format = 'ROW'");
        } finally {
            server.sql("SET GLOBAL binlog_format = 'ROW'");
        }
        try {
            server.sql("SET GLOBAL binlog_row_image = 'MINIMAL'");
            assertThat(source.check(server.config()).message().orElseThrow())
                    .contains("binlog_row_image is MINIMAL but CDC needs FULL");
        } finally {
            server.sql("SET GLOBAL binlog_row_image = 'FULL'");
        }
        assertThat(source.check(server.config()).status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
    }

    @Test
    void missingReplicationPrivilegesAreNamedWithTheGrantToRun() {
        server.sql("CREATE USER 'limited'@'localhost' IDENTIFIED BY 'pw-limited'",
                "CREATE USER 'limited'@'%' IDENTIFIED BY 'pw-limited'",
                "GRANT SELECT ON " + BinlogMariaDb.DATABASE + ".* TO 'limited'@'localhost'",
                "GRANT SELECT ON " + BinlogMariaDb.DATABASE + ".* TO 'limited'@'%'");
        ObjectNode config = server.config().put("username", "limited").put("password", "pw-limited");
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            checkNamesEachMissingPrivilege(config);
            assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("pw-limited"));
        } finally {
            root.detachAppender(logs);
        }
    }

    private void checkNamesEachMissingPrivilege(ObjectNode config) {
        assertThat(source.check(config).message().orElseThrow())
                .contains("missing REPLICATION CLIENT privilege", "BINLOG MONITOR", "GRANT REPLICATION SLAVE");

        server.sql("GRANT BINLOG MONITOR ON *.* TO 'limited'@'localhost'", "GRANT BINLOG MONITOR ON *.* TO 'limited'@'%'");
        assertThat(source.check(config).message().orElseThrow())
                .contains("missing REPLICATION SLAVE privilege", "GRANT REPLICATION SLAVE");

        server.sql("GRANT REPLICATION SLAVE ON *.* TO 'limited'@'localhost'",
                "GRANT REPLICATION SLAVE ON *.* TO 'limited'@'%'");
        ConnectionStatus ok = source.check(config);
        assertThat(ok.status()).as(ok.message().orElse("")).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
    }
}
