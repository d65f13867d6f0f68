package io.sluice.cdk.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableNamesTest {
    private final TableNames names = new TableNames(TableNames.POSTGRES_MAX_BYTES);

    @Test
    void sanitisesCaseSymbolsAndLeadingDigits() {
        assertThat(names.identifier("Line Items")).isEqualTo("line_items");
        assertThat(names.identifier("price-€")).isEqualTo("price__");
        assertThat(names.identifier("1st_place")).isEqualTo("_1st_place");
        assertThat(names.identifier("")).isEqualTo("_");
        assertThat(names.identifier("Prénom")).isEqualTo("prénom");
        assertThat(names.rawTable("Purchases")).isEqualTo("_airbyte_raw_purchases");
        assertThat(names.stagingTable("customers")).isEqualTo("_airbyte_tmp_customers");
        assertThat(names.hashIdColumn("customers")).isEqualTo("_airbyte_customers_hashid");
        assertThat(TableNames.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void truncatesLongNamesDeterministicallyWithAHashSuffix() {
        String longA = "a".repeat(80) + "_first";
        String longB = "a".repeat(80) + "_second";

        String a = names.identifier(longA);

        assertThat(a).hasSize(63).isEqualTo(names.identifier(longA));
        assertThat(a).startsWith("a".repeat(54) + "_").matches(".*_[0-9a-f]{8}");
        assertThat(names.identifier(longB)).hasSize(63).isNotEqualTo(a);
        assertThat(names.identifier("x".repeat(63))).isEqualTo("x".repeat(63));
    }

    @Test
    void countsTheLimitInUtf8BytesAndNeverSplitsACharacter() {
        String greek = "αβγδ".repeat(10); // 40 characters, 80 bytes

        String cut = names.identifier(greek);

        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(cut).startsWith("αβγδ".repeat(6) + "αβγ_").matches(".*_[0-9a-f]{8}");
        assertThat(new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(cut);
        assertThat(names.identifier("é".repeat(31))).isEqualTo("é".repeat(31));
        assertThat(names.identifier("é".repeat(32))).startsWith("é".repeat(27) + "_").matches(".*_[0-9a-f]{8}");
    }

    @Test
    void smallerLimitsApply() {
        TableNames tiny = new TableNames(20);

        assertThat(tiny.identifier("abcdefghijklmnopqrstuvwxyz")).hasSize(20).startsWith("abcdefghijk_");
    }

    @Test
    void uniqueNamesResolveCollisionsInCallOrder() {
        UniqueNames scope = new UniqueNames(names);
        scope.reserve("_airbyte_ab_id");

        assertThat(scope.allocate("Name")).isEqualTo("name");
        assertThat(scope.allocate("name")).isEqualTo("name_1");
        assertThat(scope.allocate("NAME")).isEqualTo("name_2");
        assertThat(scope.allocate("_airbyte_ab_id")).isEqualTo("_airbyte_ab_id_1");
        String longName = "z".repeat(70);
        String first = scope.allocate(longName);
        String second = scope.allocate(longName);
        assertThat(first).hasSize(63);
        assertThat(second).hasSize(63).isNotEqualTo(first);
        assertThat(scope.isTaken(second)).isTrue();
    }
}
