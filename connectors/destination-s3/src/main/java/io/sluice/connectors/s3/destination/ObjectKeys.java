package io.sluice.connectors.s3.destination;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConfigError;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object keys of one sync's files: {@code s3_bucket_path}, then {@code s3_path_format} with its
 * {@code ${...}} variables, then {@code file_name_pattern} with its {@code {...}} variables (default
 * {@code {part_number}{format_extension}}). Dates and {@code ${EPOCH}} are the sync's start in UTC,
 * so one sync's files share a folder; {@code ${UUID}} is new for every file. Repeated slashes
 * collapse and a leading slash is dropped, so an empty namespace leaves no empty folder.
 */
final class ObjectKeys {
    static final String DEFAULT_PATH_FORMAT = "${NAMESPACE}/${STREAM_NAME}/${YEAR}_${MONTH}_${DAY}_${EPOCH}_";
    static final String DEFAULT_FILE_NAME = "{part_number}{format_extension}";

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern FILE_VARIABLE = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> PATH_VARIABLES = Set.of("NAMESPACE", "STREAM_NAME", "YEAR", "MONTH", "DAY",
            "HOUR", "MINUTE", "SECOND", "MILLISECOND", "EPOCH", "UUID");
    private static final Set<String> FILE_VARIABLES = Set.of("date", "timestamp", "part_number", "sync_id",
            "format_extension");
    /** What each variable can expand to, for recognising a stream's files from earlier syncs. */
    private static final Map<String, String> SHAPES = Map.ofEntries(
            Map.entry("YEAR", "\\d{4}"), Map.entry("MONTH", "\\d{2}"), Map.entry("DAY", "\\d{2}"),
            Map.entry("HOUR", "\\d{2}"), Map.entry("MINUTE", "\\d{2}"), Map.entry("SECOND", "\\d{2}"),
            Map.entry("MILLISECOND", "\\d{3}"), Map.entry("EPOCH", "\\d+"), Map.entry("UUID", "[0-9a-f-]{36}"),
            Map.entry("date", "\\d{4}_\\d{2}_\\d{2}"), Map.entry("timestamp", "\\d+"),
            Map.entry("part_number", "\\d+"), Map.entry("sync_id", "[0-9a-f-]{36}"),
            Map.entry("format_extension", "\\.(?:parquet|csv|csv\\.gz|jsonl|jsonl\\.gz)"));
    private static final char SLOT = '\u0000';

    private final String bucketPath;
    private final String pathFormat;
    private final String fileName;
    private final String extension;
    private final ZonedDateTime start;
    private final String syncId;

    /**
     * @param fileNamePattern empty for the default name
     * @param extension the format's extension with its dot, e.g. {@code .csv.gz}
     */
    ObjectKeys(String bucketPath, String pathFormat, String fileNamePattern, String extension, Instant syncStart,
            String syncId) {
        this.bucketPath = requireNonNull(bucketPath, "bucketPath");
        this.pathFormat = requireNonNull(pathFormat, "pathFormat");
        this.fileName = fileNamePattern.isEmpty() ? DEFAULT_FILE_NAME : fileNamePattern;
        this.extension = requireNonNull(extension, "extension");
        this.start = syncStart.atZone(ZoneOffset.UTC);
        this.syncId = requireNonNull(syncId, "syncId");
    }

    /** Unknown variables in the two patterns, naming the field. */
    static List<ConfigError> validate(String pathFormat, String fileNamePattern) {
        List<ConfigError> problems = new ArrayList<>();
        unknown(PATH_VARIABLE, pathFormat, PATH_VARIABLES).forEach(v -> problems.add(new ConfigError("s3_path_format",
                "has an unknown variable ${" + v + "}; use " + String.join(", ", sorted(PATH_VARIABLES, "${", "}")))));
        unknown(FILE_VARIABLE, fileNamePattern, FILE_VARIABLES).forEach(v -> problems.add(
                new ConfigError("file_name_pattern", "has an unknown variable {" + v + "}; use "
                        + String.join(", ", sorted(FILE_VARIABLES, "{", "}")))));
        if (fileNamePattern.contains("/")) {
            problems.add(new ConfigError("file_name_pattern", "must not contain '/'; put folders in s3_path_format"));
        }
        return problems;
    }

