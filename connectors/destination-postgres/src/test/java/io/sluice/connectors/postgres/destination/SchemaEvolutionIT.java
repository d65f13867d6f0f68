package io.sluice.connectors.postgres.destination;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.DestinationSyncMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

class SchemaEvolutionIT {
    private final TestDatabase database = new TestDatabase(SchemaEvolutionIT.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(TableDdl.class)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger(TableCopy.class)).addAppender(logs);
    }

    @AfterEach
    void cleanUp() {
        ((Logger) LoggerFactory.getLogger(TableDdl.class)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger(TableCopy.class)).detachAppender(logs);
        database.close();
    }

    private static void write(ObjectNode config, ObjectNode schema, DestinationSyncMode mode, Object[]... rows) {
        new PostgresDestination().write(config, Fixtures.catalog(null, "items", schema, mode),
                new ListRecordInput(List.of(Fixtures.rows(rows))), new RecordingAcknowledger());
    }

    @ParameterizedTest
    @EnumSource(value = DestinationSyncMode.class, names = {"APPEND", "APPEND_DEDUP"})
    void aColumnAddedInTheSourceIsAddedToTheTable(DestinationSyncMode mode) {
        ObjectNode config = database.config();
        String s = config.path("schema").asText();
        ObjectNode narrow = new RowSchema.JsonSchemaBuilder().property("id", ValueType.INTEGER).build();
        ObjectNode wide = new RowSchema.JsonSchemaBuilder().property("id", ValueType.INTEGER)
                .property("note", ValueType.STRING).build();

        write(config, narrow, mode, new Object[] {1L});
        write(config, wide, mode, new Object[] {2L, "hello"});

        assertThat(TestDatabase.columnTypes(s, "items")).containsEntry("note", "text");
        assertThat(TestDatabase.query("SELECT id, note FROM " + s + ".items ORDER BY id")).containsExactly(
                new java.util.HashMap<>(java.util.Collections.singletonMap("id", 1L)) {{ put("note", null); }},
                Map.of("id", 2L, "note", "hello"));
    }

    @Test
    void aTypeChangeIsWarnedAboutAndCastableValuesAreKept() {
        ObjectNode config = database.config();
        String s = config.path("schema").asText();
        ObjectNode before = new RowSchema.JsonSchemaBuilder().property("id", ValueType.INTEGER)
                .property("qty", ValueType.INTEGER).build();
        ObjectNode after = new RowSchema.JsonSchemaBuilder().property("id", ValueType.INTEGER)
                .property("qty", ValueType.STRING).build();

        write(config, before, DestinationSyncMode.APPEND, new Object[] {1L, 10L});
        write(config, after, DestinationSyncMode.APPEND, new Object[] {2L, "20"}, new Object[] {3L, "twenty"});

        assertThat(TestDatabase.columnTypes(s, "items")).containsEntry("qty", "bigint");
        assertThat(TestDatabase.query("SELECT id, qty FROM " + s + ".items ORDER BY id")).extracting(r -> r.get("qty"))
                .containsExactly(10L, 20L, null);
        assertThat(TestDatabase.query("SELECT _airbyte_data->>'qty' AS qty FROM " + s
                + "._airbyte_raw_items ORDER BY _airbyte_data->>'id'")).extracting(r -> r.get("qty"))
                .containsExactly("10", "20", "twenty");
        List<String> warnings = logs.list.stream().filter(e -> e.getLevel().toString().equals("WARN"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains(s + ".items").contains("column qty")
                .contains("int8").contains("text"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("1 values of column qty"));
    }
}
