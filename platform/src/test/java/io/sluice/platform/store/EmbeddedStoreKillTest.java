package io.sluice.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed right after its commits returned leaves every one of them in the embedded store. */
class EmbeddedStoreKillTest {
    private static final int ROWS = 200;

    @TempDir
    Path dir;

    @Test
    void commitsSurviveAKillRightAfterThem() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenDie.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(137);

        try (Connection c = DriverManager.getConnection(DatabaseUrl.h2(dir));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*), max(n) from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(ROWS);
            assertThat(rs.getInt(2)).isEqualTo(ROWS - 1);
        }
    }

    /** Commits {@value #ROWS} rows one transaction each, then halts as kill -9 would, without closing. */
    public static final class CommitThenDie {
        public static void main(String[] args) throws Exception {
            Connection c = DriverManager.getConnection(DatabaseUrl.h2(Path.of(args[0])));
            try (Statement s = c.createStatement()) {
                s.execute("create table kept (n int primary key)");
                for (int n = 0; n < ROWS; n++) {
                    s.execute("insert into kept values (" + n + ")");
                }
            }
            Runtime.getRuntime().halt(137);
        }
    }
}
