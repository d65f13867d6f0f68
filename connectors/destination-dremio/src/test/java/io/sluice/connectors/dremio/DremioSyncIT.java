package io.sluice.connectors.dremio;

import static io.sluice.cdk.testkit.DestinationContractTest.STREAM;
import static io.sluice.cdk.testkit.DestinationContractTest.catalog;
import static io.sluice.cdk.testkit.DestinationContractTest.item;
import static io.sluice.cdk.testkit.DestinationContractTest.state;
import static io.sluice.cdk.testkit.ListRecordInput.checkpoint;
import static io.sluice.cdk.testkit.ListRecordInput.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.Chunk;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.testkit.ListRecordInput;
import io.sluice.cdk.testkit.RecordingAcknowledger;
import io.sluice.protocol.ConfiguredCatalog;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.ConnectionStatus;
import io.sluice.protocol.DestinationSyncMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the destination asks of Dremio after staging: format, refresh, view SQL; and check's messages. */
class DremioSyncIT {
    private static StagingBucket s3;
    private static FakeFlightDremio flight;
    private FakeDremioRest rest;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void startShared() throws Exception {
        s3 = StagingBucket.start();
        flight = new FakeFlightDremio();
    }

    @AfterAll
    static void stopShared() throws Exception {
        flight.close();
        s3.close();
    }

    @BeforeEach
    void startRest() throws Exception {
        rest = new FakeDremioRest(DremioDestinationContractIT.PROJECT);
    }

    @AfterEach
    void stopRest() {
        rest.close();
    }

    private ObjectNode config() {
        return DremioDestinationContractIT.config(s3, rest, flight);
    }

    private static void write(ObjectNode config, DestinationSyncMode mode, Chunk... chunks) {
        DremioDestinationContractIT.destination(Duration.ofMillis(5))
                .write(config, catalog(mode), new ListRecordInput(List.of(chunks)), new RecordingAcknowledger());
    }

    private static List<String> table(ObjectNode config) {
        return DremioConfig.from(config).tablePath(STREAM);
    }

    private List<Map<String, Object>> staged(ObjectNode config) throws Exception {
        return s3.parquetRows(DremioConfig.from(config).staging().get("s3_bucket_path").asText() + "/" + STREAM + "/",
                scratch);
    }

    @Test
    void overwriteFormatsTheNewFolderThenForcesARefreshToTheNewFilesOnly() throws Exception {
        ObjectNode config = config();

        write(config, DestinationSyncMode.OVERWRITE, rows(0, item(1, "a", 1), item(2, "b", 1), item(3, "c", 1)));
        assertThat(rest.tables()).containsExactly(table(config));
        assertThat(rest.sql()).isEmpty();

        write(config, DestinationSyncMode.OVERWRITE, rows(0, item(4, "d", 2), item(5, "e", 2)));
        assertThat(rest.sql()).containsExactly("ALTER TABLE \"AirbyteData\".\"" + StagingBucket.BUCKET + "\".\"airbyte-data\".\""
                + config.get("s3_bucket_path").asText().substring("airbyte-data/".length())
                + "\".\"production_public\".\"contract_items\" REFRESH METADATA FORCE UPDATE");
        assertThat(staged(config)).extracting(r -> r.get("name")).containsExactlyInAnyOrder("d", "e");
    }

    @Test
    void appendAddsFilesAndRefreshesIncrementally() throws Exception {
        ObjectNode config = config();

        write(config, DestinationSyncMode.APPEND, rows(0, item(1, "a", 1)));
        write(config, DestinationSyncMode.APPEND, rows(0, item(2, "b", 2)));

        assertThat(rest.tables()).containsExactly(table(config));
        assertThat(rest.sql()).singleElement().asString().endsWith("\"contract_items\" REFRESH METADATA");
        assertThat(staged(config)).extracting(r -> r.get("name")).containsExactlyInAnyOrder("a", "b");
        assertThat(rest.calls()).allSatisfy(c -> assertThat(c.authorization())
                .isIn("", "_dremio" + rest.token()));
    }

