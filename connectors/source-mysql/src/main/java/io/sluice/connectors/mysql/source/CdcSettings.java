package io.sluice.connectors.mysql.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.ConfigError;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The CDC half of a source-mysql config ({@code replication_method: {method: CDC, ...}}).
 *
 * @param serverId the replica server id the binlog reader announces; unique among the server's replicas
 * @param initialWaiting how long a sync waits for a change before it ends with none
 * @param serverTimeZone the server's time zone when given; binlog TIMESTAMP values are UTC epochs and
 *     need none, so it only checks that the zone is one Java knows (as Airbyte's field does)
 */
record CdcSettings(long serverId, Duration initialWaiting, Optional<ZoneId> serverTimeZone) {
    static final int DEFAULT_WAITING_SECONDS = 300;
    static final int SERVER_ID_FROM = 5400;
    static final int SERVER_ID_TO = 6400;

    CdcSettings {
        requireNonNull(initialWaiting, "initialWaiting");
        requireNonNull(serverTimeZone, "serverTimeZone");
        if (serverId < 1 || serverId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("server id out of range: " + serverId);
        }
    }

    static boolean requested(JsonNode config) {
        return "CDC".equals(config.path("replication_method").path("method").asText());
    }

    /** Problems of the CDC fields the schema cannot express. */
    static List<ConfigError> validate(JsonNode config) {
        String zone = config.path("replication_method").path("server_time_zone").asText("").trim();
        if (!requested(config) || zone.isEmpty()) {
            return List.of();
        }
        try {
            ZoneId.of(zone);
            return List.of();
        } catch (DateTimeException e) {
            return List.of(new ConfigError("replication_method.server_time_zone",
                    "\"" + zone + "\" is not a time zone id (use e.g. \"UTC\", \"Europe/Berlin\" or \"+02:00\")"));
        }
    }

    /** The CDC settings of a validated config, empty for the STANDARD method. */
    static Optional<CdcSettings> from(JsonNode config) {
        if (!requested(config)) {
            return Optional.empty();
        }
        JsonNode method = config.path("replication_method");
        long serverId = method.hasNonNull("server_id") ? method.get("server_id").asLong()
                : ThreadLocalRandom.current().nextLong(SERVER_ID_FROM, SERVER_ID_TO + 1);
        String zone = method.path("server_time_zone").asText("").trim();
        return Optional.of(new CdcSettings(serverId,
                Duration.ofSeconds(method.path("initial_waiting_seconds").asInt(DEFAULT_WAITING_SECONDS)),
                zone.isEmpty() ? Optional.empty() : Optional.of(ZoneId.of(zone))));
    }
}
