package io.sluice.platform.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sluice.platform.api.ApiJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notifications form: one Slack incoming-webhook URL and one generic webhook URL, and which of
 * the events go to them. It is stored as the workspace's {@code notificationSettings}: each of
 * {@code sendOnFailure}, {@code sendOnSuccess} and {@code sendOnSyncDisabled} is a
 * {@code NotificationItem} holding both URLs, with {@code notificationType} empty when the event
 * is off (so the URLs are kept). Events the form does not show are left as they are. The failure
 * threshold is {@code consecutiveFailureThreshold}, as typed (empty: the server's default). The input
 * ids are {@code slackWebhook}, {@code webhookUrl}, the event names and {@code failureThreshold}.
 */
public record NotificationsForm(String slackWebhook, String webhookUrl, boolean sendOnFailure, boolean sendOnSuccess,
        boolean sendOnSyncDisabled, String failureThreshold) {
    static final String THRESHOLD = "consecutiveFailureThreshold";
    static final List<String> EVENTS = List.of("sendOnFailure", "sendOnSuccess", "sendOnSyncDisabled");

    /** The form as the stored settings fill it (the first URL of each kind found, an event is on if it has a type). */
    static NotificationsForm of(JsonNode settings) {
        return new NotificationsForm(firstUrl(settings, "slackConfiguration", "webhook"),
                firstUrl(settings, "webhookConfiguration", "url"), on(settings, "sendOnFailure"),
                on(settings, "sendOnSuccess"), on(settings, "sendOnSyncDisabled"),
                settings.path(THRESHOLD).isIntegralNumber() ? settings.path(THRESHOLD).asText() : "");
    }

    static NotificationsForm from(Context ctx) {
        return new NotificationsForm(SetupForm.text(ctx, "slackWebhook"), SetupForm.text(ctx, "webhookUrl"),
                ctx.formParam("sendOnFailure") != null, ctx.formParam("sendOnSuccess") != null,
                ctx.formParam("sendOnSyncDisabled") != null, SetupForm.text(ctx, "failureThreshold"));
    }

    /** What the form itself can tell is wrong; the API checks the URLs. */
    Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        if ((sendOnFailure || sendOnSuccess || sendOnSyncDisabled) && types().isEmpty()) {
            errors.put("slackWebhook", "Enter a Slack webhook URL or a webhook URL to send the chosen events to.");
        }
        if (!failureThreshold.isEmpty() && !failureThreshold.matches("\\d{1,4}")) {
            errors.put("failureThreshold", "Enter a whole number of failed syncs, 0 or more (0 never disables),"
                    + " or leave it empty for the server's default.");
        }
        return errors;
    }

    /** The {@code notificationSettings} to store: {@code stored} with this form's events replaced. */
    ObjectNode settings(JsonNode stored) {
        ObjectNode settings = stored.isObject() ? ((ObjectNode) stored).deepCopy() : ApiJson.MAPPER.createObjectNode();
        boolean[] on = {sendOnFailure, sendOnSuccess, sendOnSyncDisabled};
        for (int i = 0; i < EVENTS.size(); i++) {
            settings.set(EVENTS.get(i), item(on[i] ? types() : List.of()));
        }
        if (failureThreshold.isEmpty()) {
            settings.remove(THRESHOLD);
        } else {
            settings.put(THRESHOLD, Integer.parseInt(failureThreshold));
        }
        return settings;
    }

    /** The {@code NotificationItem} that {@code notifications/try} sends a test message to. */
    ObjectNode testItem() {
        return item(types());
    }

    /** The form's URLs' notification types. */
    List<String> types() {
        List<String> types = new ArrayList<>();
        if (!slackWebhook.isEmpty()) {
            types.add("slack");
        }
        if (!webhookUrl.isEmpty()) {
            types.add("webhook");
        }
        return types;
    }

    /** The input an API field error of {@code notificationSettings} or {@code notifications/try} belongs to. */
    static String inputOf(String field) {
        if (field.endsWith(THRESHOLD)) {
            return "failureThreshold";
        }
        if (field.endsWith("slackConfiguration.webhook")) {
            return "slackWebhook";
        }
        return field.endsWith("webhookConfiguration.url") ? "webhookUrl" : null;
    }

    /** How the overview sums the settings up. */
    public String summary() {
        List<String> events = new ArrayList<>();
        if (sendOnFailure) {
            events.add("failed syncs");
        }
        if (sendOnSuccess) {
            events.add("successful syncs");
        }
        if (sendOnSyncDisabled) {
            events.add("disabled connections");
        }
        if (events.isEmpty()) {
            return "Off";
        }
        String which = events.size() == 1 ? events.get(0)
                : String.join(", ", events.subList(0, events.size() - 1)) + " and " + events.getLast();
        which = Character.toUpperCase(which.charAt(0)) + which.substring(1);
        if (types().isEmpty()) {
            return which + " are chosen, but no URL is set";
        }
        return which + " go to " + String.join(" and ",
                types().stream().map(t -> t.equals("slack") ? "Slack" : "the webhook").toList());
    }

    private ObjectNode item(List<String> types) {
        ObjectNode item = ApiJson.MAPPER.createObjectNode();
        ArrayNode array = item.putArray("notificationType");
        types.forEach(array::add);
        if (!slackWebhook.isEmpty()) {
            item.putObject("slackConfiguration").put("webhook", slackWebhook);
        }
        if (!webhookUrl.isEmpty()) {
            item.putObject("webhookConfiguration").put("url", webhookUrl);
        }
        return item;
    }

    private static boolean on(JsonNode settings, String event) {
        JsonNode types = settings.path(event).path("notificationType");
        return types.isTextual() ? !types.asText().isEmpty() : types.isArray() && !types.isEmpty();
    }

    private static String firstUrl(JsonNode settings, String configuration, String field) {
        for (String event : EVENTS) {
            String url = settings.path(event).path(configuration).path(field).asText("");
            if (!url.isBlank()) {
                return url;
            }
        }
        return "";
    }
}
