package io.sluice.cdk.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowHasherTest {
    private final RowHasher hasher = new RowHasher();

    @Test
    void sameValuesSameIdAndTheIdIs32HexDigits() {
        Object[] row = {1L, "Acme Corp", Map.of("email", "info@acme.com"), Instant.parse("2025-10-16T10:00:00Z")};
        String id = hasher.ofRow(row).toString();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(new RowHasher().ofRow(row.clone()).toString()).isEqualTo(id);
    }

    @Test
    void anyChangedValueOrPositionChangesTheId() {
        Set<HashId> ids = new HashSet<>();
        ids.add(hasher.ofRow(new Object[] {1L, "a", null}));
        ids.add(hasher.ofRow(new Object[] {2L, "a", null}));
        ids.add(hasher.ofRow(new Object[] {1L, "b", null}));
        ids.add(hasher.ofRow(new Object[] {1L, null, "a"}));
        ids.add(hasher.ofRow(new Object[] {1L, "a", ""}));
        ids.add(hasher.ofRow(new Object[] {1L, "a"}));
        ids.add(hasher.ofRow(new Object[] {"1", "a", null}));
        ids.add(hasher.ofRow(new Object[] {1.0, "a", null}));
        ids.add(hasher.ofRow(new Object[] {1L, "a", new BigDecimal("1.50")}));
        ids.add(hasher.ofRow(new Object[] {1L, "a", new BigDecimal("1.5")}));
        ids.add(hasher.ofRow(new Object[] {1L, "a", LocalDate.of(2024, 1, 1)}));
        ids.add(hasher.ofRow(new Object[] {1L, "a", List.of(1L, 2L)}));
        ids.add(hasher.ofRow(new Object[] {1L, "a", List.of(2L, 1L)}));
        ids.add(hasher.ofRow(new Object[] {1L, "ab", null}));
        ids.add(hasher.ofRow(new Object[] {1L, "abcde", null}));
        ids.add(hasher.ofRow(new Object[] {1L, "abcdf", null}));
        assertThat(ids).hasSize(16);
    }

    @Test
    void childIdsDependOnParentPositionAndContent() {
        Map<String, Object> billing = new LinkedHashMap<>();
        billing.put("type", "billing");
        billing.put("city", "New York");
        HashId parent = hasher.ofRow(new Object[] {1L});
        Set<HashId> ids = new HashSet<>();
        ids.add(hasher.ofElement(parent, 0, billing));
        ids.add(hasher.ofElement(parent, 1, billing));
        ids.add(hasher.ofElement(hasher.ofRow(new Object[] {2L}), 0, billing));
        ids.add(hasher.ofElement(parent, 0, Map.of("type", "shipping", "city", "New York")));
        assertThat(ids).hasSize(4);
        assertThat(hasher.ofElement(parent, 0, billing)).isEqualTo(hasher.ofElement(parent, 0, billing));
    }

    @Test
    void aMillionDistinctRowsGiveAMillionDistinctIds() {
        Set<HashId> ids = new HashSet<>();
        for (long i = 0; i < 1_000_000; i++) {
            ids.add(hasher.ofRow(new Object[] {i, "name " + (i % 1000), i % 2 == 0}));
        }
        assertThat(ids).hasSize(1_000_000);
    }

    @Test
    void decimalsHashByValueAndScaleWhateverTheirSize() {
        assertThat(hasher.ofRow(new Object[] {new BigDecimal("1.50")}))
                .isEqualTo(hasher.ofRow(new Object[] {BigDecimal.valueOf(150, 2)}));
        BigDecimal huge = new BigDecimal("123456789012345678901234567890.12");
        assertThat(hasher.ofRow(new Object[] {huge})).isEqualTo(hasher.ofRow(new Object[] {new BigDecimal(huge.toString())}));
        assertThat(hasher.ofRow(new Object[] {huge})).isNotEqualTo(hasher.ofRow(new Object[] {huge.add(BigDecimal.ONE)}));
        assertThat(hasher.ofRow(new Object[] {new BigDecimal("-0.01")}))
                .isNotEqualTo(hasher.ofRow(new Object[] {new BigDecimal("0.01")}));
    }

    @Test
    void anOddAndAnEvenNumberOfWordsBothCountEveryWord() {
        Set<HashId> ids = new HashSet<>();
        ids.add(hasher.ofRow(new Object[] {}));
        ids.add(hasher.ofRow(new Object[] {null}));
        ids.add(hasher.ofRow(new Object[] {null, null}));
        ids.add(hasher.ofRow(new Object[] {true}));
        ids.add(hasher.ofRow(new Object[] {false}));
        ids.add(hasher.ofRow(new Object[] {true, null}));
        assertThat(ids).hasSize(6);
    }

    @Test
    void aHashIdPrintsAs32HexDigitsHighWordFirst() {
        assertThat(new HashId(0x0123456789abcdefL, -1L)).hasToString("0123456789abcdefffffffffffffffff");
    }
}
