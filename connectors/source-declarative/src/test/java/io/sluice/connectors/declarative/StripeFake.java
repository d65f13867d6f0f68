package io.sluice.connectors.declarative;

import static io.sluice.connectors.declarative.ApiServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A local server answering as Stripe's list endpoints are documented: {@code GET /v1/<objects>}
 * with {@code limit}, {@code starting_after}, {@code created[gte]} / {@code created[lte]}, newest
 * first, as {@code {"object": "list", "url": ..., "has_more": ..., "data": [...]}}; a wrong key gets
 * Stripe's 401 error body.
 */
final class StripeFake {
    static final String KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiServer api;
    private final Map<String, List<ObjectNode>> objects = new ConcurrentHashMap<>();

    StripeFake(ApiServer api) {
        this.api = api;
        for (String resource : List.of("customers", "charges", "invoices")) {
            objects.put(resource, new CopyOnWriteArrayList<>());
            api.on("/v1/" + resource, r -> list(resource, r));
        }
    }

    String baseUrl() {
        return api.url() + "/v1";
    }

    void customer(int n, long createdOffsetSeconds) {
        ObjectNode c = base("cus_%05d".formatted(n), "customer", createdOffsetSeconds);
        c.put("email", "user" + n + "@example.com").put("name", "User " + n).putNull("description")
                .put("currency", "usd").put("balance", 0).put("delinquent", false);
        c.putObject("address").put("city", n % 2 == 0 ? "Paris" : "Lisbon").put("country", "FR").put("line1", n + " Main St")
                .putNull("postal_code");
        c.putObject("metadata").put("tier", n % 3 == 0 ? "gold" : "basic");
        objects.get("customers").add(c);
    }

    void charge(int n, int customer, long createdOffsetSeconds) {
        ObjectNode ch = base("ch_%05d".formatted(n), "charge", createdOffsetSeconds);
        ch.put("amount", 1000 + n).put("amount_refunded", 0).put("currency", "usd")
                .put("customer", "cus_%05d".formatted(customer)).put("paid", true).put("status", "succeeded");
        ch.putObject("metadata");
        objects.get("charges").add(ch);
    }

    void invoice(int n, int customer, long createdOffsetSeconds) {
        ObjectNode in = base("in_%05d".formatted(n), "invoice", createdOffsetSeconds);
        in.put("customer", "cus_%05d".formatted(customer)).put("currency", "usd").put("amount_due", 5000)
                .put("amount_paid", 5000).put("status", "paid");
        ObjectNode lines = in.putObject("lines");
        lines.put("object", "list").put("has_more", false);
        lines.putArray("data").addObject().put("id", "il_%05d".formatted(n)).put("amount", 5000).put("description", "Plan");
        in.putObject("metadata");
        objects.get("invoices").add(in);
    }

    private static ObjectNode base(String id, String object, long createdOffsetSeconds) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id).put("object", object).put("created", BASE.getEpochSecond() + createdOffsetSeconds)
                .put("livemode", false);
        return node;
    }

    private MockResponse list(String resource, RecordedRequest request) {
        if (!("Bearer " + KEY).equals(request.getHeaders().get("Authorization"))) {
            return json(401, """
                    {"error": {"message": "Invalid API Key provided: %s", "type": "invalid_request_error"}}"""
                    .formatted(String.valueOf(request.getHeaders().get("Authorization")).replace("Bearer ", "")));
        }
        long gte = number(request, "created[gte]", Long.MIN_VALUE);
        long lte = number(request, "created[lte]", Long.MAX_VALUE);
        int limit = (int) number(request, "limit", 10);
        List<ObjectNode> matching = new ArrayList<>(objects.get(resource).stream()
                .filter(o -> o.get("created").asLong() >= gte && o.get("created").asLong() <= lte)
                .sorted(Comparator.comparingLong((JsonNode o) -> o.get("created").asLong())
                        .thenComparing(o -> o.get("id").asText()).reversed())
                .toList());
        String after = request.getUrl().queryParameter("starting_after");
        int from = 0;
        if (after != null) {
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).get("id").asText().equals(after)) {
                    from = i + 1;
                }
            }
        }
        List<ObjectNode> page = matching.subList(Math.min(from, matching.size()), Math.min(from + limit, matching.size()));
        ObjectNode body = NODES.objectNode();
        body.put("object", "list").put("url", "/v1/" + resource).put("has_more", from + limit < matching.size());
        ArrayNode data = body.putArray("data");
        page.forEach(data::add);
        return json(body.toString());
    }

    private static long number(RecordedRequest request, String name, long fallback) {
        String value = request.getUrl().queryParameter(name);
        return value == null ? fallback : Long.parseLong(value);
    }
}
