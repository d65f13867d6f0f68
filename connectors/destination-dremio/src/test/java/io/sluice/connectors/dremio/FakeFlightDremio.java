package io.sluice.connectors.dremio;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.RequestContext;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.GeneratedBearerTokenAuthenticator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Apache Arrow's own Flight server, in-process on a free port, standing in for Dremio's port 32010:
 * Basic sign-in exchanged for a generated bearer token (Arrow's auth2 authenticators, the scheme
 * Dremio uses), then SQL accepted on the query path only. It records the SQL and the caller's
 * identity, answers every statement with one record batch of {@link #ROWS} rows in a {@code summary}
 * column, and fails statements containing {@code FAIL_ME} with Dremio-like INVALID_ARGUMENT.
 */
final class FakeFlightDremio implements AutoCloseable {
    static final String USER = "dremio_user";
    static final String PASSWORD = FakeDremioRest.PASSWORD;
    static final int ROWS = 3;

    /** A statement the server ran, with the identity its bearer token stood for. */
    record Statement(String sql, String identity) {}

    private final BufferAllocator allocator = new RootAllocator(64L << 20);
    private final List<Statement> statements = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final FlightServer server;

    FakeFlightDremio() throws Exception {
        BasicCallHeaderAuthenticator basic = new BasicCallHeaderAuthenticator((user, password) -> {
            if (!USER.equals(user) || !PASSWORD.equals(password)) {
                throw CallStatus.UNAUTHENTICATED.withDescription("Unable to authenticate user " + user)
                        .toRuntimeException();
            }
            return () -> user;
        });
        server = FlightServer.builder(allocator, Location.forGrpcInsecure("127.0.0.1", 0), new SqlProducer())
                .headerAuthenticator(new GeneratedBearerTokenAuthenticator(basic))
                .middleware(FlightServerMiddleware.Key.of("record-auth"), new RecordAuthorization())
                .build()
                .start();
    }

    int port() {
        return server.getPort();
    }

    List<Statement> statements() {
        return List.copyOf(statements);
    }

    /** The Authorization header of every call, in order. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() throws Exception {
        server.close();
        allocator.close();
    }

    private final class SqlProducer extends NoOpFlightProducer {
        @Override
        public FlightInfo getFlightInfo(CallContext context, FlightDescriptor descriptor) {
            if (!descriptor.isCommand()) {
                throw CallStatus.INVALID_ARGUMENT.withDescription("only SQL commands").toRuntimeException();
            }
            String sql = new String(descriptor.getCommand(), StandardCharsets.UTF_8);
            if (context.peerIdentity() == null || context.peerIdentity().isEmpty()) {
                throw CallStatus.UNAUTHENTICATED.withDescription("no identity").toRuntimeException();
            }
            statements.add(new Statement(sql, context.peerIdentity()));
            if (sql.contains("FAIL_ME")) {
                throw CallStatus.INVALID_ARGUMENT.withDescription("Table 'FAIL_ME' not found").toRuntimeException();
            }
            return new FlightInfo(schema(), descriptor, List.of(new FlightEndpoint(new Ticket(descriptor.getCommand()))),
                    -1, ROWS);
        }

        @Override
        public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
            try (VectorSchemaRoot root = VectorSchemaRoot.create(schema(), allocator)) {
                VarCharVector summary = (VarCharVector) root.getVector("summary");
                summary.allocateNew();
                for (int i = 0; i < ROWS; i++) {
                    summary.setSafe(i, ("ok " + i).getBytes(StandardCharsets.UTF_8));
                }
                root.setRowCount(ROWS);
                listener.start(root);
                listener.putNext();
                listener.completed();
            }
        }

        private static Schema schema() {
            return new Schema(List.of(Field.nullable("summary", new ArrowType.Utf8())));
        }
    }

    private final class RecordAuthorization implements FlightServerMiddleware.Factory<FlightServerMiddleware> {
        @Override
        public FlightServerMiddleware onCallStarted(CallInfo info, CallHeaders headers, RequestContext context) {
            String value = headers.get("authorization");
            authorizations.add(value == null ? "" : value);
            return new FlightServerMiddleware() {
                @Override
                public void onBeforeSendingHeaders(CallHeaders outgoingHeaders) {}

                @Override
                public void onCallCompleted(CallStatus status) {}

                @Override
                public void onCallErrored(Throwable err) {}
            };
        }
    }
}
