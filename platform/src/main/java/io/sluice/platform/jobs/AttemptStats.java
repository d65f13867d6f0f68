package io.sluice.platform.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.engine.StreamStats;
import io.sluice.engine.SyncResult;
import io.sluice.protocol.StreamDescriptor;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** An attempt's counters and failure in Airbyte's {@code AttemptRead} shapes, as stored JSON. */
final class AttemptStats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AttemptStats() {}

    /** {@code {totalStats: {...}, streamStats: [{streamName, streamNamespace, stats}]}}. */
    static String of(Map<StreamDescriptor, StreamStats> streams) {
        ObjectNode root = JSON.createObjectNode();
        StreamStats total = StreamStats.ZERO;
        ArrayNode perStream = JSON.createArrayNode();
        for (Map.Entry<StreamDescriptor, StreamStats> e : streams.entrySet()) {
            StreamStats s = e.getValue();
            total = new StreamStats(total.recordsEmitted() + s.recordsEmitted(), total.bytesEmitted() + s.bytesEmitted(),
                    total.recordsCommitted() + s.recordsCommitted(), total.bytesCommitted() + s.bytesCommitted());
            ObjectNode entry = perStream.addObject();
            entry.put("streamName", e.getKey().name());
            e.getKey().namespace().ifPresent(ns -> entry.put("streamNamespace", ns));
            entry.set("stats", stats(s));
        }
        root.set("totalStats", stats(total));
        root.set("streamStats", perStream);
        return root.toString();
    }

    private static ObjectNode stats(StreamStats s) {
        ObjectNode stats = JSON.createObjectNode();
        stats.put("recordsEmitted", s.recordsEmitted());
        stats.put("bytesEmitted", s.bytesEmitted());
        stats.put("recordsCommitted", s.recordsCommitted());
        stats.put("bytesCommitted", s.bytesCommitted());
        return stats;
    }

    /** The first failure's message in a stored failure summary. */
    static String externalMessage(String failureSummary) {
        try {
            return JSON.readTree(failureSummary).path("failures").path(0).path("externalMessage").asText("");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "";
        }
    }

    /** Airbyte's {@code AttemptFailureSummary} with one failure; no stack trace (that goes to the attempt log). */
    static String failure(SyncResult.Failure failure, boolean cancelled, boolean partialSuccess) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode f = root.putArray("failures").addObject();
        f.put("failureOrigin", cancelled ? "airbyte_platform" : switch (failure.origin()) {
            case ENGINE -> "replication";
            case OPERATION -> "dbt"; // Airbyte's origin for custom transformations, which operations are
            case SOURCE, DESTINATION -> failure.origin().name().toLowerCase(Locale.ROOT);
        });
        f.put("failureType", cancelled ? "manual_cancellation" : switch (failure.kind()) {
            case CONFIG -> "config_error";
            case TRANSIENT -> "transient_error";
            case SYSTEM -> "system_error";
        });
        f.put("externalMessage", failure.message());
        f.put("internalMessage", failure.message());
        f.put("retryable", !cancelled && failure.kind() != io.sluice.cdk.FailureKind.CONFIG);
        f.put("timestamp", Instant.now().toEpochMilli());
        root.put("partialSuccess", partialSuccess);
        return root.toString();
    }
}
