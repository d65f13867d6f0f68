package io.sluice.connectors.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableNamesTest {

    @Test
    void sanitisesCaseSymbolsAndLeadingDigits() {
        assertThat(TableNames.identifier("Line Items")).isEqualTo("line_items");
        assertThat(TableNames.identifier("price-€")).isEqualTo("price__");
        assertThat(TableNames.identifier("1st_place")).isEqualTo("_1st_place");
        assertThat(TableNames.identifier("")).isEqualTo("_");
        assertThat(TableNames.rawTable("Purchases")).isEqualTo("_airbyte_raw_purchases");
    }

    @Test
    void truncatesLongNamesDeterministicallyWithAHashSuffix() {
        String longA = "a".repeat(80) + "_first";
        String longB = "a".repeat(80) + "_second";

        String a = TableNames.identifier(longA);

        assertThat(a).hasSize(TableNames.MAX_LENGTH).isEqualTo(TableNames.identifier(longA));
        assertThat(a).startsWith("a".repeat(54) + "_").matches(".*_[0-9a-f]{8}");
        assertThat(TableNames.identifier(longB)).hasSize(TableNames.MAX_LENGTH).isNotEqualTo(a);
        assertThat(TableNames.identifier("x".repeat(63))).isEqualTo("x".repeat(63));
    }
}
