package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A connection's schedule as the form holds it: the type ({@code manual}, {@code basic},
 * {@code cron}, {@code continuous}) and the fields of each, as typed. Turns into the API's
 * {@code scheduleType} + {@code scheduleData} and back, and says in words what it does.
 */
public record ScheduleForm(String type, String units, String timeUnit, String cronExpression, String cronTimeZone) {
    public static final List<String> TYPES = List.of("manual", "basic", "cron", "continuous");
    public static final List<String> TIME_UNITS = List.of("minutes", "hours", "days", "weeks");
    public static final ScheduleForm MANUAL = new ScheduleForm("manual", "24", "hours", "", "UTC");

    /** From the posted form fields {@code scheduleType}, {@code units}, {@code timeUnit}, {@code cronExpression}, {@code cronTimeZone}. */
    public static ScheduleForm from(Map<String, List<String>> form) {
        String type = first(form, "scheduleType");
        return new ScheduleForm(TYPES.contains(type) ? type : "manual", first(form, "units"),
                first(form, "timeUnit").isEmpty() ? "hours" : first(form, "timeUnit"), first(form, "cronExpression"),
                first(form, "cronTimeZone").isEmpty() ? "UTC" : first(form, "cronTimeZone"));
    }

    /** From a {@code ConnectionRead}; a basic schedule in months keeps its unit. */
    public static ScheduleForm of(JsonNode connection) {
        String type = connection.path("scheduleType").asText("manual");
        JsonNode basic = connection.path("scheduleData").path("basicSchedule");
        JsonNode cron = connection.path("scheduleData").path("cron");
        return new ScheduleForm(type, basic.has("units") ? basic.path("units").asText() : MANUAL.units,
                basic.path("timeUnit").asText(MANUAL.timeUnit), cron.path("cronExpression").asText(""),
                cron.path("cronTimeZone").asText("UTC"));
    }

    /** Puts {@code scheduleType} and, for basic and cron, {@code scheduleData} on an API body. */
    public void writeTo(ObjectNode body) {
        body.put("scheduleType", type);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case "basic" -> {
                ObjectNode basic = data.putObject("basicSchedule").put("timeUnit", timeUnit);
                try {
                    basic.put("units", Long.parseLong(units.strip()));
                } catch (NumberFormatException e) {
                    basic.put("units", units);
                }
                body.set("scheduleData", data);
            }
            case "cron" -> {
                data.putObject("cron").put("cronExpression", cronExpression.strip())
                        .put("cronTimeZone", cronTimeZone.strip());
                body.set("scheduleData", data);
            }
            default -> { }
        }
    }

    /** "manual", "every 24 hours", "cron 0 2 * * 1-5 UTC", "continuous". */
    public String describe() {
        return switch (type) {
            case "basic" -> units.equals("1") ? "every " + timeUnit.replaceAll("s$", "") : "every " + units + " " + timeUnit;
            case "cron" -> "cron " + cronExpression + " " + cronTimeZone;
            case "continuous" -> "continuous";
            default -> "manual";
        };
    }

    /** The form field that shows an API error about {@code field}, or empty when it is not a schedule field. */
    public static String formField(String apiField) {
        return switch (apiField) {
            case "scheduleType" -> "scheduleType";
            case "scheduleData.basicSchedule", "scheduleData.basicSchedule.units", "schedule.units" -> "units";
            case "scheduleData.basicSchedule.timeUnit", "schedule.timeUnit" -> "timeUnit";
            case "scheduleData.cron.cronExpression" -> "cronExpression";
            case "scheduleData.cron.cronTimeZone" -> "cronTimeZone";
            default -> "";
        };
    }

    static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
    }
}
