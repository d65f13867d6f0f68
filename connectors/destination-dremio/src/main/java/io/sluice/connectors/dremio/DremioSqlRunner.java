package io.sluice.connectors.dremio;

import io.sluice.cdk.SqlRunner;

/**
 * SQL steps on Dremio: each statement goes down the Arrow Flight query path, as the destination's
 * {@code view_sql} does (Dremio takes DDL such as {@code CREATE VIEW} there and refuses Flight
 * updates). Dremio has no default schema for a Flight session here: name tables by their full path.
 */
final class DremioSqlRunner implements SqlRunner {
    private final DremioFlight flight;

    DremioSqlRunner(DremioFlight flight) {
        this.flight = flight;
    }

    @Override
    public String execute(String statement) {
        long rows = flight.execute(statement);
        return rows + (rows == 1 ? " result row" : " result rows");
    }

    @Override
    public void close() {
        flight.close();
    }
}
