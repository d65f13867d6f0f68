package io.sluice.connectors.mysql.source;

import com.github.shyiko.mysql.binlog.GtidSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The GTID position as transactions commit: MariaDB's {@code gtid_binlog_pos} (the last GTID of each
 * replication domain, {@code domain-server-sequence} joined by commas) or MySQL's executed GTID set.
 * Empty while the server logs no GTIDs.
 */
final class GtidTracker {
    private final BinlogDialect dialect;
    private final Map<Long, String> mariaDbDomains = new TreeMap<>();
    private GtidSet mySqlSet;
    private String pending;

    GtidTracker(BinlogDialect dialect, Optional<String> start) {
        this.dialect = dialect;
        start.ifPresent(gtid -> {
            if (dialect == BinlogDialect.MARIADB) {
                for (String one : gtid.split(",")) {
                    String trimmed = one.trim();
                    if (!trimmed.isEmpty()) {
                        mariaDbDomains.put(Long.parseLong(trimmed.substring(0, trimmed.indexOf('-'))), trimmed);
                    }
                }
            } else {
                mySqlSet = new GtidSet(gtid);
            }
        });
    }

    /** A transaction with this GTID begins. */
    void begin(String gtid) {
        pending = gtid;
    }

    /** The transaction begun last committed: its GTID joins the position. */
    void commit() {
        if (pending == null) {
            return;
        }
        if (dialect == BinlogDialect.MARIADB) {
            mariaDbDomains.put(Long.parseLong(pending.substring(0, pending.indexOf('-'))), pending);
        } else {
            if (mySqlSet == null) {
                mySqlSet = new GtidSet("");
            }
            mySqlSet.add(pending);
        }
        pending = null;
    }

    Optional<String> current() {
        if (dialect == BinlogDialect.MARIADB) {
            return mariaDbDomains.isEmpty() ? Optional.empty() : Optional.of(String.join(",", mariaDbDomains.values()));
        }
        return mySqlSet == null ? Optional.empty() : Optional.of(mySqlSet.toString());
    }
}
