package io.sluice.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;

/** Resource limits on a PostgreSQL metadata store: a fresh database, dropped afterwards. */
class PostgresResourceLimitsIT extends ResourceLimitsIT {
    private PostgresDatabase database;

    @Override
    PlatformSettings settings(Path dataDir) {
        database = new PostgresDatabase();
        return PlatformSettings.fromEnvironment(Map.of()).withDataDir(dataDir)
                .withDatabaseUrl(Optional.of(database.libpqUrl()));
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
