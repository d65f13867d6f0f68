package io.sluice.connectors.files;

/** Receives the fields of one record from a {@link RecordReader}, in the file's order. */
@FunctionalInterface
public interface FieldSink {

    /**
     * One field. {@code name} is the column name (the same String instance for every record of a
     * file where the format allows it, so lookups stay cheap). {@code value} is null, a String
     * (the only kind CSV and TSV give), Long, BigInteger, Double, BigDecimal, Boolean, LocalDate,
     * LocalTime, LocalDateTime, Instant, byte[], or a plain Map/List for nested values.
     */
    void field(String name, Object value);
}
