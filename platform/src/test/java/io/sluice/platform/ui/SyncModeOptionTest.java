package io.sluice.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncModeOptionTest {
    @Test
    void labelsReadAsAirbytes() {
        assertThat(new SyncModeOption("full_refresh", "overwrite").label()).isEqualTo("Full refresh | Overwrite");
        assertThat(new SyncModeOption("full_refresh", "append").label()).isEqualTo("Full refresh | Append");
        assertThat(new SyncModeOption("incremental", "append").label()).isEqualTo("Incremental | Append");
        assertThat(new SyncModeOption("incremental", "append_dedup").label()).isEqualTo("Incremental | Append + Deduped");
    }

    @Test
    void optionsAreWhatBothSidesSupport() {
        assertThat(SyncModeOption.options(List.of("full_refresh", "incremental"),
                List.of("overwrite", "append", "append_dedup")).stream().map(SyncModeOption::value))
                .containsExactly("full_refresh:overwrite", "full_refresh:append", "incremental:append",
                        "incremental:append_dedup");
        assertThat(SyncModeOption.options(List.of("full_refresh"), List.of("overwrite", "append", "append_dedup"))
                .stream().map(SyncModeOption::value)).containsExactly("full_refresh:overwrite", "full_refresh:append");
        assertThat(SyncModeOption.options(List.of("full_refresh", "incremental"), List.of("append"))
                .stream().map(SyncModeOption::value)).containsExactly("full_refresh:append", "incremental:append");
        assertThat(SyncModeOption.options(List.of(), List.of())).hasSize(4);
    }

    @Test
    void parsesItsValueAndRefusesOthers() {
        assertThat(SyncModeOption.parse("incremental:append_dedup")).contains(
                new SyncModeOption("incremental", "append_dedup"));
        assertThat(SyncModeOption.parse("incremental")).isEmpty();
        assertThat(SyncModeOption.parse("sideways:append")).isEmpty();
        assertThat(SyncModeOption.parse(null)).isEmpty();
    }

    @Test
    void saysWhatAModeNeeds() {
        SyncModeOption dedup = new SyncModeOption("incremental", "append_dedup");
        assertThat(dedup.needsCursor()).isTrue();
        assertThat(dedup.needsPrimaryKey()).isTrue();
        SyncModeOption overwrite = new SyncModeOption("full_refresh", "overwrite");
        assertThat(overwrite.needsCursor()).isFalse();
        assertThat(overwrite.needsPrimaryKey()).isFalse();
    }
}
