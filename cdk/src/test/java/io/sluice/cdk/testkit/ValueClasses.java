package io.sluice.cdk.testkit;

import io.sluice.cdk.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.Map;

/** The Java classes {@link ValueType}'s Javadoc allows for each type. */
final class ValueClasses {
    private static final List<Class<?>> PLAIN =
            List.of(String.class, Long.class, Double.class, BigDecimal.class, Boolean.class, Map.class, List.class);

    private ValueClasses() {}

    static List<Class<?>> allowed(ValueType type) {
        return switch (type) {
            case STRING -> List.of(String.class);
            case INTEGER -> List.of(Long.class, BigInteger.class);
            case NUMBER -> List.of(Double.class, BigDecimal.class);
            case BOOLEAN -> List.of(Boolean.class);
            case DATE -> List.of(LocalDate.class);
            case TIME -> List.of(LocalTime.class);
            case TIME_TZ -> List.of(OffsetTime.class);
            case TIMESTAMP -> List.of(LocalDateTime.class);
            case TIMESTAMP_TZ -> List.of(Instant.class);
            case OBJECT -> List.of(Map.class);
            case ARRAY -> List.of(List.class);
            case JSON -> PLAIN;
        };
    }

    static boolean accepts(ValueType type, Object value) {
        return value == null || allowed(type).stream().anyMatch(c -> c.isInstance(value));
    }
}
