package io.sluice.connectors.faker;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code purchases}: each user has 0 to {@value #MAX_PER_USER} purchases of catalogue products.
 * Purchase ids run on across users in user order. A checkpoint falls between two users only, so
 * a resumed read never splits one user's purchases.
 */
final class PurchasesStream implements FakerStream {
    static final String NAME = "purchases";
    static final int MAX_PER_USER = 3;
    /** Expected purchases per user, in tenths, for the row estimate: (4×1 + 2×2 + 1×3) / 10. */
    private static final long TENTHS_PER_USER = 11;
    private static final int CANCEL_CHECK_USERS = 4096;
    private static final long DAY = 86_400;

    private final ObjectNode jsonSchema = schema();
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
        long anchor = request.updatedAnchor().getEpochSecond();
        out.start((request.count() - start.userId()) * TENTHS_PER_USER / 10);
        // Without the user of the last purchase, regenerate from the first user and skip up to it.
        long nextId = start.userId() > 0 ? start.id() + 1 : 1;
        long lastId = start.id();
        long lastUser = start.userId();
        for (long userId = start.userId() + 1; userId <= request.count(); userId++) {
            if (userId % CANCEL_CHECK_USERS == 0) {
                StreamOutput.stopIfInterrupted();
            }
            SplittableRandom random = RowRandom.forRow(request.seed(), RowRandom.PURCHASES, userId);
            int purchases = purchaseCount(random);
            for (int i = 0; i < purchases; i++) {
                long id = nextId++;
                Object[] row = row(random, id, userId, Instant.ofEpochSecond(anchor + id));
                if (id > start.id()) {
                    out.row(row);
                    lastId = id;
                }
            }
            lastUser = userId;
            if (out.checkpointDue()) {
                out.checkpoint(request.after(lastId, userId));
            }
        }
        out.finish(request.after(lastId, lastUser));
    }

    /** 0 purchases for 3 users in 10, 1 for 4, 2 for 2, 3 for 1. */
    private static int purchaseCount(SplittableRandom random) {
        int roll = random.nextInt(10);
        return roll < 3 ? 0 : roll < 7 ? 1 : roll < 9 ? 2 : 3;
    }

    private static Object[] row(SplittableRandom random, long id, long userId, Instant updatedAt) {
        Instant userCreated = Timeline.CREATED_BASE.plusSeconds(userId);
        Instant addedToCart = userCreated.plusSeconds(3_600 + random.nextLong(60 * DAY));
        Instant purchased = random.nextInt(10) < 8 ? addedToCart.plusSeconds(60 + random.nextLong(3 * DAY)) : null;
        Instant returned = purchased != null && random.nextInt(10) == 0
                ? purchased.plusSeconds(DAY + random.nextLong(30 * DAY))
                : null;
        long productId = 1 + random.nextInt(ProductsStream.SIZE);
        return new Object[] {
            id, userId, productId, addedToCart, purchased, returned, addedToCart, updatedAt,
            lineItems(random, productId)
        };
    }

    /** One to three line items, the first one for the purchase's {@code firstProductId}. */
    private static List<Object> lineItems(SplittableRandom random, long firstProductId) {
        int size = 1 + random.nextInt(3);
        List<Object> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long productId = i == 0 ? firstProductId : 1 + random.nextInt(ProductsStream.SIZE);
            Map<String, Object> item = new LinkedHashMap<>(4);
            item.put("product_id", productId);
            item.put("quantity", (long) (1 + random.nextInt(5)));
            item.put("price", ProductsStream.product(productId).price());
            items.add(Collections.unmodifiableMap(item));
        }
        return Collections.unmodifiableList(items);
    }

    private static ObjectNode schema() {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.set("product_id", JsonSchemas.of(ValueType.INTEGER));
        item.set("quantity", JsonSchemas.of(ValueType.INTEGER));
        item.set("price", JsonSchemas.of(ValueType.NUMBER));
        return new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("user_id", ValueType.INTEGER)
                .property("product_id", ValueType.INTEGER)
                .property("added_to_cart_at", ValueType.TIMESTAMP_TZ)
                .property("purchased_at", ValueType.TIMESTAMP_TZ)
                .property("returned_at", ValueType.TIMESTAMP_TZ)
                .property("created_at", ValueType.TIMESTAMP_TZ)
                .property("updated_at", ValueType.TIMESTAMP_TZ)
                .property("line_items", JsonSchemas.arrayOf(JsonSchemas.object(item)))
                .build();
    }
}