    /** The keys of one stream. */
    StreamKeys forStream(String namespace, String stream) {
        List<String> variables = new ArrayList<>();
        StringBuilder template = new StringBuilder(bucketPath).append('/');
        appendTemplate(template, PATH_VARIABLE, pathFormat, variables, namespace == null ? "" : namespace, stream);
        appendTemplate(template, FILE_VARIABLE, fileName, variables, null, null);
        String normalized = template.toString().replaceAll("/{2,}", "/").replaceFirst("^/", "");
        return new StreamKeys(normalized, variables);
    }

    private static void appendTemplate(StringBuilder out, Pattern variable, String pattern, List<String> variables,
            String namespace, String stream) {
        Matcher m = variable.matcher(pattern);
        int last = 0;
        while (m.find()) {
            out.append(pattern, last, m.start());
            String name = m.group(1);
            if (name.equals("NAMESPACE")) {
                out.append(namespace);
            } else if (name.equals("STREAM_NAME")) {
                out.append(stream);
            } else {
                out.append(SLOT).append((char) variables.size());
                variables.add(name);
            }
            last = m.end();
        }
        out.append(pattern, last, pattern.length());
    }

    /** One stream's keys: new ones for its files, and a test for its files from any sync. */
    final class StreamKeys {
        private final String template;
        private final List<String> variables;
        private final Pattern ownFiles;

        private StreamKeys(String template, List<String> variables) {
            this.template = template;
            this.variables = List.copyOf(variables);
            this.ownFiles = Pattern.compile(expand(template, i -> SHAPES.get(variables.get(i)), true));
        }

        /** A key for the stream's file number {@code partNumber}, started at {@code now}. */
        String key(int partNumber, Instant now) {
            return expand(template, i -> value(variables.get(i), partNumber, now), false);
        }

        /** The longest fixed start of every key of the stream, to list its objects. */
        String listPrefix() {
            int slot = template.indexOf(SLOT);
            return slot < 0 ? template : template.substring(0, slot);
        }

        /** Whether {@code key} has the shape of one of this stream's files (of any sync and format). */
        boolean isStreamFile(String key) {
            return ownFiles.matcher(key).matches();
        }
    }

    private String value(String variable, int partNumber, Instant now) {
        return switch (variable) {
            case "YEAR" -> String.format("%04d", start.getYear());
            case "MONTH" -> two(start.getMonthValue());
            case "DAY" -> two(start.getDayOfMonth());
            case "HOUR" -> two(start.getHour());
            case "MINUTE" -> two(start.getMinute());
            case "SECOND" -> two(start.getSecond());
            case "MILLISECOND" -> String.format("%03d", start.getNano() / 1_000_000);
            case "EPOCH" -> Long.toString(start.toInstant().toEpochMilli());
            case "UUID" -> UUID.randomUUID().toString();
            case "date" -> String.format("%04d_%s_%s", start.getYear(), two(start.getMonthValue()),
                    two(start.getDayOfMonth()));
            case "timestamp" -> Long.toString(now.toEpochMilli());
            case "part_number" -> Integer.toString(partNumber);
            case "sync_id" -> syncId;
            case "format_extension" -> extension;
            default -> throw new IllegalStateException("unknown key variable " + variable);
        };
    }

    private static String expand(String template, java.util.function.IntFunction<String> slot, boolean regex) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int literalStart = 0;
        for (int i = 0; i < template.length(); i++) {
            if (template.charAt(i) == SLOT) {
                appendLiteral(out, template.substring(literalStart, i), regex);
                out.append(slot.apply(template.charAt(i + 1)));
                i++;
                literalStart = i + 1;
            }
        }
        appendLiteral(out, template.substring(literalStart), regex);
        return out.toString();
    }

    private static void appendLiteral(StringBuilder out, String literal, boolean regex) {
        if (!literal.isEmpty()) {
            out.append(regex ? Pattern.quote(literal) : literal);
        }
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static List<String> unknown(Pattern variable, String pattern, Set<String> known) {
        List<String> found = new ArrayList<>();
        Matcher m = variable.matcher(pattern);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static List<String> sorted(Set<String> names, String open, String close) {
        return names.stream().sorted().map(n -> open + n + close).toList();
    }
}
