package io.sluice.connectors.faker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** {@code products}: a fixed catalogue of {@value #SIZE} cars, the same whatever the seed. */
final class ProductsStream implements FakerStream {
    static final String NAME = "products";
    static final int SIZE = 100;
    private static final long CATALOGUE_SEED = 20_240_101L;
    private static final List<Product> CATALOGUE = catalogue();

    /** One catalogue entry; {@code price} is the unit price purchases use. */
    record Product(long id, String make, String model, long year, double price) {}

    private final ObjectNode jsonSchema = new RowSchema.JsonSchemaBuilder()
            .property("id", ValueType.INTEGER)
            .property("make", ValueType.STRING)
            .property("model", ValueType.STRING)
            .property("year", ValueType.INTEGER)
            .property("price", ValueType.NUMBER)
            .property("created_at", ValueType.TIMESTAMP_TZ)
            .property("updated_at", ValueType.TIMESTAMP_TZ)
            .build();
    private final RowSchema rowSchema = RowSchema.of(jsonSchema);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ObjectNode jsonSchema() {
        return jsonSchema.deepCopy();
    }

    @Override
    public RowSchema rowSchema() {
        return rowSchema;
    }

    @Override
    public void read(ReadRequest request, StreamOutput out) {
        StreamPosition start = request.start();
        Instant anchor = request.updatedAnchor();
        out.start(SIZE - start.id());
        long lastId = start.id();
        for (long id = start.id() + 1; id <= SIZE; id++) {
            Product product = product(id);
            Object[] row = {
                id,
                product.make(),
                product.model(),
                product.year(),
                product.price(),
                Timeline.CATALOGUE_BASE.plusSeconds(id * 86_400),
                anchor.plusSeconds(id)
            };
            if (out.row(row)) {
                out.checkpoint(request.after(id, 0));
            }
            lastId = id;
        }
        out.finish(request.after(lastId, 0));
    }

    /** The catalogue entry with {@code id} (1..{@value #SIZE}). */
    static Product product(long id) {
        return CATALOGUE.get((int) id - 1);
    }

    private static List<Product> catalogue() {
        List<Product> products = new ArrayList<>(SIZE);
        for (long id = 1; id <= SIZE; id++) {
            SplittableRandom random = RowRandom.forRow(CATALOGUE_SEED, RowRandom.PRODUCTS, id);
            products.add(new Product(
                    id,
                    Vocabulary.pick(random, Vocabulary.PRODUCT_MAKES),
                    Vocabulary.pick(random, Vocabulary.PRODUCT_MODELS),
                    1995 + random.nextInt(30),
                    RowRandom.cents(8_000 + random.nextDouble() * 82_000)));
        }
        return List.copyOf(products);
    }
}
