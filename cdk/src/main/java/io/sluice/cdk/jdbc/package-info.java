/**
 * Pieces JDBC sources share: {@link io.sluice.cdk.jdbc.ColumnReader}s chosen once per column and a
 * {@link io.sluice.cdk.jdbc.RowReader} that fills {@code Object[]} rows with them; Airbyte's cursor
 * state ({@link io.sluice.cdk.jdbc.CursorState}) and the tie counting of cursor reads
 * ({@link io.sluice.cdk.jdbc.CursorTracker}); SQLSTATE classification
 * ({@link io.sluice.cdk.jdbc.SqlFailures}); cancelling a blocked statement on interrupt
 * ({@link io.sluice.cdk.jdbc.InterruptWatch}); and the hand-over of row batches from parallel
 * readers to the emitting thread ({@link io.sluice.cdk.jdbc.BatchExchange}).
 */
package io.sluice.cdk.jdbc;
