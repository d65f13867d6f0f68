package io.sluice.platform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** Airbyte's {@code SynchronousJobRead} for calls that run a connector at once (spec, check, discover). */
final class SyncJobInfo {
    private SyncJobInfo() {}

    static ObjectNode succeeded(String configType, String configId) {
        return of(configType, configId, true, Instant.now());
    }

    static ObjectNode of(String configType, String configId, boolean succeeded, Instant startedAt) {
        ObjectNode info = ApiJson.MAPPER.createObjectNode();
        info.put("id", UUID.randomUUID().toString());
        info.put("configType", configType);
        info.put("configId", configId);
        info.put("createdAt", startedAt.getEpochSecond());
        info.put("endedAt", Instant.now().getEpochSecond());
        info.put("succeeded", succeeded);
        info.put("connectorConfigurationUpdated", false);
        info.putObject("logs").putArray("logLines");
        return info;
    }
}
