package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cdk.ConfigError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionFormErrorsTest {
    private static final List<StreamChoice> SENT = List.of(
            new StreamChoice("users", "", true, new SyncModeOption("full_refresh", "overwrite"), "", List.of()),
            new StreamChoice("orders", "shop", true, new SyncModeOption("incremental", "append"), "", List.of()));

    @Test
    void placesEachErrorBesideItsFieldOrStream() {
        ConnectionFormErrors errors = ConnectionFormErrors.of(List.of(
                new ConfigError("scheduleData.cron.cronExpression", "must have 5 fields"),
                new ConfigError("namespaceFormat", "is required with namespaceDefinition customformat"),
                new ConfigError("syncCatalog.streams[1].config.cursorField", "is required: stream 'orders' has no"
                        + " source-defined cursor"),
                new ConfigError("sourceId", "the source's streams cannot be discovered: down")), SENT);
        assertThat(errors.fields()).containsEntry("cronExpression", "Must have 5 fields.")
                .containsEntry("namespaceFormat", "Is required with namespaceDefinition customformat.")
                .hasSize(2);
        assertThat(errors.streams()).containsOnlyKeys("shop.orders");
        assertThat(errors.streams().get("shop.orders"))
                .isEqualTo("The cursor field is required: stream 'orders' has no source-defined cursor.");
        assertThat(errors.general()).containsExactly("sourceId: the source's streams cannot be discovered: down");
        assertThat(errors.isEmpty()).isFalse();
    }

    @Test
    void aStreamIndexBeyondWhatWasSentIsAGeneralError() {
        ConnectionFormErrors errors = ConnectionFormErrors.of(
                List.of(new ConfigError("syncCatalog.streams[5].stream.name", "is required")), SENT);
        assertThat(errors.streams()).isEmpty();
        assertThat(errors.general()).hasSize(1);
        assertThat(ConnectionFormErrors.NONE.isEmpty()).isTrue();
    }
}
