/**
 * Basic normalization shared by SQL destinations: the table layout of a stream
 * ({@link io.sluice.cdk.normalization.NormalizedLayout}, in {@link io.sluice.cdk.ValueType}s), identifiers
 * for a database's length limit ({@link io.sluice.cdk.normalization.TableNames},
 * {@link io.sluice.cdk.normalization.UniqueNames}), row hash ids ({@link io.sluice.cdk.normalization.RowHasher})
 * and the split of a row into root and child table rows ({@link io.sluice.cdk.normalization.RowSplitter}).
 * Each destination maps value types to its own SQL types and loads the rows its own way.
 */
package io.sluice.cdk.normalization;
