package io.sluice.engine;

import io.sluice.cdk.InputState;
import io.sluice.protocol.LogMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps everything it is told. */
final class RecordingListener implements SyncListener {
    record Line(LogMessage.Level level, String origin, String message) {}

    final List<SyncProgress> progress = new CopyOnWriteArrayList<>();
    final List<Line> logs = new CopyOnWriteArrayList<>();
    final List<InputState> committed = new CopyOnWriteArrayList<>();

    @Override
    public void onProgress(SyncProgress p) {
        progress.add(p);
    }

    @Override
    public void onLog(LogMessage.Level level, String origin, String message) {
        logs.add(new Line(level, origin, message));
    }

    @Override
    public void onStateCommitted(InputState state) {
        committed.add(state);
    }

    List<String> messagesFrom(String origin) {
        return logs.stream().filter(l -> l.origin().equals(origin)).map(Line::message).toList();
    }
}
