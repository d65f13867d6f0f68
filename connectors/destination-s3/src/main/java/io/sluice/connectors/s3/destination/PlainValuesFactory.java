package io.sluice.connectors.s3.destination;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.factory.DefaultV1ValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;

/**
 * The value encodings of Parquet's version-1 pages as parquet-mr chooses them (a dictionary while
 * it pays, falling back to PLAIN; PLAIN without a dictionary where that is switched off; booleans
 * and INT96 as parquet-mr writes them), with {@link PlainValues} as the PLAIN writer; a column whose
 * dictionary gave up in a recent row group of the stream starts PLAIN ({@link DictionaryFallbacks}).
 */
final class PlainValuesFactory implements ValuesWriterFactory {
    /** First capacity of a page's values; they grow to the page size. */
    private static final int INITIAL_CAPACITY = 64 << 10;

    private final DefaultV1ValuesWriterFactory parquetMr = new DefaultV1ValuesWriterFactory();
    private final DictionaryFallbacks fallbacks;
    private ParquetProperties properties;

    PlainValuesFactory(DictionaryFallbacks fallbacks) {
        this.fallbacks = fallbacks;
    }

    @Override
    public void initialize(ParquetProperties parquetProperties) {
        this.properties = parquetProperties;
        parquetMr.initialize(parquetProperties);
    }

    @Override
    public ValuesWriter newValuesWriter(ColumnDescriptor column) {
        return switch (column.getPrimitiveType().getPrimitiveTypeName()) {
            case INT32, INT64, DOUBLE, FLOAT, BINARY -> withDictionary(column, plain(0));
            case FIXED_LEN_BYTE_ARRAY -> plain(column.getPrimitiveType().getTypeLength());
            case BOOLEAN, INT96 -> parquetMr.newValuesWriter(column);
        };
    }

    private PlainValues plain(int fixedLength) {
        return new PlainValues(INITIAL_CAPACITY, fixedLength, properties.getAllocator());
    }

    private ValuesWriter withDictionary(ColumnDescriptor column, PlainValues plain) {
        if (!properties.isDictionaryEnabled(column) || !fallbacks.tryDictionary(column)) {
            return plain;
        }
        int maxBytes = properties.getDictionaryPageSizeThreshold();
        DictionaryValuesWriter dictionary = switch (column.getPrimitiveType().getPrimitiveTypeName()) {
            case INT32 -> new DictionaryValuesWriter.PlainIntegerDictionaryValuesWriter(maxBytes,
                    Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY, properties.getAllocator());
            case INT64 -> new DictionaryValuesWriter.PlainLongDictionaryValuesWriter(maxBytes,
                    Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY, properties.getAllocator());
            case DOUBLE -> new DictionaryValuesWriter.PlainDoubleDictionaryValuesWriter(maxBytes,
                    Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY, properties.getAllocator());
            case FLOAT -> new DictionaryValuesWriter.PlainFloatDictionaryValuesWriter(maxBytes,
                    Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY, properties.getAllocator());
            case BINARY -> new DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter(maxBytes,
                    Encoding.PLAIN_DICTIONARY, Encoding.PLAIN_DICTIONARY, properties.getAllocator());
            default -> throw new IllegalArgumentException("no dictionary for " + column);
        };
        return new ReportedFallback(dictionary, plain, column, fallbacks);
    }

    /** parquet-mr's dictionary-then-PLAIN writer, telling the stream once its pages come out PLAIN. */
    private static final class ReportedFallback extends FallbackValuesWriter<DictionaryValuesWriter, PlainValues> {
        private final ColumnDescriptor column;
        private final DictionaryFallbacks fallbacks;
        private boolean reported;

        ReportedFallback(DictionaryValuesWriter dictionary, PlainValues plain, ColumnDescriptor column,
                DictionaryFallbacks fallbacks) {
            super(dictionary, plain);
            this.column = column;
            this.fallbacks = fallbacks;
        }

        /** Asked once a page, when the page is written. */
        @Override
        public Encoding getEncoding() {
            Encoding encoding = super.getEncoding();
            if (!reported && !encoding.usesDictionary()) {
                reported = true;
                fallbacks.fellBack(column);
            }
            return encoding;
        }
    }
}
