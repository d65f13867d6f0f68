package io.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowSizeEstimatorTest {
    @Test
    void stringsCountTheirLengthNumbersEightNestedValuesRecursively() {
        Object[] row = {"abcd", 12L, 1.5, new BigDecimal("3.14"), null, true,
                Map.of("city", "Oslo"), List.of("ab", 7L), new byte[] {1, 2, 3}, LocalDate.of(2024, 1, 2)};

        assertThat(RowSizeEstimator.estimate(row)).isEqualTo(4 + 8 + 8 + 8 + 0 + 1 + (4 + 4) + (2 + 8) + 3 + 16);
    }
}
