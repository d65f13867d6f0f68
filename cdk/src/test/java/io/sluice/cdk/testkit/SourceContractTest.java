package io.sluice.cdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.InputState;
import io.sluice.cdk.RowJson;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.Source;
import io.sluice.cdk.ValueType;
import io.sluice.protocol.AirbyteStream;
import io.sluice.protocol.Catalog;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.DestinationSyncMode;
import io.sluice.protocol.SyncMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every source passes. A connector's test extends this class and supplies the
 * source and configs; {@link #validConfig()} must reach data (at least one row in total). Rows
 * are compared through {@link RowJson#toJson}.
 */
public abstract class SourceContractTest {

    /** The source under test (a fresh instance or a shared one; sources keep no per-call state). */
    protected abstract Source source();

    /** A config that works and reaches some data. */
    protected abstract JsonNode validConfig();

    /** Configs that {@code check} must reject with a message (missing fields, wrong types, unreachable). */
    protected abstract List<JsonNode> invalidConfigs();

    /** The config for the second incremental read; override when new data must appear in between. */
    protected JsonNode configForSecondIncrementalRead(JsonNode first) {
        return first;
    }

    /** Whether the second incremental read must emit at least one record. */
    protected boolean expectsNewRecordsOnSecondIncrementalRead() {
        return false;
    }

    /**
     * The cursor for an incremental read of {@code stream}: its source-defined default, else the
     * first column of an integer, date or timestamp type. Override for a better choice.
     */
    protected List<String> cursorFieldFor(AirbyteStream stream) {
        if (!stream.defaultCursorField().isEmpty()) {
            return stream.defaultCursorField();
        }
        RowSchema schema = RowSchema.of(stream.jsonSchema());
        for (RowSchema.Column column : schema.columns()) {
            if (Set.of(ValueType.INTEGER, ValueType.DATE, ValueType.TIMESTAMP, ValueType.TIMESTAMP_TZ)
                    .contains(column.type())) {
                return List.of(column.name());
            }
        }
        return List.of();
    }

    @Test
    public void specIsAValidJsonSchemaOfAnObject() {
        SpecChecks.assertValidSpec(source().spec());
    }

    @Test
    public void validConfigMatchesTheSpec() {
        SpecChecks.assertConfigMatchesSpec(source().spec(), validConfig());
    }

    @Test
    public void checkSucceedsWithTheValidConfig() {
        SpecChecks.assertCheckSucceeds(source()::check, validConfig());
    }

    @Test
    public void checkFailsCleanlyOnInvalidConfigs() {
        SpecChecks.assertCheckFailsCleanly(source()::check, invalidConfigs());
    }

    @Test
    public void discoverFindsStreamsWithSchemas() {
        Catalog catalog = source().discover(validConfig());

        assertThat(catalog.streams()).as("discovered streams").isNotEmpty();
        for (AirbyteStream stream : catalog.streams()) {
            ObjectNode schema = stream.jsonSchema();
            assertThat(schema.path("properties").isObject())
                    .as("stream %s json_schema has a 'properties' object", stream.name()).isTrue();
            assertThat(schema.path("properties").size()).as("stream %s properties", stream.name()).isPositive();
            assertThat(stream.supportedSyncModes()).as("stream %s supported_sync_modes", stream.name())
                    .isNotEmpty();
        }
    }

    @Test
    public void fullRefreshReadEmitsRowsOfTheSchema() {
        JsonNode config = validConfig();
        List<AirbyteStream> streams = source().discover(config).streams();
        ConfiguredCatalog catalog = new ConfiguredCatalog(streams.stream()
                .map(s -> ConfiguredStream.of(s, SyncMode.FULL_REFRESH, List.of(), DestinationSyncMode.OVERWRITE,
                        s.sourceDefinedPrimaryKey()))
                .toList());
        CollectingEmitter out = new CollectingEmitter();

        source().read(config, catalog, InputState.empty(), out);

        assertThat(out.recordCount()).as("records from a full refresh of every stream").isPositive();
        assertThat(out.streamIndexes()).as("stream indexes rows were emitted for")
                .allMatch(i -> i >= 0 && i < streams.size());
        for (int i = 0; i < streams.size(); i++) {
            assertRowsFollowSchema(streams.get(i), out.rows(i));
        }
    }

    @Test
    public void incrementalReadResumesFromState() {
        JsonNode config = validConfig();
        List<AirbyteStream> incremental = source().discover(config).streams().stream()
                .filter(s -> s.supportedSyncModes().contains(SyncMode.INCREMENTAL))
                .toList();
        assumeThat(incremental).as("streams supporting incremental reads").isNotEmpty();
        ConfiguredCatalog catalog = new ConfiguredCatalog(incremental.stream()
                .map(s -> ConfiguredStream.of(s, SyncMode.INCREMENTAL, cursorFieldFor(s), DestinationSyncMode.APPEND,
                        s.sourceDefinedPrimaryKey()))
                .toList());

        CollectingEmitter first = new CollectingEmitter();
        source().read(config, catalog, InputState.empty(), first);
        assertThat(first.states()).as("states emitted by the first incremental read").isNotEmpty();

        CollectingEmitter second = new CollectingEmitter();
        source().read(configForSecondIncrementalRead(config), catalog, first.toInputState(), second);

        for (int i = 0; i < incremental.size(); i++) {
            RowSchema schema = RowSchema.of(incremental.get(i).jsonSchema());
            Set<JsonNode> firstRecords = new HashSet<>();
            first.rows(i).forEach(row -> firstRecords.add(RowJson.toJson(schema, row)));
            for (Object[] row : second.rows(i)) {
                assertThat(firstRecords)
                        .as("stream %s: a record of the second read was already read by the first",
                                incremental.get(i).name())
                        .doesNotContain(RowJson.toJson(schema, row));
            }
        }
        if (expectsNewRecordsOnSecondIncrementalRead()) {
            assertThat(second.recordCount()).as("records of the second incremental read").isPositive();
        }
    }

    private static void assertRowsFollowSchema(AirbyteStream stream, List<Object[]> rows) {
        RowSchema schema = RowSchema.of(stream.jsonSchema());
        for (Object[] row : rows) {
            assertThat(row).as("a row of stream %s", stream.name()).hasSize(schema.size());
            for (int c = 0; c < row.length; c++) {
                RowSchema.Column column = schema.column(c);
                Object value = row[c];
                assertThat(ValueClasses.accepts(column.type(), value))
                        .as("stream %s column %s (%s) holds a %s; allowed: %s", stream.name(), column.name(),
                                column.type(), value == null ? "null" : value.getClass().getName(),
                                ValueClasses.allowed(column.type()))
                        .isTrue();
            }
        }
    }
}
