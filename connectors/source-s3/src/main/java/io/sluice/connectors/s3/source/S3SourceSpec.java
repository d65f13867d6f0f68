package io.sluice.connectors.s3.source;

import static io.sluice.cdk.SpecSchema.field;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.SpecSchema;
import io.sluice.protocol.ConnectorSpecification;

/** The config schema of source-s3, with the field names of Airbyte's S3 source (v4). */
final class S3SourceSpec {
    static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/sources/s3";
    /** Airbyte's file types; those Sluice does not read are refused with a clear message, not by the schema. */
    static final String[] AIRBYTE_FILETYPES = {"csv", "jsonl", "parquet", "avro", "excel", "unstructured"};
    private static final ObjectNode SCHEMA = build();

    private S3SourceSpec() {}

    static ConnectorSpecification specification() {
        return ConnectorSpecification.ofSource(DOCUMENTATION_URL, schema(), true);
    }

    static ObjectNode schema() {
        return SCHEMA.deepCopy();
    }

    private static ObjectNode build() {
        ObjectNode schema = SpecSchema.object("S3 Source Spec", "bucket", "streams");
        ObjectNode p = SpecSchema.properties(schema);
        field(p, "bucket", "string", "Bucket", 0, "Name of the S3 bucket where the file(s) exist.").put("minLength", 1);
        field(p, "aws_access_key_id", "string", "AWS Access Key ID", 1,
                "The access key of a user allowed to list and read the bucket; leave out for a public bucket.")
                .put("airbyte_secret", true);
        field(p, "aws_secret_access_key", "string", "AWS Secret Access Key", 2,
                "The secret key belonging to the access key.").put("airbyte_secret", true);
        field(p, "endpoint", "string", "Endpoint", 3,
                "An S3-compatible endpoint such as http://minio:9000 (path-style requests); leave out for AWS.")
                .put("default", "");
        field(p, "region_name", "string", "AWS Region", 4, "The bucket's region (default us-east-1).");
        field(p, "start_date", "string", "Start Date", 5,
                "Files modified before this UTC date-time are not read, e.g. 2021-01-01T00:00:00.000000Z.")
                .put("format", "date-time");
        streams(field(p, "streams", "array", "The list of streams to sync", 6,
                "Each stream is the files matching its globs, read in one format."));
        return schema;
    }

    private static void streams(ObjectNode streams) {
        streams.put("minItems", 1);
        ObjectNode item = streams.putObject("items");
        item.put("type", "object");
        item.put("title", "FileBasedStreamConfig");
        item.putArray("required").add("name").add("format");
        item.put("additionalProperties", true);
        ObjectNode p = item.putObject("properties");
        field(p, "name", "string", "Name", 0, "The name of the stream.").put("minLength", 1);
        ObjectNode globs = field(p, "globs", "array", "Globs", 1,
                "Patterns of the keys to read: * within a folder, ** across folders, ? one character. "
                        + "Default: every file (**).");
        globs.putObject("items").put("type", "string");
        globs.putArray("default").add("**");
        field(p, "input_schema", "string", "Input Schema", 2,
                "The schema of the files as a JSON object of column types, e.g. {\"id\": \"integer\", \"name\": "
                        + "\"string\"}, or a JSON schema; without it the schema is inferred from recent files.");
        field(p, "days_to_sync_if_history_is_full", "integer", "Days To Sync If History Is Full", 3,
                "Accepted for Airbyte compatibility; Sluice's state keeps only the files at its latest "
                        + "modification time, so it never fills.").put("default", 3);
        field(p, "recent_n_files_to_read_for_schema_discovery", "integer", "Files To Read For Schema Discovery", 4,
                "How many of the most recently modified files are sampled to infer the schema.")
                .put("minimum", 1).put("default", 10);
        format(p.putObject("format"));
    }

    private static void format(ObjectNode format) {
        format.put("type", "object");
        format.put("title", "Format");
        format.put("description", "The format of the files: csv, jsonl or parquet; gzip and zip files are detected.");
        format.put("order", 5);
        format.putArray("required").add("filetype");
        ObjectNode p = format.putObject("properties");
        ArrayNode types = field(p, "filetype", "string", "Filetype", 0, "csv, jsonl or parquet.").putArray("enum");
        for (String type : AIRBYTE_FILETYPES) {
            types.add(type);
        }
        field(p, "delimiter", "string", "Delimiter", 1, "CSV: the field separator (\\t for tab).").put("default", ",");
        field(p, "quote_char", "string", "Quote Character", 2, "CSV: the quote character.").put("default", "\"");
        field(p, "encoding", "string", "Encoding", 3, "CSV: the text encoding.").put("default", "utf8");
        field(p, "skip_rows_before_header", "integer", "Skip Rows Before Header", 4,
                "CSV: rows to skip before the header.").put("minimum", 0).put("default", 0);
        ObjectNode header = field(p, "header_definition", "object", "CSV Header Definition", 5,
                "CSV: where column names come from: From CSV (the first row), Autogenerated (f0, f1, ...) or "
                        + "User Provided (column_names).");
        ObjectNode hp = header.putObject("properties");
        hp.putObject("header_definition_type").put("type", "string").putArray("enum")
                .add("From CSV").add("Autogenerated").add("User Provided");
        hp.putObject("column_names").put("type", "array").putObject("items").put("type", "string");
    }
}
