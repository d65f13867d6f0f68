package io.sluice.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void jdbcUrlsStayAsTheyAre() {
        assertThat(DatabaseUrl.postgres("jdbc:postgresql://db:5433/sluice?ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5433/sluice?ssl=true");
    }

    @Test
    void libpqUrlsBecomeJdbcWithUserAndPasswordAsParameters() {
        assertThat(DatabaseUrl.postgres("postgresql://sluice@127.0.0.1/meta"))
                .isEqualTo("jdbc:postgresql://127.0.0.1/meta?user=sluice");
        assertThat(DatabaseUrl.postgres("postgres://u:p%40ss@host:6543/db?sslmode=require"))
                .isEqualTo("jdbc:postgresql://host:6543/db?sslmode=require&user=u&password=p%40ss");
    }

    @Test
    void otherUrlsAreRefusedWithTheVariableNamed() {
        assertThatThrownBy(() -> DatabaseUrl.postgres("mysql://x/y")).hasMessageContaining("SLUICE_DATABASE_URL");
    }

    @Test
    void h2RunsInPostgresModeUnderTheDataDir() {
        assertThat(DatabaseUrl.h2(Path.of("/data/sluice")))
                .startsWith("jdbc:h2:file:/data/sluice/metadata;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    }
}
