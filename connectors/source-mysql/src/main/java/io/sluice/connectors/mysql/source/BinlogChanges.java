package io.sluice.connectors.mysql.source;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.sluice.cdk.Checkpointer;
import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.Emitter;
import io.sluice.protocol.ConfiguredStream;
import io.sluice.protocol.StateMessage;
import java.io.Serializable;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one binlog read has seen: the events handled in order (rows emitted for the CDC streams,
 * positions and GTIDs advanced at transaction ends) and the checkpoints cut there. Used on the
 * sync's reading thread only.
 */
final class BinlogChanges {
    private final BinlogTables tables;
    private final List<String[]> cdcNames;
    private final GtidTracker gtids;
    private final Checkpointer checkpoints;
    private final Map<Integer, ConfiguredStream> streams;
    private final Emitter out;
    private final Map<Long, TableMapEventData> tableMaps = new HashMap<>();
    private String file;
    private BinlogPosition position;
    private boolean inTransaction;
    private long emitted;

    BinlogChanges(BinlogTables tables, List<String[]> cdcNames, BinlogPosition start, GtidTracker gtids,
            Checkpointer checkpoints, Map<Integer, ConfiguredStream> streams, Emitter out) {
        this.tables = tables;
        this.cdcNames = cdcNames;
        this.position = start;
        this.file = start.file();
        this.gtids = gtids;
        this.checkpoints = checkpoints;
        this.streams = streams;
        this.out = out;
    }

    BinlogPosition position() {
        return position;
    }

    /** Whether a transaction began and has not ended yet. */
    boolean inTransaction() {
        return inTransaction;
    }

    long emitted() {
        return emitted;
    }

    void handle(Event event) throws SQLException {
        EventHeaderV4 header = event.getHeader();
        switch (event.getData()) {
            case RotateEventData rotate -> {
                file = rotate.getBinlogFilename();
                if (!inTransaction) {
                    position = position.at(file, rotate.getBinlogPosition());
                }
            }
            case MariadbGtidEventData gtid -> {
                gtids.begin(gtid.getDomainId() + "-" + gtid.getServerId() + "-" + gtid.getSequence());
                inTransaction = true;
            }
            case GtidEventData gtid -> {
                gtids.begin(gtid.getMySqlGtid().toString());
                inTransaction = true;
            }
            case QueryEventData query -> {
                String sql = query.getSql().trim().toUpperCase(Locale.ROOT);
                if (sql.equals("BEGIN")) {
                    inTransaction = true;
                } else {
                    if (!sql.equals("COMMIT")) {
                        tables.forget();
                    }
                    commit(header);
                }
            }
            case TableMapEventData map -> tableMaps.put(map.getTableId(), map);
            case TransactionPayloadEventData payload -> {
                // MySQL 8's binlog_transaction_compression: the transaction's events, compressed
                for (Event inner : payload.getUncompressedEvents()) {
                    handle(inner);
                }
            }
            case WriteRowsEventData write -> rows(header, write.getTableId(), write.getIncludedColumns(),
                    write.getRows(), false);
            case UpdateRowsEventData update -> rows(header, update.getTableId(), update.getIncludedColumns(),
                    update.getRows().stream().map(Map.Entry::getValue).toList(), false);
            case DeleteRowsEventData delete -> rows(header, delete.getTableId(), delete.getIncludedColumns(),
                    delete.getRows(), true);
            case null, default -> {
                if (header.getEventType() == EventType.XID) {
                    commit(header);
                }
            }
        }
    }

    private void rows(EventHeaderV4 header, long tableId, BitSet included, List<Serializable[]> images,
            boolean deleted) throws SQLException {
        TableMapEventData map = tableMaps.get(tableId);
        if (map == null) {
            return;
        }
        Optional<BinlogTables.TableRows> mapping = tables.rowsOf(map);
        if (mapping.isEmpty()) {
            return;
        }
        BinlogTables.TableRows t = mapping.get();
        if (included.cardinality() < t.columnCount()) {
            throw ConnectorException.config(map.getDatabase() + "." + map.getTable() + ": the binary log holds "
                    + "partial row images; set binlog_row_image = FULL on the server");
        }
        BinlogPosition at = new BinlogPosition(file, header.getPosition(), Optional.empty());
        Instant when = Instant.ofEpochMilli(header.getTimestamp());
        String[] cdc = cdcNames.get(t.streamIndex());
        for (Serializable[] image : images) {
            Object[] row = new Object[cdc.length];
            for (int i = 0; i < row.length; i++) {
                if (cdc[i] != null) {
                    row[i] = CdcColumns.value(cdc[i], at, when, deleted);
                } else if (t.sources()[i] >= 0) {
                    row[i] = t.values()[i].convert(image[t.sources()[i]]);
                }
            }
            out.record(t.streamIndex(), row);
            checkpoints.recordEmitted(t.streamIndex());
            emitted++;
        }
    }

    private void commit(EventHeaderV4 header) {
        inTransaction = false;
        gtids.commit();
        position = new BinlogPosition(file, header.getNextPosition(), gtids.current());
        checkpoints.position(state());
    }

    /** In an idle moment, emits the pending position if it waited long enough. */
    void flushIfDue(Duration every) {
        if (checkpoints.hasPending()
                && Duration.between(checkpoints.lastStateAt(), Instant.now()).compareTo(every) >= 0) {
            checkpoints.flush();
        }
    }

    /** In an idle moment of a continuous read, emits the current position if no state went out for {@code every}. */
    void heartbeat(Duration every) {
        if (Duration.between(checkpoints.lastStateAt(), Instant.now()).compareTo(every) >= 0) {
            checkpoints.position(state());
            checkpoints.flush();
        }
    }

    void finish() {
        checkpoints.position(state());
        checkpoints.flush();
    }

    private StateMessage state() {
        return BinlogRead.global(position, streams.values());
    }
}
