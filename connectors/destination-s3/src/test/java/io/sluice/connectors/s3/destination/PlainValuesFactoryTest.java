package io.sluice.connectors.s3.destination;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

class PlainValuesFactoryTest {
    private static final MessageType SCHEMA = Types.buildMessage()
            .addField(Types.optional(PrimitiveTypeName.INT64).named("id"))
            .addField(Types.optional(PrimitiveTypeName.INT64).named("few"))
            .named("t");
    private static final ColumnDescriptor ID = SCHEMA.getColumns().get(0);
    private static final ColumnDescriptor FEW = SCHEMA.getColumns().get(1);

    @Test
    void aColumnWhoseDictionaryGaveUpIsPlainForTheNextRowGroupsThenTriesAgain() {
        DictionaryFallbacks fallbacks = new DictionaryFallbacks();
        PlainValuesFactory factory = factory(fallbacks);

        ValuesWriter ids = factory.newValuesWriter(ID);
        ValuesWriter few = factory.newValuesWriter(FEW);
        assertThat(ids).isInstanceOf(FallbackValuesWriter.class);
        for (long i = 0; i < 1000; i++) {
            ids.writeLong(i);
            few.writeLong(i % 3);
        }
        assertThat(ids.getEncoding()).isEqualTo(Encoding.PLAIN);
        assertThat(few.getEncoding()).isEqualTo(Encoding.PLAIN_DICTIONARY);

        for (int rowGroup = 0; rowGroup < DictionaryFallbacks.PLAIN_ROW_GROUPS; rowGroup++) {
            assertThat(factory.newValuesWriter(ID)).as("row group %d", rowGroup).isInstanceOf(PlainValues.class);
            assertThat(factory.newValuesWriter(FEW)).isInstanceOf(FallbackValuesWriter.class);
        }
        ValuesWriter again = factory.newValuesWriter(ID);
        assertThat(again).isInstanceOf(FallbackValuesWriter.class);
        again.writeLong(1);
        assertThat(again.getEncoding()).isEqualTo(Encoding.PLAIN_DICTIONARY);
        assertThat(factory.newValuesWriter(ID)).isInstanceOf(FallbackValuesWriter.class);
    }

    @Test
    void withoutDictionaryEncodingEveryColumnIsPlain() {
        PlainValuesFactory factory = new PlainValuesFactory(new DictionaryFallbacks());
        ParquetProperties.builder().withAllocator(new PageBufferPool(0)).withDictionaryEncoding(false)
                .withValuesWriterFactory(factory).build();
        assertThat(factory.newValuesWriter(ID)).isInstanceOf(PlainValues.class);
    }

    /** Dictionaries of at most 1 KiB: 128 distinct longs. */
    private static PlainValuesFactory factory(DictionaryFallbacks fallbacks) {
        PlainValuesFactory factory = new PlainValuesFactory(fallbacks);
        ParquetProperties.builder().withAllocator(new PageBufferPool(0)).withDictionaryPageSize(1024)
                .withValuesWriterFactory(factory).build();
        return factory;
    }
}
