package io.sluice.connectors.faker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowSchema;
import io.sluice.protocol.AirbyteStream;
import java.util.List;

/** One stream of sample data. Implementations hold no per-read state and are safe to share. */
sealed interface FakerStream permits UsersStream, ProductsStream, PurchasesStream {

    /** The stream's name; its namespace is always empty. */
    String name();

    /** The JSON schema of its records; property order is the order of generated row values. */
    ObjectNode jsonSchema();

    /** The column layout of the rows {@link #read} generates. */
    RowSchema rowSchema();

    /**
     * Generates the rows the request asks for, in id order, emitting a checkpoint every slice and
     * one at the end, on the calling thread.
     */
    void read(ReadRequest request, StreamOutput out);

    /** How the stream is offered: full refresh and incremental on {@code updated_at}, keyed by id. */
    default AirbyteStream airbyteStream() {
        return AirbyteStream.of(null, name(), jsonSchema(), List.of("updated_at"), List.of(List.of("id")));
    }

    /** All streams, in catalog order. */
    static List<FakerStream> all() {
        return List.of(new UsersStream(), new ProductsStream(), new PurchasesStream());
    }
}
