package io.sluice.platform.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a notification to what one notification item names: a Slack incoming webhook
 * ({@code slackConfiguration.webhook}, body {@code {"text": ...}}) and/or a generic webhook
 * ({@code webhookConfiguration.url}, body the event as JSON). An item is Airbyte's
 * {@code NotificationItem}: {@code {notificationType: ["slack", "webhook"], slackConfiguration, webhookConfiguration}};
 * a single string type is accepted as well.
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Sends {@code event} (with its human text in {@code text}) to the item's targets; the problems, if any. */
    public List<String> send(JsonNode item, String text, ObjectNode event) {
        List<String> problems = new ArrayList<>();
        for (String type : types(item)) {
            switch (type) {
                case "slack" -> post("slack", item.path("slackConfiguration").path("webhook").asText(""),
                        JSON.createObjectNode().put("text", text), problems);
                case "webhook" -> post("webhook", item.path("webhookConfiguration").path("url").asText(""),
                        event.deepCopy().put("text", text), problems);
                default -> problems.add("notificationType " + type + " is not supported (slack, webhook)");
            }
        }
        return problems;
    }

    /** The item's notification types. */
    static List<String> types(JsonNode item) {
        JsonNode types = item.path("notificationType");
        List<String> result = new ArrayList<>();
        if (types.isTextual()) {
            result.add(types.asText());
        } else {
            types.forEach(t -> result.add(t.asText()));
        }
        return result;
    }

    private void post(String type, String url, JsonNode body, List<String> problems) {
        if (url.isBlank()) {
            problems.add(type + ": no URL configured");
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                problems.add(type + ": HTTP " + response.statusCode());
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(type + ": " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(type + ": interrupted");
        }
        if (!problems.isEmpty()) {
            LOG.warn("notification via {} failed: {}", type, problems.getLast());
        }
    }

    /** Why a post failed, in words: the JDK's client gives a refused connection no message. */
    private static String reason(Exception e) {
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        if (e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getCause().getMessage();
        }
        return e instanceof java.net.ConnectException ? "could not connect" : e.getClass().getSimpleName();
    }
}
