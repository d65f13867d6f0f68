package io.sluice.platform.operations;

import static java.util.Objects.requireNonNull;

import io.sluice.cdk.ConnectorException;
import io.sluice.cdk.FailureKind;
import io.sluice.engine.SyncResult;
import io.sluice.platform.jobs.AttemptLog;
import io.sluice.platform.jobs.PreparedSync;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a connection's operations, in order, after a sync that succeeded (never after a failed or
 * cancelled one), each line of their output in the attempt's log as {@code operation - ...}. The
 * first failing operation fails the attempt (origin OPERATION); it is retried only when its cause
 * is TRANSIENT (a network failure), every other failure is reported as CONFIG, not retried. Each
 * run gets a private work folder (dbt project clones, profiles), deleted when it ends. A job
 * cancelled meanwhile stops the running statement's successors or the dbt process, and ends CANCELLED.
 */
public final class PostSyncOperations {
    private static final Logger LOG = LoggerFactory.getLogger(PostSyncOperations.class);

    private final DbtStep dbt;
    private final Path workRoot;

    /** @param environment what dbt and git run with (PATH included); @param workRoot where work folders go */
    public PostSyncOperations(Map<String, String> environment, Path workRoot) {
        this.dbt = new DbtStep(environment);
        this.workRoot = requireNonNull(workRoot, "workRoot");
    }

    /** With this process's environment and work folders under the system's temporary folder. */
    public static PostSyncOperations onThisWorker() {
        return new PostSyncOperations(System.getenv(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * {@code synced} itself when it did not succeed or there is nothing to run; otherwise the result
     * after the operations: still SUCCEEDED, FAILED with the first failing operation's reason, or
     * CANCELLED when {@code cancelled} turned true. Runs on the calling (worker) thread.
     */
    public SyncResult afterSync(PreparedSync plan, SyncResult synced, AttemptLog attemptLog, BooleanSupplier cancelled) {
        if (synced.status() != SyncResult.Status.SUCCEEDED || plan.operations().isEmpty()) {
            return synced;
        }
        Instant started = Instant.now();
        OperationLog log = new OperationLog() {
            @Override
            public void info(String message) {
                attemptLog.write(Instant.now(), "INFO", "operation - " + message);
            }

            @Override
            public void warn(String message) {
                attemptLog.write(Instant.now(), "WARN", "operation - " + message);
            }
        };
        Optional<SyncResult.Failure> failure = runAll(plan, log, cancelled);
        Duration duration = synced.duration().plus(Duration.between(started, Instant.now()));
        if (failure.isPresent() && cancelled.getAsBoolean()) {
            return new SyncResult(SyncResult.Status.CANCELLED, synced.streams(), Optional.empty(),
                    synced.finalState(), duration);
        }
        return new SyncResult(failure.isPresent() ? SyncResult.Status.FAILED : SyncResult.Status.SUCCEEDED,
                synced.streams(), failure, synced.finalState(), duration);
    }

    private Optional<SyncResult.Failure> runAll(PreparedSync plan, OperationLog log, BooleanSupplier cancelled) {
        int total = plan.operations().size();
        try (WorkFolder work = WorkFolder.create(workRoot, "sluice-operations-")) {
            for (int i = 0; i < total; i++) {
                ConnectionOperation stored = plan.operations().get(i);
                String label = "operation " + (i + 1) + " of " + total + " '" + stored.name() + "'";
                try {
                    Operation operation = OperatorConfiguration.parse(stored.name(), stored.operatorConfiguration());
                    log.info(label + " (" + type(operation) + ") started");
                    run(operation, plan, work.path(), log, cancelled);
                    log.info(label + " succeeded");
                } catch (ConnectorException e) {
                    log.warn(label + " failed: " + e.getMessage());
                    FailureKind kind = e.kind() == FailureKind.TRANSIENT ? FailureKind.TRANSIENT : FailureKind.CONFIG;
                    return Optional.of(new SyncResult.Failure(kind, SyncResult.Origin.OPERATION, e.getMessage(), ""));
                } catch (RuntimeException e) {
                    LOG.warn("{} failed unexpectedly", label, e);
                    log.warn(label + " failed: " + e);
                    SyncResult.Failure unexpected = SyncResult.Failure.of(SyncResult.Origin.OPERATION, e);
                    return Optional.of(new SyncResult.Failure(FailureKind.CONFIG, SyncResult.Origin.OPERATION,
                            "operation '" + stored.name() + "' failed: " + e, unexpected.stackTrace()));
                }
            }
        } catch (RuntimeException e) {
            return Optional.of(SyncResult.Failure.of(SyncResult.Origin.OPERATION, e));
        }
        return Optional.empty();
    }

    private void run(Operation operation, PreparedSync plan, Path workDir, OperationLog log,
            BooleanSupplier cancelled) {
        switch (operation) {
            case Operation.Sql sql -> SqlStep.run(sql, plan, log, cancelled);
            case Operation.Dbt d -> dbt.run(d, plan, workDir, log, cancelled);
            case Operation.Normalization n -> log.info("nothing to run: " + plan.destination().name()
                    + " normalizes as it writes, by its own 'normalization' setting");
            case Operation.Webhook w -> log.warn("webhook operations are stored but not run by Sluice: skipped");
        }
    }

    private static String type(Operation operation) {
        return operation.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
