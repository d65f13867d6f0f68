package io.sluice.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sluice.platform.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata database: a connection pool, migrated by Flyway to the latest schema on open, and
 * the JDBI handle the DAOs run on. Embedded H2 under the data directory unless a PostgreSQL URL
 * is configured.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final boolean embedded;

    private Database(HikariDataSource pool, boolean embedded) {
        this.pool = pool;
        this.embedded = embedded;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    }

    /** Opens the database the settings name and migrates it. */
    public static Database open(PlatformSettings settings) {
        boolean embedded = settings.databaseUrl().isEmpty();
        String url;
        if (embedded) {
            createDirectories(settings.dataDir());
            url = DatabaseUrl.h2(settings.dataDir());
        } else {
            url = DatabaseUrl.postgres(settings.databaseUrl().get());
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("sluice-metadata");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        LOG.info("metadata store: {}", embedded ? "H2 in " + settings.dataDir() : "PostgreSQL");
        return new Database(pool, embedded);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pool, for db-scheduler. */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    public <T> T dao(Class<T> type) {
        return jdbi.onDemand(type);
    }

    public boolean embedded() {
        return embedded;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }
}
