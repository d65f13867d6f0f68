package io.sluice.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DatetimeBasedCursor}: cuts the time from {@code start_datetime} (or the saved cursor
 * less {@code lookback_window}, whichever is later) to {@code end_datetime} (default now) into
 * intervals of {@code step}, each ending {@code cursor_granularity} before the next begins; puts
 * each interval's bounds into the request ({@code start_time_option}, {@code end_time_option}) and
 * into {@code stream_interval}; and reads each record's {@code cursor_field} with
 * {@code cursor_datetime_formats} (else {@code datetime_format}) to find the new cursor.
 */
record DatetimeCursor(String cursorField, DatetimeFormat format, List<DatetimeFormat> cursorFormats,
        Bound start, Optional<Bound> end, Optional<IsoDuration> step, Optional<IsoDuration> granularity,
        Optional<IsoDuration> lookback, Optional<RequestOption> startOption, Optional<RequestOption> endOption,
        String partitionFieldStart, String partitionFieldEnd, boolean clientSideFilter, String streamName) {

    /** A start or end: a template read with its own format (MinMaxDatetime) and optional clamps. */
    record Bound(Template datetime, Optional<DatetimeFormat> format, Optional<Template> min, Optional<Template> max) {}

    /** The intervals to read, as {@code stream_interval} maps, oldest first. */
    List<Map<String, Object>> intervals(Optional<Instant> saved, TemplateVars vars) {
        Instant from = instant(start, vars, "start_datetime");
        if (saved.isPresent()) {
            Instant resume = lookback.map(l -> l.subtractFrom(saved.get())).orElse(saved.get());
            from = resume.isAfter(from) ? resume : from;
        }
        Instant to = end.map(b -> instant(b, vars, "end_datetime")).orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<Map<String, Object>> intervals = new ArrayList<>();
        if (from.isAfter(to)) {
            return intervals;
        }
        if (step.isEmpty()) {
            intervals.add(interval(from, to));
            return intervals;
        }
        Instant sliceStart = from;
        while (!sliceStart.isAfter(to)) {
            Instant stepEnd = step.get().addTo(sliceStart);
            Instant sliceEnd = granularity.map(g -> g.subtractFrom(stepEnd)).orElse(stepEnd);
            if (sliceEnd.isAfter(to)) {
                sliceEnd = to;
            }
            intervals.add(interval(sliceStart, sliceEnd));
            Instant endOfSlice = sliceEnd;
            Instant nextStart = granularity.map(g -> g.addTo(endOfSlice)).orElse(stepEnd);
            if (!nextStart.isAfter(sliceStart)) {
                break;
            }
            sliceStart = nextStart;
        }
        return intervals;
    }

    private Map<String, Object> interval(Instant from, Instant to) {
        Map<String, Object> interval = new LinkedHashMap<>();
        interval.put(partitionFieldStart, format.format(from));
        interval.put(partitionFieldEnd, format.format(to));
        return interval;
    }

    /** The interval's start, as an instant (for client-side filtering). */
    Optional<Instant> intervalStart(StreamSlice slice) {
        Object value = slice.interval().get(partitionFieldStart);
        return value == null ? Optional.empty() : format.parse(value.toString());
    }

    void inject(RequestParts parts, StreamSlice slice, TemplateVars vars) {
        startOption.ifPresent(o -> o.inject(parts, slice.interval().get(partitionFieldStart), vars));
        endOption.ifPresent(o -> o.inject(parts, slice.interval().get(partitionFieldEnd), vars));
    }

    /** The record's cursor value; empty when it has none. */
    Optional<Instant> cursorOf(ObjectNode record) {
        JsonNode value = record.get(cursorField);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText();
        for (DatetimeFormat candidate : cursorFormats) {
            Optional<Instant> parsed = candidate.parse(text);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.of(format.parse(text).or(() -> Macros.toInstant(value.isNumber() ? value.numberValue() : text, null))
                .orElseThrow(() -> new ConnectorException(FailureKind.SYSTEM, "stream " + streamName + ": the cursor field '"
                        + cursorField + "' holds a value of " + text.length() + " characters that does not match "
                        + "datetime_format '" + format.pattern() + "' nor cursor_datetime_formats", null)));
    }

    /** A saved cursor value (state) as an instant. */
    Optional<Instant> parseSaved(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        String text = value.asText();
        Optional<Instant> parsed = format.parse(text);
        for (DatetimeFormat candidate : cursorFormats) {
            parsed = parsed.or(() -> candidate.parse(text));
        }
        return parsed.or(() -> Macros.toInstant(text, null));
    }

    String formatCursor(Instant instant) {
        return format.format(instant);
    }

    private Instant instant(Bound bound, TemplateVars vars, String field) {
        Instant value = read(bound.datetime(), bound.format(), vars, field);
        if (bound.min().isPresent()) {
            Instant min = read(bound.min().get(), bound.format(), vars, field + ".min_datetime");
            value = value.isBefore(min) ? min : value;
        }
        if (bound.max().isPresent()) {
            Instant max = read(bound.max().get(), bound.format(), vars, field + ".max_datetime");
            value = value.isAfter(max) ? max : value;
        }
        return value;
    }

    private Instant read(Template template, Optional<DatetimeFormat> own, TemplateVars vars, String field) {
        Object value = template.value(vars);
        if (value instanceof TemplateDatetime datetime) {
            return datetime.instant();
        }
        String text = TemplateValues.text(value);
        if (text.isEmpty()) {
            throw ConnectorException.config("stream " + streamName + ": " + field + " ('" + template.source()
                    + "') is empty; set it in the config");
        }
        return own.orElse(format).parse(text).or(() -> Macros.toInstant(text, null))
                .orElseThrow(() -> ConnectorException.config("stream " + streamName + ": " + field + " ('"
                        + template.source() + "') gives '" + text + "', which is not a datetime in the format '"
                        + own.orElse(format).pattern() + "'"));
    }
}
