package io.sluice.connectors.mysql.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.protocol.MessageCodec;
import java.util.Optional;

/**
 * A place in the binary log: the file and the byte offset of the next event to read, and the GTID
 * set executed up to there when the server has GTIDs (MariaDB's gtid_binlog_pos, MySQL's executed
 * GTID set). The shared part of the GLOBAL state is its JSON form {@code {"file", "pos", "gtid"}}.
 */
record BinlogPosition(String file, long pos, Optional<String> gtid) implements Comparable<BinlogPosition> {
    /** Positions fit in 10 decimal digits (binlog files stay below 4 GiB), file numbers in 6. */
    private static final long POS_RANGE = 10_000_000_000L;

    BinlogPosition {
        requireNonNull(file, "file");
        requireNonNull(gtid, "gtid");
        gtid = gtid.filter(g -> !g.isBlank());
    }

    BinlogPosition at(String newFile, long newPos) {
        return new BinlogPosition(newFile, newPos, gtid);
    }

    BinlogPosition withGtid(Optional<String> newGtid) {
        return new BinlogPosition(file, pos, newGtid);
    }

    /** The number of the file ({@code mysql-bin.000042} is 42). */
    long fileNumber() {
        int dot = file.lastIndexOf('.');
        try {
            return Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A number that grows with the position: {@code _ab_cdc_cursor}. */
    long cursor() {
        return fileNumber() * POS_RANGE + pos;
    }

    @Override
    public int compareTo(BinlogPosition other) {
        int byFile = Long.compare(fileNumber(), other.fileNumber());
        return byFile != 0 ? byFile : Long.compare(pos, other.pos);
    }

    ObjectNode toJson() {
        ObjectNode json = MessageCodec.mapper().createObjectNode();
        json.put("file", file).put("pos", pos);
        gtid.ifPresent(g -> json.put("gtid", g));
        return json;
    }

    /** The position a GLOBAL state's shared part holds, if it holds one. */
    static Optional<BinlogPosition> fromJson(JsonNode shared) {
        if (shared == null || !shared.path("file").isTextual() || !shared.path("pos").canConvertToLong()) {
            return Optional.empty();
        }
        JsonNode gtid = shared.path("gtid");
        return Optional.of(new BinlogPosition(shared.get("file").asText(), shared.get("pos").asLong(),
                gtid.isTextual() ? Optional.of(gtid.asText()) : Optional.empty()));
    }
}
