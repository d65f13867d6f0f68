package io.sluice.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/** The Debezium PostgreSQL connector's properties for one CDC read. */
final class CdcProperties {
    /** How often a continuous read's Debezium emits a heartbeat while no change arrives. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private CdcProperties() {}

    /**
     * @param tables {@code schema.table} of the captured streams
     * @param shared the acknowledged GLOBAL state's shared part; empty on the first sync (snapshot)
     * @param password the lease of the config's password, if it has one
     */
    static Properties of(PostgresConfig pg, Collection<String> tables, Optional<JsonNode> shared,
            Optional<CdcPasswords.Lease> password) {
        CdcSettings cdc = pg.cdc().orElseThrow();
        Properties p = new Properties();
        p.setProperty("name", CdcOffsets.ENGINE_NAME);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", CdcOffsetStore.class.getName());
        p.setProperty(CdcOffsetStore.STATE_PROPERTY, shared.map(JsonNode::toString).orElse(""));
        // Continuous with "After loading": CdcRead commits acknowledged offsets itself, each at once.
        p.setProperty("offset.flush.interval.ms", cdc.continuous() ? "0" : "1000");
        p.setProperty("topic.prefix", CdcOffsets.TOPIC_PREFIX);
        p.setProperty("database.hostname", pg.host());
        p.setProperty("database.port", Integer.toString(pg.port()));
        p.setProperty("database.user", pg.username());
        // Never the password itself: Debezium logs its configuration (see CdcPasswords).
        password.ifPresent(lease -> {
            p.setProperty("database.authenticationPluginClassName", CdcPasswords.class.getName());
            p.setProperty("database." + CdcPasswords.TOKEN_PROPERTY, lease.token());
        });
        p.setProperty("database.dbname", pg.database());
        p.setProperty("database.sslmode", pg.sslMode());
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", cdc.replicationSlot());
        p.setProperty("publication.name", cdc.publication());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("snapshot.mode", shared.isPresent() ? "no_data" : "initial");
        p.setProperty("table.include.list", tables.stream().map(CdcProperties::exact).collect(Collectors.joining(",")));
        // With "After loading", the slot moves only to acknowledged positions: at the next sync's start,
        // or in a continuous read as they are acknowledged (CdcRead commits them through Debezium).
        p.setProperty("flush.lsn.source", Boolean.toString(
                cdc.commitBehaviour() == CdcSettings.LsnCommit.WHILE_READING || cdc.continuous()));
        if (cdc.continuous()) {
            // While the captured tables are quiet, a heartbeat every 10 s carries the position on
            // (the logical message is decoded whatever the tables), so the slot still advances.
            p.setProperty("heartbeat.interval.ms", Long.toString(HEARTBEAT.toMillis()));
            p.setProperty("heartbeat.action.query", "SELECT pg_catalog.pg_logical_emit_message(false, 'sluice_heartbeat', '')");
        }
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("interval.handling.mode", "string");
        p.setProperty("include.unknown.datatypes", "true");
        p.setProperty("max.batch.size", "2048");
        p.setProperty("max.queue.size", "8192");
        p.setProperty("poll.interval.ms", "100");
        p.setProperty("errors.max.retries", "0");
        return p;
    }

    /** A regular expression matching exactly this {@code schema.table}. */
    private static String exact(String table) {
        return table.replaceAll("([\\\\.\\[\\]{}()*+?^$|])", "\\\\$1");
    }
}
