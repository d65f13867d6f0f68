package io.sluice.platform.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import java.util.Locale;
import java.util.Optional;

/**
 * When a connection syncs by itself, from Airbyte's {@code scheduleType} and {@code scheduleData}:
 * never ({@code manual}), every N minutes/hours/days/weeks/months ({@code basic}), or on a cron
 * expression in a time zone ({@code cron}). A cron of 5 fields is read as Unix cron
 * ({@code 0 2 * * 1-5}), one of 6 or 7 fields as Quartz ({@code 0 0 12 * * ?}). Sluice adds
 * {@code continuous}: the sync runs all the time, restarted when it ends ({@link ContinuousConnections}).
 */
public sealed interface SyncSchedule {
    ObjectMapper JSON = new ObjectMapper();

    /** The {@code scheduleType} of a connection that syncs continuously (Sluice's extension). */
    String CONTINUOUS = "continuous";

    /** The first run strictly after {@code after}; empty when the schedule never runs. */
    Optional<Instant> nextAfter(Instant after);

    /** A manual connection: it only syncs when asked. */
    record Manual() implements SyncSchedule {
        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return Optional.empty();
        }
    }

    /** A continuous connection: never due on a clock; {@link ContinuousConnections} keeps its sync running. */
    record Continuous() implements SyncSchedule {
        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return Optional.empty();
        }
    }

    /** Every {@code units} {@code timeUnit}s, counted from the previous run (or from when it was set). */
    record Basic(long units, String timeUnit) implements SyncSchedule {
        public Basic {
            if (units < 1) {
                throw new IllegalArgumentException("units must be >= 1");
            }
            amount(units, timeUnit);
        }

        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return Optional.of(after.atZone(ZoneOffset.UTC).plus(amount(units, timeUnit)).toInstant());
        }

        private static TemporalAmount amount(long units, String timeUnit) {
            return switch (timeUnit.toLowerCase(Locale.ROOT)) {
                case "minutes" -> Duration.ofMinutes(units);
                case "hours" -> Duration.ofHours(units);
                case "days" -> Duration.ofDays(units);
                case "weeks" -> Duration.ofDays(7 * units);
                case "months" -> Period.ofMonths(Math.toIntExact(units));
                default -> throw new IllegalArgumentException(
                        "timeUnit must be one of minutes, hours, days, weeks, months, not " + timeUnit);
            };
        }
    }

    /** A cron expression (Unix with 5 fields, Quartz with 6 or 7) evaluated in {@code zone}. */
    record CronSchedule(String expression, ZoneId zone, ExecutionTime executionTime) implements SyncSchedule {
        @Override
        public Optional<Instant> nextAfter(Instant after) {
            return executionTime.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
        }
    }

    /**
     * Parses a cron expression in a time zone.
     *
     * @throws IllegalArgumentException naming what is wrong with the expression or the zone
     */
    static CronSchedule cron(String expression, String zone) {
        String trimmed = expression.strip();
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a known time zone: " + zone);
        }
        int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        CronType type = switch (fields) {
            case 5 -> CronType.UNIX;
            case 6, 7 -> CronType.QUARTZ;
            default -> throw new IllegalArgumentException("must have 5 fields (Unix cron, e.g. \"0 */6 * * *\") or"
                    + " 6-7 fields (Quartz, e.g. \"0 0 12 * * ?\"), not " + fields);
        };
        Cron cron;
        try {
            cron = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(type)).parse(trimmed).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a valid " + (type == CronType.UNIX ? "Unix" : "Quartz")
                    + " cron expression: " + e.getMessage());
        }
        return new CronSchedule(trimmed, zoneId, ExecutionTime.forCron(cron));
    }

    /**
     * The schedule a connection row stores.
     *
     * @throws IllegalArgumentException when the stored data does not describe a schedule
     */
    static SyncSchedule of(String scheduleType, String scheduleData) {
        if (scheduleType == null || scheduleType.equals("manual")) {
            return new Manual();
        }
        if (scheduleType.equals(CONTINUOUS)) {
            return new Continuous();
        }
        JsonNode data;
        try {
            data = scheduleData == null ? JSON.createObjectNode() : JSON.readTree(scheduleData);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("scheduleData is not JSON");
        }
        return switch (scheduleType) {
            case "basic" -> new Basic(data.path("basicSchedule").path("units").asLong(0),
                    data.path("basicSchedule").path("timeUnit").asText(""));
            case "cron" -> cron(data.path("cron").path("cronExpression").asText(""),
                    data.path("cron").path("cronTimeZone").asText("UTC"));
            default -> throw new IllegalArgumentException("unknown scheduleType " + scheduleType);
        };
    }
}
