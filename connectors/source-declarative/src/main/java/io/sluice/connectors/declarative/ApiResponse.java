package io.sluice.connectors.declarative;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.cdk.RowJson;
import io.sluice.protocol.MessageCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP response: status, headers, body text, and the body as JSON once asked for. */
final class ApiResponse {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\";,]+)\"?");

    private final int status;
    private final Map<String, List<String>> headers;
    private final String body;
    private JsonNode json;
    private Object plain;

    ApiResponse(int status, Map<String, List<String>> headers, String body) {
        this.status = status;
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        this.headers = lower;
        this.body = body == null ? "" : body;
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The body as JSON; an empty body is a missing node. */
    JsonNode json(String streamName) {
        if (json == null) {
            if (body.isBlank()) {
                json = MissingNode.getInstance();
            } else {
                try {
                    json = MessageCodec.mapper().readTree(body);
                } catch (JsonProcessingException e) {
                    throw new ConnectorException(FailureKind.SYSTEM, "stream " + streamName + ": the API answered "
                            + status + " with a body that is not JSON (" + body.length() + " characters, starting '"
                            + ErrorHandler.truncate(body, 80) + "')", null);
                }
            }
        }
        return json;
    }

    /** The body as plain maps and lists, for templates ({@code response.has_more}). */
    Object plain(String streamName) {
        if (plain == null) {
            plain = RowJson.toPlain(json(streamName));
            if (plain == null) {
                plain = Map.of();
            }
        }
        return plain;
    }

    /**
     * The headers for templates: lower-case names, single values as text, and {@code link} parsed
     * into {@code {rel: {url: ...}}} as Airbyte's {@code headers['link']['next']['url']} expects.
     */
    Map<String, Object> templateHeaders() {
        Map<String, Object> result = new LinkedHashMap<>();
        headers.forEach((name, values) -> result.put(name, values.size() == 1 ? values.getFirst() : values));
        header("link").ifPresent(link -> {
            Map<String, Object> rels = new LinkedHashMap<>();
            Matcher m = LINK.matcher(link);
            while (m.find()) {
                rels.put(m.group(2), Map.of("url", m.group(1), "rel", m.group(2)));
            }
            result.put("link", rels);
        });
        return result;
    }
}
