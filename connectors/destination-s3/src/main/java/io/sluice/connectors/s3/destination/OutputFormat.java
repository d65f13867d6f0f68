package io.sluice.connectors.s3.destination;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.RowSchema;
import java.io.IOException;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The {@code format} of the files: Parquet, CSV or JSON lines, with their options. */
sealed interface OutputFormat permits OutputFormat.Parquet, OutputFormat.Csv, OutputFormat.Jsonl {
    String NO_FLATTENING = "No flattening";
    String ROOT_LEVEL_FLATTENING = "Root level flattening";

    /** The file name extension with its dot, e.g. {@code .parquet}, {@code .csv.gz}. */
    String extension();

    /**
     * Starts a file of rows of {@code schema} that writes to {@code out} and closes it when complete;
     * {@code buffers} and {@code fallbacks} are the stream's, shared by its successive files (formats
     * that buffer no row groups leave them alone).
     */
    RowFileWriter open(String stream, RowSchema schema, MultipartOutputStream out, PageBufferPool buffers,
            DictionaryFallbacks fallbacks) throws IOException;

    /**
     * Parquet files: one column per property of the stream's schema, after {@code _airbyte_ab_id} and
     * {@code _airbyte_emitted_at}.
     */
    record Parquet(CompressionCodecName codec, long blockSizeBytes, int pageSizeBytes, int dictionaryPageSizeBytes,
            int maxPaddingBytes, boolean dictionaryEncoding) implements OutputFormat {
        @Override
        public String extension() {
            return ".parquet";
        }

        @Override
        public RowFileWriter open(String stream, RowSchema schema, MultipartOutputStream out, PageBufferPool buffers,
                DictionaryFallbacks fallbacks) throws IOException {
            return ParquetFileWriter.open(this, stream, schema, out, buffers, fallbacks);
        }
    }

    /** CSV with a header row: Airbyte's three columns, or the root-level fields when flattened. */
    record Csv(boolean flatten, boolean gzip) implements OutputFormat {
        @Override
        public String extension() {
            return gzip ? ".csv.gz" : ".csv";
        }

        @Override
        public RowFileWriter open(String stream, RowSchema schema, MultipartOutputStream out, PageBufferPool buffers,
                DictionaryFallbacks fallbacks) throws IOException {
            return new CsvFileWriter(schema, flatten, out, gzip);
        }
    }

    /** One JSON object per line: the record under {@code _airbyte_data}, or its fields at the root when flattened. */
    record Jsonl(boolean flatten, boolean gzip) implements OutputFormat {
        @Override
        public String extension() {
            return gzip ? ".jsonl.gz" : ".jsonl";
        }

        @Override
        public RowFileWriter open(String stream, RowSchema schema, MultipartOutputStream out, PageBufferPool buffers,
                DictionaryFallbacks fallbacks) throws IOException {
            return new JsonlFileWriter(schema, flatten, out, gzip);
        }
    }

    /** Reads the {@code format} object (already checked against the spec). */
    static OutputFormat from(JsonNode format) {
        String type = format.path("format_type").asText();
        return switch (type) {
            case "Parquet" -> new Parquet(
                    CompressionCodecName.valueOf(format.path("compression_codec").asText("SNAPPY")),
                    format.path("block_size_mb").asLong(128) << 20,
                    Math.toIntExact(format.path("page_size_kb").asLong(1024) << 10),
                    Math.toIntExact(format.path("dictionary_page_size_kb").asLong(1024) << 10),
                    Math.toIntExact(format.path("max_padding_size_mb").asLong(8) << 20),
                    format.path("dictionary_encoding").asBoolean(true));
            case "CSV" -> new Csv(flattened(format), gzip(format));
            case "JSONL" -> new Jsonl(flattened(format), gzip(format));
            default -> throw new IllegalArgumentException("format.format_type " + type);
        };
    }

    private static boolean flattened(JsonNode format) {
        return format.path("flattening").asText(NO_FLATTENING).equals(ROOT_LEVEL_FLATTENING);
    }

    private static boolean gzip(JsonNode format) {
        return format.path("compression").path("compression_type").asText("No Compression").equals("GZIP");
    }
}
