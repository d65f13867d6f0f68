package io.sluice.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cdk.cdc.ContinuousMode;
import java.time.Duration;
import java.util.Optional;

/**
 * The CDC half of a source-postgres config ({@code replication_method: {method: CDC, ...}}), in
 * Airbyte's field names.
 *
 * @param replicationSlot an existing logical replication slot (plugin pgoutput)
 * @param publication an existing publication naming the tables to capture
 * @param initialWaiting how long a sync waits for changes before it ends with none
 * @param commitBehaviour when the slot's confirmed position moves forward
 * @param continuous whether the read follows the log until cancelled ({@link ContinuousMode}) instead
 *     of ending once caught up
 */
record CdcSettings(String replicationSlot, String publication, Duration initialWaiting, LsnCommit commitBehaviour,
        boolean continuous) {
    static final int DEFAULT_WAITING_SECONDS = 300;

    CdcSettings {
        requireNonNull(replicationSlot, "replicationSlot");
        requireNonNull(publication, "publication");
        requireNonNull(initialWaiting, "initialWaiting");
        requireNonNull(commitBehaviour, "commitBehaviour");
    }

    /** When the slot's confirmed flush position advances. */
    enum LsnCommit {
        /** As Debezium reads: WAL is released sooner, a failed sync may skip unacknowledged changes. */
        WHILE_READING("While reading Data"),
        /** At the start of the next sync, to the position the destination acknowledged: nothing is lost. */
        AFTER_LOADING("After loading Data in the destination");

        final String label;

        LsnCommit(String label) {
            this.label = label;
        }

        static LsnCommit of(String label) {
            for (LsnCommit c : values()) {
                if (c.label.equals(label)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown lsn_commit_behaviour " + label);
        }
    }

    /** The CDC settings of a validated config, empty for the Standard method. */
    static Optional<CdcSettings> from(JsonNode config) {
        JsonNode method = config.path("replication_method");
        if (!"CDC".equals(method.path("method").asText())) {
            return Optional.empty();
        }
        return Optional.of(new CdcSettings(
                method.get("replication_slot").asText(),
                method.get("publication").asText(),
                Duration.ofSeconds(method.path("initial_waiting_seconds").asInt(DEFAULT_WAITING_SECONDS)),
                LsnCommit.of(method.path("lsn_commit_behaviour").asText(LsnCommit.AFTER_LOADING.label)),
                ContinuousMode.requested(config)));
    }
}
