package io.sluice.connectors.dremio;

import io.sluice.cdk.ConnectorException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dremio's Arrow Flight endpoint as the destination uses it: sign-in by a Basic handshake that
 * returns a bearer token, then SQL sent down the query path ({@code getFlightInfo} with the SQL as
 * the descriptor's command, then {@code getStream} per endpoint), which is how Dremio takes DDL such
 * as {@code CREATE VIEW} too: it refuses Flight's update calls. Not thread-safe; close it.
 */
final class DremioFlight implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DremioFlight.class);
    private static final long ALLOCATOR_LIMIT = 256L << 20;
    private static final CallOption TIMEOUT = CallOptions.timeout(30, TimeUnit.MINUTES);

    private final BufferAllocator allocator;
    private final FlightClient client;
    private final CredentialCallOption bearer;
    private final String where;

    private DremioFlight(BufferAllocator allocator, FlightClient client, CredentialCallOption bearer, String where) {
        this.allocator = allocator;
        this.client = client;
        this.bearer = bearer;
        this.where = where;
    }

    /** Connects and signs in with the config's username and password. */
    static DremioFlight signIn(DremioConfig config) {
        Location location = config.ssl() ? Location.forGrpcTls(config.host(), config.flightPort())
                : Location.forGrpcInsecure(config.host(), config.flightPort());
        String where = location.getUri().toString();
        BufferAllocator allocator = new RootAllocator(ALLOCATOR_LIMIT);
        FlightClient client = null;
        try {
            client = FlightClient.builder(allocator, location).build();
            Optional<CredentialCallOption> bearer = client.authenticateBasicToken(config.username(),
                    config.password().reveal());
            if (bearer.isEmpty()) {
                throw ConnectorException.system("Dremio's Arrow Flight endpoint at " + where
                        + " accepted the sign-in but returned no bearer token", null);
            }
            LOG.debug("signed in to Dremio's Arrow Flight endpoint at {}", where);
            return new DremioFlight(allocator, client, bearer.get(), where);
        } catch (FlightRuntimeException e) {
            closeQuietly(client, allocator);
            if (e.status().code() == FlightStatusCode.UNAUTHENTICATED
                    || e.status().code() == FlightStatusCode.UNAUTHORIZED) {
                throw ConnectorException.config("Dremio's Arrow Flight endpoint at " + where
                        + " refused the sign-in of user '" + config.username() + "': check username and password");
            }
            throw failure(e, "sign in", where);
        } catch (RuntimeException e) {
            closeQuietly(client, allocator);
            throw e;
        }
    }

    /** Runs {@code sql} down the query path and reads its whole result; returns the number of result rows. */
    long execute(String sql) {
        try {
            FlightInfo info = client.getInfo(FlightDescriptor.command(sql.getBytes(StandardCharsets.UTF_8)),
                    bearer, TIMEOUT);
            long rows = 0;
            for (FlightEndpoint endpoint : info.getEndpoints()) {
                try (FlightStream stream = client.getStream(endpoint.getTicket(), bearer, TIMEOUT)) {
                    while (stream.next()) {
                        rows += stream.getRoot().getRowCount();
                    }
                }
            }
            LOG.info("Dremio ran over Arrow Flight ({} result rows): {}", rows, sql);
            return rows;
        } catch (FlightRuntimeException e) {
            throw failure(e, "run `" + sql + "`", where);
        } catch (ConnectorException e) {
            throw e;
        } catch (Exception e) {
            throw ConnectorException.system("Could not read Dremio's answer to `" + sql + "` from " + where
                    + ": " + e.getMessage(), e);
        }
    }

    private static ConnectorException failure(FlightRuntimeException e, String what, String where) {
        CallStatus status = e.status();
        String message = "Dremio's Arrow Flight endpoint at " + where + " could not " + what + ": "
                + status.code() + (status.description() == null || status.description().isEmpty() ? ""
                        : " (" + status.description() + ")");
        return switch (status.code()) {
            case UNAVAILABLE -> ConnectorException.transientError("Could not reach Dremio's Arrow Flight endpoint at "
                    + where + " to " + what + ": is port right and Dremio running?", e);
            case TIMED_OUT -> ConnectorException.transientError(message, e);
            case UNAUTHENTICATED, UNAUTHORIZED -> ConnectorException.config(message);
            default -> ConnectorException.system(message, e);
        };
    }

    @Override
    public void close() {
        closeQuietly(client, allocator);
    }

    private static void closeQuietly(FlightClient client, BufferAllocator allocator) {
        try {
            if (client != null) {
                client.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("closing the Flight client failed: {}", e.getMessage());
        }
        allocator.close();
    }
}
