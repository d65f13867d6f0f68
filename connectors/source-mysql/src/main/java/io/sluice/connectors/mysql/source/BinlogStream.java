package io.sluice.connectors.mysql.source;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.network.SSLMode;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The binary log from one position on, as a replica reads it: a binlog client on a thread of its
 * own puts the events this connector uses into a bounded queue (so a slow destination holds the
 * client back), and its end (a failure, or the server closing the stream) as a last item. Polled
 * by the sync's reading thread; {@link #close()} disconnects and stops the thread.
 */
final class BinlogStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogStream.class);
    private static final int QUEUE_EVENTS = 10_000;
    private static final Set<EventType> USED = Set.of(EventType.ROTATE, EventType.TABLE_MAP, EventType.WRITE_ROWS,
            EventType.EXT_WRITE_ROWS, EventType.UPDATE_ROWS, EventType.EXT_UPDATE_ROWS, EventType.DELETE_ROWS,
            EventType.EXT_DELETE_ROWS, EventType.XID, EventType.QUERY, EventType.GTID, EventType.MARIADB_GTID,
            EventType.TRANSACTION_PAYLOAD);

    /** What the stream hands out: an event, or its end. */
    sealed interface Item permits Item.Received, Item.Ended {
        /** One binlog event. */
        record Received(Event event) implements Item {}

        /** The client stopped: {@code error} is null when it was disconnected without a failure. */
        record Ended(Exception error) implements Item {}
    }

    private final BinaryLogClient client;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_EVENTS);
    private final Thread thread;
    private volatile boolean closing;
    /** What the client reported through its lifecycle listener: it ends some failures there, not by throwing. */
    private volatile Exception reported;

    private BinlogStream(BinaryLogClient client) {
        this.client = client;
        this.thread = Thread.ofPlatform().daemon().name("binlog-" + client.getServerId()).unstarted(this::run);
    }

    /** Starts reading at {@code from}, announcing {@code serverId}. */
    static BinlogStream open(MySqlConfig config, long serverId, BinlogPosition from) {
        BinaryLogClient client = new BinaryLogClient(config.host(), config.port(), config.username(),
                config.password().map(s -> s.reveal()).orElse(""));
        client.setServerId(serverId);
        client.setBinlogFilename(from.file());
        client.setBinlogPosition(from.pos());
        client.setKeepAlive(false);
        client.setConnectTimeout(MySqlConnections.CONNECT_TIMEOUT_SECONDS * 1000L);
        client.setSSLMode(switch (config.sslMode()) {
            case "disabled" -> SSLMode.DISABLED;
            case "required" -> SSLMode.REQUIRED;
            default -> SSLMode.PREFERRED;
        });
        EventDeserializer deserializer = new EventDeserializer();
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                EventDeserializer.CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        client.setEventDeserializer(deserializer);
        BinlogStream stream = new BinlogStream(client);
        client.registerEventListener(stream::received);
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception ex) {
                stream.reported = ex;
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception ex) {
                stream.reported = ex;
            }
        });
        stream.thread.start();
        return stream;
    }

    private void received(Event event) {
        if (!USED.contains(event.getHeader().getEventType())) {
            return;
        }
        try {
            queue.put(new Item.Received(event));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("binlog stream closed");
        }
    }

    private void run() {
        Exception error = null;
        try {
            client.connect();
        } catch (Exception e) {
            error = e;
        }
        if (closing) {
            return;
        }
        try {
            queue.put(new Item.Ended(error != null ? error : reported));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next item, or null when none came within {@code millis}. */
    Item poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** How far the client has read (ahead of what was polled by the events still queued); empty before it connects. */
    Optional<BinlogPosition> clientPosition() {
        String file = client.getBinlogFilename();
        return file == null ? Optional.empty()
                : Optional.of(new BinlogPosition(file, client.getBinlogPosition(), Optional.empty()));
    }

    /** Whether every received event has been taken. */
    boolean drained() {
        return queue.isEmpty();
    }

    @Override
    public void close() {
        closing = true;
        try {
            client.disconnect();
        } catch (Exception e) {
            LOG.debug("disconnecting the binlog client failed", e);
        }
        queue.clear();
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
