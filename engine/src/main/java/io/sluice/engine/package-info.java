/**
 * Runs one sync: {@link io.sluice.engine.SyncEngine#start} reads the source on a reader thread
 * into a bounded queue of row batches and writes the destination from it on a writer thread.
 *
 * <p>Threads and who calls what:
 * <ul>
 *   <li>reader thread ({@code sluice-source-<name>}): {@code Source.read} and the emitter; row
 *       counts and byte estimates are taken here, per row, and published per batch;
 *   <li>writer thread ({@code sluice-destination-<name>}): {@code Destination.write}, its
 *       acknowledgements, {@link io.sluice.engine.StateStore#save} and
 *       {@link io.sluice.engine.SyncListener#onStateCommitted};
 *   <li>progress timer ({@code sluice-sync-progress}):
 *       {@link io.sluice.engine.SyncListener#onProgress}, once per progress interval.
 * </ul>
 * Every helper thread carries the MDC of the thread that started the sync.
 *
 * <p>State is saved only when the destination acknowledges it; the first failure (source,
 * destination or engine) stops the other side; a cancel interrupts the source and makes the
 * destination's input throw {@link io.sluice.cdk.SyncCancelledException}.
 *
 * <p>{@link io.sluice.engine.ExternalSource} and {@link io.sluice.engine.ExternalDestination} run
 * Airbyte-protocol executables; they are the only place where rows become JSON and back.
 */
package io.sluice.engine;
