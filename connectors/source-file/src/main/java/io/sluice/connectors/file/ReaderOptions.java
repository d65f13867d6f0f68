package io.sluice.connectors.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cdk.ConfigError;
import io.sluice.connectors.files.CsvOptions;
import io.sluice.connectors.files.FileFormat;
import io.sluice.connectors.files.ReadOptions;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Airbyte's {@code reader_options}: a JSON object as text, with pandas' option names
 * ({@code sep}/{@code delimiter}, {@code quotechar}, {@code header}, {@code encoding},
 * {@code skiprows}, {@code names}). Single-quoted JSON, as Airbyte's own example writes it, is
 * accepted. Options Sluice does not use are logged and ignored.
 */
final class ReaderOptions {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderOptions.class);
    private static final String FIELD = "reader_options";
    private static final ObjectMapper LENIENT = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);
    private static final Set<String> KNOWN = Set.of("sep", "delimiter", "quotechar", "header", "encoding", "skiprows",
            "names", "lines");
    /** Python's spellings that Java does not know. */
    private static final Map<String, Charset> PYTHON_NAMES = Map.of(
            "latin-1", StandardCharsets.ISO_8859_1,
            "latin_1", StandardCharsets.ISO_8859_1,
            "utf-8-sig", StandardCharsets.UTF_8,
            "utf_8_sig", StandardCharsets.UTF_8);

    private ReaderOptions() {}

    /** The read options, or the problems of {@code reader_options} (added to {@code problems}). */
    static ReadOptions parse(FileFormat format, String text, List<ConfigError> problems) {
        ReadOptions defaults = ReadOptions.of(format);
        if (text == null || text.isBlank()) {
            return defaults;
        }
        JsonNode options;
        try {
            options = LENIENT.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(new ConfigError(FIELD, "is not valid JSON (" + e.getOriginalMessage() + ")"));
            return defaults;
        }
        if (!options.isObject()) {
            problems.add(new ConfigError(FIELD, "must be a JSON object such as {\"sep\": \";\"}"));
            return defaults;
        }
        Set<String> ignored = new TreeSet<>();
        options.fieldNames().forEachRemaining(name -> {
            if (!KNOWN.contains(name)) {
                ignored.add(name);
            }
        });
        if (!ignored.isEmpty()) {
            LOG.warn("reader_options: ignoring options Sluice does not use: {}", ignored);
        }
        CsvOptions csv = defaults.csv();
        char delimiter = character(options, options.has("sep") ? "sep" : "delimiter", csv.delimiter(), problems);
        char quote = character(options, "quotechar", csv.quote(), problems);
        Optional<Charset> encoding = encoding(options.path("encoding"), problems);
        int skipRows = count(options.path("skiprows"), "skiprows", problems);
        int header = header(options, problems);
        List<String> names = names(options.path("names"), problems);
        return new ReadOptions(format, new CsvOptions(delimiter, quote, encoding.orElse(csv.encoding()), skipRows,
                header, names, ""), encoding);
    }

    private static char character(JsonNode options, String name, char fallback, List<ConfigError> problems) {
        JsonNode value = options.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        String text = value.asText();
        if (text.equals("\\t")) {
            return '\t';
        }
        if (text.length() != 1) {
            problems.add(new ConfigError(FIELD + "." + name, "must be a single character, got \"" + text + "\""));
            return fallback;
        }
        return text.charAt(0);
    }

    private static Optional<Charset> encoding(JsonNode value, List<ConfigError> problems) {
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        String name = value.asText().strip();
        Charset python = PYTHON_NAMES.get(name.toLowerCase(Locale.ROOT));
        if (python != null) {
            return Optional.of(python);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add(new ConfigError(FIELD + ".encoding", "unknown encoding \"" + name + "\""));
            return Optional.empty();
        }
    }

    /** {@code header}: a row index, {@code null} for no header, or pandas' {@code "infer"} (row 0). */
    private static int header(JsonNode options, List<ConfigError> problems) {
        if (!options.has("header")) {
            return 0;
        }
        JsonNode value = options.get("header");
        if (value.isNull()) {
            return -1;
        }
        if (value.isTextual() && value.asText().equals("infer")) {
            return 0;
        }
        return count(value, "header", problems);
    }

    private static int count(JsonNode value, String name, List<ConfigError> problems) {
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            problems.add(new ConfigError(FIELD + "." + name, "must be a whole number >= 0, got " + value));
            return 0;
        }
        return value.intValue();
    }

    private static List<String> names(JsonNode value, List<ConfigError> problems) {
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.isEmpty()) {
            problems.add(new ConfigError(FIELD + ".names", "must be a list of column names"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        value.forEach(n -> names.add(n.asText()));
        return names;
    }
}