    @Test
    void theViewSqlRunsOverFlightAfterTheSync() {
        String view = "CREATE VDS airbyte_customers AS SELECT id AS customer_id, name AS customer_name FROM "
                + "AirbyteData.datalake.\"airbyte-data\".production_public.contract_items";
        ObjectNode config = config().put("view_sql", view);
        int before = flight.statements().size();

        write(config, DestinationSyncMode.OVERWRITE, rows(0, item(1, "a", 1)));

        assertThat(flight.statements().subList(before, flight.statements().size()))
                .containsExactly(new FakeFlightDremio.Statement(view, FakeFlightDremio.USER));
        assertThat(rest.tables()).containsExactly(table(config));
    }

    @Test
    void aFailingViewFailsTheSyncWithDremiosReasonButKeepsTheData() throws Exception {
        ObjectNode config = config().put("view_sql", "CREATE OR REPLACE VIEW v AS SELECT * FROM FAIL_ME");
        RecordingAcknowledger acknowledger = new RecordingAcknowledger();

        assertThatThrownBy(() -> DremioDestinationContractIT.destination(Duration.ofMillis(5)).write(config,
                catalog(DestinationSyncMode.APPEND), new ListRecordInput(List.of(rows(0, item(1, "a", 1)),
                        checkpoint(state(1)))), acknowledger))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Table 'FAIL_ME' not found");
        assertThat(acknowledger.states()).hasSize(1);
        assertThat(staged(config)).hasSize(1);
    }

    @Test
    void aFolderDremioCannotSeeIsAPlainWordsConfigError() {
        rest.foldersVisible(false);
        ObjectNode config = config();

        assertThatThrownBy(() -> write(config, DestinationSyncMode.APPEND, rows(0, item(1, "a", 1))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CONFIG);
                    assertThat(e.getMessage()).contains("Dremio does not see")
                            .contains("source 'AirbyteData'").contains("Root Path /");
                });
    }

    @Test
    void anEmptyStreamWithoutAFolderIsLeftAlone() {
        rest.foldersVisible(false);

        write(config(), DestinationSyncMode.APPEND);

        assertThat(rest.tables()).isEmpty();
        assertThat(rest.sql()).isEmpty();
    }

    @Test
    void twoStreamsOfOneNameAreRefused() {
        ConfiguredStream one = catalog(DestinationSyncMode.APPEND).streams().getFirst();
        ConfiguredStream other = ConfiguredStream.of(io.sluice.protocol.AirbyteStream.of("other_ns", STREAM,
                        one.stream().jsonSchema(), List.of(), List.of()),
                one.syncMode(), List.of(), DestinationSyncMode.APPEND, List.of());

        assertThatThrownBy(() -> DremioDestinationContractIT.destination(Duration.ofMillis(5)).write(config(),
                new ConfiguredCatalog(List.of(one, other)), new ListRecordInput(List.of()), new RecordingAcknowledger()))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("would share the Dremio table");
    }

    @Test
    void checkSaysWhatIsWrongInPlainWords() {
        var destination = DremioDestinationContractIT.destination(Duration.ofMillis(5));

        assertThat(destination.check(config()).isSucceeded()).isTrue();
        assertThat(message(destination.check(config().put("project", "NoSuchSource"))))
                .contains("Dremio has no source or space named 'NoSuchSource'");
        assertThat(message(destination.check(config().put("password", "bad-Pw-0042"))))
                .contains("refused the sign-in").doesNotContain("bad-Pw-0042");
        assertThat(message(destination.check(config().put("s3_bucket_name", "no-such-bucket"))))
                .contains("The S3 staging area is not writable").doesNotContain(StagingBucket.SECRET_KEY);
        assertThat(message(destination.check(config().put("rest_port", DremioConfigTest.freePort()))))
                .contains("Could not reach Dremio's REST API");
    }

    private static String message(ConnectionStatus status) {
        assertThat(status.isSucceeded()).isFalse();
        return status.message().orElseThrow();
    }
}
