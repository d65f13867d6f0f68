package io.sluice.connectors.files;

import static io.sluice.connectors.files.InferredType.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferredTypeTest {

    @Test
    void textValuesAreRecognised() {
        assertThat(of("42", true)).isEqualTo(INTEGER);
        assertThat(of("-7", true)).isEqualTo(INTEGER);
        assertThat(of("007", true)).as("leading zero: a code, kept as text").isEqualTo(STRING);
        assertThat(of("0", true)).isEqualTo(INTEGER);
        assertThat(of("3.25", true)).isEqualTo(NUMBER);
        assertThat(of("1e5", true)).isEqualTo(NUMBER);
        assertThat(of("0.5", true)).isEqualTo(NUMBER);
        assertThat(of("TRUE", true)).isEqualTo(BOOLEAN);
        assertThat(of("2024-02-29", true)).isEqualTo(DATE);
        assertThat(of("2024-02-30", true)).as("not a real date").isEqualTo(STRING);
        assertThat(of("2024-02-29 10:11:12", true)).isEqualTo(TIMESTAMP);
        assertThat(of("2024-02-29T10:11:12.5Z", true)).isEqualTo(TIMESTAMP_TZ);
        assertThat(of("2024-02-29T10:11:12+02:00", true)).isEqualTo(TIMESTAMP_TZ);
        assertThat(of("NaN", true)).isEqualTo(STRING);
        assertThat(of("", true)).isEqualTo(NULL);
        assertThat(of("hello", true)).isEqualTo(STRING);
    }

    @Test
    void jsonStringsAreOnlyDatesOrText() {
        assertThat(of("42", false)).isEqualTo(STRING);
        assertThat(of("true", false)).isEqualTo(STRING);
        assertThat(of("2024-01-02", false)).isEqualTo(DATE);
        assertThat(of(42L, false)).isEqualTo(INTEGER);
        assertThat(of(new BigDecimal("1.5"), false)).isEqualTo(NUMBER);
        assertThat(of(Instant.EPOCH, false)).isEqualTo(TIMESTAMP_TZ);
        assertThat(of(Map.of(), false)).isEqualTo(OBJECT);
        assertThat(of(List.of(), false)).isEqualTo(ARRAY);
    }

    @Test
    void widening() {
        assertThat(NULL.widen(INTEGER)).isEqualTo(INTEGER);
        assertThat(INTEGER.widen(NULL)).isEqualTo(INTEGER);
        assertThat(INTEGER.widen(NUMBER)).isEqualTo(NUMBER);
        assertThat(NUMBER.widen(INTEGER)).isEqualTo(NUMBER);
        assertThat(INTEGER.widen(STRING)).isEqualTo(STRING);
        assertThat(BOOLEAN.widen(INTEGER)).isEqualTo(STRING);
        assertThat(DATE.widen(TIMESTAMP)).isEqualTo(TIMESTAMP);
        assertThat(TIMESTAMP.widen(TIMESTAMP_TZ)).isEqualTo(TIMESTAMP_TZ);
        assertThat(DATE.widen(INTEGER)).isEqualTo(STRING);
        assertThat(OBJECT.widen(ARRAY)).isEqualTo(STRING);
        assertThat(NULL.valueType()).isEqualTo(io.sluice.cdk.ValueType.STRING);
    }
}
