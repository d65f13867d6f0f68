package io.sluice.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.platform.notify.Notifier;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A workspace's {@code notificationSettings} ({@code sendOnFailure}, {@code sendOnSuccess},
 * {@code sendOnSyncDisabled}, each a {@code NotificationItem}; and Sluice's
 * {@code consecutiveFailureThreshold}, the failed syncs in a row that disable a connection of the
 * workspace, 0 for never, absent for the server's {@code SLUICE_FAILURE_THRESHOLD}) and
 * {@code /api/v1/notifications/try}.
 */
final class NotificationSettings {
    static final List<String> EVENTS = List.of("sendOnFailure", "sendOnSuccess", "sendOnSyncDisabled",
            "sendOnSyncDisabledWarning", "sendOnConnectionUpdate", "sendOnConnectionUpdateActionRequired",
            "sendOnBreakingChangeWarning", "sendOnBreakingChangeSyncsDisabled");
    static final String THRESHOLD = "consecutiveFailureThreshold";
    private static final List<String> TYPES = List.of("slack", "webhook");

    private final Notifier notifier;

    NotificationSettings(Notifier notifier) {
        this.notifier = notifier;
    }

    /** Records an error per field that is not a known event or whose item cannot be sent. */
    static void check(Body body, ObjectNode settings) {
        settings.fieldNames().forEachRemaining(event -> {
            String field = "notificationSettings." + event;
            if (event.equals(THRESHOLD)) {
                JsonNode threshold = settings.get(event);
                if (!threshold.isNull() && (!threshold.canConvertToInt() || !threshold.isIntegralNumber()
                        || threshold.asInt() < 0)) {
                    body.error(field, "must be a whole number >= 0 (0 never disables a connection)");
                }
            } else if (!EVENTS.contains(event)) {
                body.error(field, "is not one of " + String.join(", ", EVENTS) + ", " + THRESHOLD);
            } else if (!settings.get(event).isObject()) {
                body.error(field, "must be an object {notificationType, slackConfiguration, webhookConfiguration}");
            } else {
                checkItem(body, field, settings.get(event));
            }
        });
    }

    private static void checkItem(Body body, String field, JsonNode item) {
        JsonNode types = item.path("notificationType");
        List<String> given = types.isTextual() ? List.of(types.asText())
                : types.isArray() ? java.util.stream.StreamSupport.stream(types.spliterator(), false)
                        .map(JsonNode::asText).toList() : List.of();
        for (String type : given) {
            if (!TYPES.contains(type)) {
                body.error(join(field, "notificationType"), "must hold slack or webhook, not " + type);
            }
        }
        // a URL is checked when its type is on, and also when it is only kept for later (type off)
        JsonNode slack = item.path("slackConfiguration").path("webhook");
        if (given.contains("slack") || !slack.asText("").isBlank()) {
            checkUrl(body, join(field, "slackConfiguration.webhook"), slack);
        }
        JsonNode webhook = item.path("webhookConfiguration").path("url");
        if (given.contains("webhook") || !webhook.asText("").isBlank()) {
            checkUrl(body, join(field, "webhookConfiguration.url"), webhook);
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static void checkUrl(Body body, String field, JsonNode url) {
        String text = url.asText("");
        try {
            URI uri = URI.create(text);
            if (!List.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                body.error(field, "must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            body.error(field, "must be an http(s) URL");
        }
    }

    /** {@code notifications/try}: sends a test message to the item in the body; {@code {status, message}}. */
    Object tryNotification(Body body) {
        ObjectNode item = (ObjectNode) body.json();
        if (item.path("notificationType").isMissingNode()) {
            body.error("notificationType", "is required: slack or webhook");
        } else {
            checkItem(body, "", item);
        }
        body.done();
        ObjectNode event = ApiJson.MAPPER.createObjectNode().put("event", "test");
        List<String> problems = notifier.send(item, "Hello from Sluice: this is a test notification.", event);
        return Map.of("status", problems.isEmpty() ? "succeeded" : "failed",
                "message", problems.isEmpty() ? "sent" : String.join("; ", problems));
    }
}
