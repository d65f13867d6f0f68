package io.sluice.cdk;

/**
 * The Java type a row value of a column holds. Every value may also be {@code null}.
 *
 * <ul>
 *   <li>STRING: {@link String}
 *   <li>INTEGER: {@link Long} ({@link java.math.BigInteger} if it does not fit)
 *   <li>NUMBER: {@link Double} or {@link java.math.BigDecimal}
 *   <li>BOOLEAN: {@link Boolean}
 *   <li>DATE: {@link java.time.LocalDate}
 *   <li>TIME: {@link java.time.LocalTime}; TIME_TZ: {@link java.time.OffsetTime}
 *   <li>TIMESTAMP: {@link java.time.LocalDateTime}; TIMESTAMP_TZ: {@link java.time.Instant}
 *   <li>OBJECT: {@code Map<String, Object>} of plain values (String, Long, Double, BigDecimal,
 *       Boolean, Map, List)
 *   <li>ARRAY: {@code List<Object>} of plain values
 *   <li>JSON: any plain value (a column whose schema has no single type)
 * </ul>
 */
public enum ValueType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN,
    DATE,
    TIME,
    TIME_TZ,
    TIMESTAMP,
    TIMESTAMP_TZ,
    OBJECT,
    ARRAY,
    JSON
}
