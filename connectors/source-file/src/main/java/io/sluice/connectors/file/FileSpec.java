package io.sluice.connectors.file;

import static io.sluice.cdk.SpecSchema.field;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.SpecSchema;
import io.sluice.protocol.ConnectorSpecification;

/** The config schema of source-file, with the field names of Airbyte's File source. */
final class FileSpec {
    static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/sources/file";
    /** Airbyte's formats; those Sluice does not read are refused with a clear message, not by the schema. */
    static final String[] AIRBYTE_FORMATS =
            {"csv", "tsv", "json", "jsonl", "parquet", "excel", "excel_binary", "fwf", "feather", "yaml"};
    static final int DEFAULT_SAMPLE_ROWS = 10_000;
    private static final ObjectNode SCHEMA = build();

    private FileSpec() {}

    static ConnectorSpecification specification() {
        return ConnectorSpecification.ofSource(DOCUMENTATION_URL, schema(), false);
    }

    static ObjectNode schema() {
        return SCHEMA.deepCopy();
    }

    private static ObjectNode build() {
        ObjectNode schema = SpecSchema.object("File Source Spec", "dataset_name", "format", "url", "provider");
        ObjectNode p = SpecSchema.properties(schema);
        field(p, "dataset_name", "string", "Dataset Name", 0,
                "The name of the stream (and of the final table) this file is replicated into.").put("minLength", 1);
        ObjectNode format = field(p, "format", "string", "File Format", 1,
                "The format of the file: csv, tsv, json (an array of objects or objects one after another), "
                        + "jsonl (one object per line) or parquet. Gzip and zip files are detected and read.");
        ArrayNode formats = format.putArray("enum");
        for (String f : AIRBYTE_FORMATS) {
            formats.add(f);
        }
        format.put("default", "csv");
        field(p, "reader_options", "string", "Reader Options", 2,
                "A JSON object as text tuning the reader, as pandas names the options: sep (or delimiter), "
                        + "quotechar, header (row index, or null for none), encoding, skiprows, names.")
                .putArray("examples").add("{}").add("{\"sep\": \";\", \"header\": 0, \"encoding\": \"latin-1\"}");
        field(p, "url", "string", "URL", 3,
                "The file to read: https://..., s3://bucket/key, or a local path.").put("minLength", 1);
        providers(p.putObject("provider"));
        field(p, "schema_sample_rows", "integer", "Rows Sampled for the Schema (Sluice)", 5,
                "How many rows from the start of the file decide the column types (integer, number, boolean, "
                        + "date, date-time, string; widened as needed).")
                .put("minimum", 1).put("default", DEFAULT_SAMPLE_ROWS);
        return schema;
    }

    private static void providers(ObjectNode provider) {
        provider.put("type", "object");
        provider.put("title", "Storage Provider");
        provider.put("description", "The storage provider or location of the file to replicate.");
        provider.put("order", 4);
        ArrayNode options = provider.putArray("oneOf");
        ObjectNode https = option(options, "HTTPS: Public Web", "HTTPS");
        field(https, "user_agent", "boolean", "User-Agent", 1, "Send a browser-like User-Agent header.")
                .put("default", false);
        ObjectNode s3 = option(options, "S3: Amazon Web Services", "S3");
        field(s3, "aws_access_key_id", "string", "AWS Access Key ID", 1,
                "The access key for a private bucket; leave out for public data.");
        field(s3, "aws_secret_access_key", "string", "AWS Secret Access Key", 2,
                "The secret key for a private bucket; leave out for public data.").put("airbyte_secret", true);
        field(s3, "endpoint", "string", "Endpoint (Sluice)", 3,
                "An S3-compatible endpoint such as http://minio:9000 (path-style requests); leave out for AWS.");
        field(s3, "region_name", "string", "Region (Sluice)", 4, "The bucket's region.").put("default", "us-east-1");
        option(options, "Local Filesystem", "local");
    }

    private static ObjectNode option(ArrayNode options, String title, String storage) {
        ObjectNode option = options.addObject();
        option.put("title", title);
        option.put("type", "object");
        option.putArray("required").add("storage");
        option.put("additionalProperties", true);
        ObjectNode p = option.putObject("properties");
        ObjectNode s = p.putObject("storage");
        s.put("type", "string").put("const", storage).put("order", 0);
        s.putArray("enum").add(storage);
        s.put("default", storage);
        return p;
    }
}
