package io.sluice.connectors.s3.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import io.sluice.cdk.ConfigValidator;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Secret;
import io.sluice.cdk.TemporalValues;
import io.sluice.connectors.files.CsvOptions;
import io.sluice.connectors.files.FileFormat;
import io.sluice.connectors.files.ReadOptions;
import io.sluice.connectors.files.S3Settings;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A source-s3 config in Airbyte's (v4) field names, defaults filled in. */
record S3SourceConfig(String bucket, S3Settings s3, Optional<Instant> startDate, List<StreamConfig> streams) {

    S3SourceConfig {
        requireNonNull(bucket, "bucket");
        requireNonNull(s3, "s3");
        requireNonNull(startDate, "startDate");
        streams = List.copyOf(streams);
    }

    static List<ConfigError> validate(JsonNode config) {
        List<ConfigError> problems = new ArrayList<>();
        parse(config, problems);
        return problems;
    }

    /** @throws ConnectorException (CONFIG) naming each field at fault */
    static S3SourceConfig from(JsonNode config) {
        List<ConfigError> problems = new ArrayList<>();
        S3SourceConfig parsed = parse(config, problems);
        if (!problems.isEmpty()) {
            throw ConnectorException.config(describe(problems));
        }
        return parsed;
    }

    static String describe(List<ConfigError> problems) {
        return "Invalid source-s3 config: " + String.join("; ", problems.stream().map(ConfigError::toString).toList());
    }

    Optional<StreamConfig> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static S3SourceConfig parse(JsonNode config, List<ConfigError> problems) {
        if (config == null || !config.isObject()) {
            problems.add(new ConfigError("", "must be a JSON object"));
            return null;
        }
        problems.addAll(ConfigValidator.validate(S3SourceSpec.schema(), config));
        if (!problems.isEmpty()) {
            return null;
        }
        S3Settings s3 = settings(config, problems);
        Optional<Instant> startDate = Optional.empty();
        String start = config.path("start_date").asText("");
        if (!start.isBlank()) {
            try {
                startDate = Optional.of(TemporalValues.instant(start));
            } catch (DateTimeException e) {
                problems.add(new ConfigError("start_date", "is not a date-time such as 2021-01-01T00:00:00.000000Z"));
            }
        }
        List<StreamConfig> streams = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode list = config.get("streams");
        for (int i = 0; i < list.size(); i++) {
            String field = "streams[" + i + "]";
            StreamConfig stream = stream(list.get(i), field, problems);
            if (stream != null && !names.add(stream.name())) {
                problems.add(new ConfigError(field + ".name", "\"" + stream.name() + "\" is used by another stream"));
            }
            streams.add(stream);
        }
        return problems.isEmpty()
                ? new S3SourceConfig(config.get("bucket").asText().strip(), s3, startDate, streams)
                : null;
    }

    private static S3Settings settings(JsonNode config, List<ConfigError> problems) {
        Optional<URI> endpoint = Optional.empty();
        String text = config.path("endpoint").asText("").strip();
        if (!text.isEmpty()) {
            try {
                URI uri = URI.create(text.contains("://") ? text : "https://" + text);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
                endpoint = Optional.of(uri);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigError("endpoint", "is not a valid URL such as http://minio:9000"));
            }
        }
        String key = config.path("aws_access_key_id").asText("");
        String secret = config.path("aws_secret_access_key").asText("");
        String region = config.path("region_name").asText("");
        return new S3Settings(endpoint, region.isBlank() ? S3Settings.DEFAULT_REGION : region,
                key.isEmpty() ? Optional.empty() : Optional.of(key),
                secret.isEmpty() ? Optional.empty() : Optional.of(Secret.of(secret)),
                new S3Settings.Fields("endpoint", "aws_access_key_id", "aws_secret_access_key", "bucket"));
    }

    private static StreamConfig stream(JsonNode stream, String field, List<ConfigError> problems) {
        List<Globs> globs = new ArrayList<>();
        stream.path("globs").forEach(g -> globs.add(Globs.of(g.asText())));
        if (globs.isEmpty()) {
            globs.add(Globs.of("**"));
        }
        ReadOptions options = readOptions(stream.get("format"), field + ".format", problems);
        return new StreamConfig(stream.get("name").asText(), globs, options,
                InputSchema.parse(stream.path("input_schema").asText(""), field + ".input_schema", problems),
                stream.path("recent_n_files_to_read_for_schema_discovery").asInt(10));
    }

    private static ReadOptions readOptions(JsonNode format, String field, List<ConfigError> problems) {
        String filetype = format.get("filetype").asText();
        Optional<FileFormat> known = FileFormat.fromConfig(filetype)
                .filter(f -> f == FileFormat.CSV || f == FileFormat.JSONL || f == FileFormat.PARQUET);
        if (known.isEmpty()) {
            problems.add(new ConfigError(field + ".filetype", "\"" + filetype
                    + "\" is not supported by Sluice's source-s3; use csv, jsonl or parquet"));
            return ReadOptions.of(FileFormat.CSV);
        }
        if (known.get() != FileFormat.CSV) {
            return ReadOptions.of(known.get());
        }
        CsvOptions defaults = CsvOptions.csv();
        char delimiter = character(format.path("delimiter").asText(","), field + ".delimiter", problems);
        char quote = character(format.path("quote_char").asText("\""), field + ".quote_char", problems);
        Charset encoding = encoding(format.path("encoding").asText("utf8"), field + ".encoding", problems);
        JsonNode header = format.path("header_definition");
        String headerType = header.path("header_definition_type").asText("From CSV");
        List<String> names = new ArrayList<>();
        header.path("column_names").forEach(n -> names.add(n.asText()));
        if (headerType.equals("User Provided") && names.isEmpty()) {
            problems.add(new ConfigError(field + ".header_definition.column_names", "is required for User Provided"));
        }
        int headerRow = headerType.equals("From CSV") ? 0 : -1;
        return new ReadOptions(FileFormat.CSV, new CsvOptions(delimiter, quote, encoding,
                format.path("skip_rows_before_header").asInt(0), headerRow,
                headerType.equals("User Provided") ? names : List.of(), "f"), Optional.empty());
    }

    private static char character(String text, String field, List<ConfigError> problems) {
        if (text.equals("\\t") || text.equals("\t")) {
            return '\t';
        }
        if (text.length() != 1) {
            problems.add(new ConfigError(field, "must be a single character, got \"" + text + "\""));
            return ',';
        }
        return text.charAt(0);
    }

    private static Charset encoding(String name, String field, List<ConfigError> problems) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("utf8") || n.equals("utf-8") || n.equals("utf_8") || n.equals("utf-8-sig")) {
            return StandardCharsets.UTF_8;
        }
        if (n.equals("latin1") || n.equals("latin-1") || n.equals("latin_1")) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add(new ConfigError(field, "unknown encoding \"" + name + "\""));
            return StandardCharsets.UTF_8;
        }
    }
}
