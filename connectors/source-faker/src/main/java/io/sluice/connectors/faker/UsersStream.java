package io.sluice.connectors.faker;

import static io.sluice.connectors.faker.Vocabulary.pick;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.cdk.JsonSchemas;
import io.sluice.cdk.RowSchema;
import io.sluice.cdk.ValueType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** {@code users}: {@code count} people with an address, ids 1..count. */
final class UsersStream implements FakerStream {
    static final String NAME = "users";

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
        out.start(request.count() - start.id());
        long lastId = start.id();
        for (long id = start.id() + 1; id <= request.count(); id++) {
            if (out.row(row(request.seed(), id, Instant.ofEpochSecond(anchor + id)))) {
                out.checkpoint(request.after(id, 0));
            }
            lastId = id;
        }
        out.finish(request.after(lastId, 0));
    }

    /** The user with {@code id}, identical for the same seed whatever else is read. */
    static Object[] row(long seed, long id, Instant updatedAt) {
        SplittableRandom random = RowRandom.forRow(seed, RowRandom.USERS, id);
        int genderRoll = random.nextInt(100);
        String gender = genderRoll < 48 ? "Male" : genderRoll < 96 ? "Female" : "Non-binary";
        boolean male = genderRoll < 48;
        String[] firstNames = male ? Vocabulary.MALE_FIRST_NAMES : Vocabulary.FEMALE_FIRST_NAMES;
        int first = Vocabulary.index(random, firstNames);
        int last = Vocabulary.index(random, Vocabulary.LAST_NAMES);
        String firstName = firstNames[first];
        String firstLower = (male ? Vocabulary.MALE_FIRST_NAMES_LOWER : Vocabulary.FEMALE_FIRST_NAMES_LOWER)[first];
        String title = switch (gender) {
            case "Male" -> pick(random, Vocabulary.MALE_TITLES);
            case "Female" -> pick(random, Vocabulary.FEMALE_TITLES);
            default -> pick(random, Vocabulary.OTHER_TITLES);
        };
        String email = firstLower + '.' + Vocabulary.LAST_NAMES_LOWER[last] + id + '@'
                + pick(random, Vocabulary.EMAIL_DOMAINS);
        return new Object[] {
            id,
            Timeline.CREATED_BASE.plusSeconds(id),
            updatedAt,
            firstName + ' ' + Vocabulary.LAST_NAMES[last],
            title,
            (long) (18 + random.nextInt(73)),
            email,
            telephone(random),
            gender,
            pick(random, Vocabulary.LANGUAGES),
            pick(random, Vocabulary.ACADEMIC_DEGREES),
            pick(random, Vocabulary.NATIONALITIES),
            pick(random, Vocabulary.OCCUPATIONS),
            RowRandom.cents(1.50 + random.nextDouble() * 0.55),
            pick(random, Vocabulary.BLOOD_TYPES),
            (long) (45 + random.nextInt(86)),
            address(random)
        };
    }

    private static String telephone(SplittableRandom random) {
        StringBuilder phone = new StringBuilder(15).append("+1-");
        digits(phone, 200 + random.nextInt(800), 3).append('-');
        digits(phone, random.nextInt(1000), 3).append('-');
        return digits(phone, random.nextInt(10000), 4).toString();
    }

    private static Map<String, Object> address(SplittableRandom random) {
        Map<String, Object> address = new LinkedHashMap<>(10);
        address.put("street_number", Integer.toString(1 + random.nextInt(9999)));
        address.put("street_name", pick(random, Vocabulary.STREET_WORDS) + ' '
                + pick(random, Vocabulary.STREET_SUFFIXES));
        address.put("city", pick(random, Vocabulary.CITIES));
        address.put("state", pick(random, Vocabulary.STATES));
        address.put("province", pick(random, Vocabulary.PROVINCES));
        address.put("postal_code", digits(new StringBuilder(5), random.nextInt(100000), 5).toString());
        address.put("country_code", pick(random, Vocabulary.COUNTRY_CODES));
        return Collections.unmodifiableMap(address);
    }

    /** Appends {@code value} zero-padded to {@code width} digits. */
    static StringBuilder digits(StringBuilder target, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            target.append('0');
        }
        return target.append(text);
    }

    private static ObjectNode schema() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode address = json.objectNode();
        for (String field : new String[] {
            "street_number", "street_name", "city", "state", "province", "postal_code", "country_code"}) {
            address.set(field, JsonSchemas.of(ValueType.STRING));
        }
        return new RowSchema.JsonSchemaBuilder()
                .property("id", ValueType.INTEGER)
                .property("created_at", ValueType.TIMESTAMP_TZ)
                .property("updated_at", ValueType.TIMESTAMP_TZ)
                .property("name", ValueType.STRING)
                .property("title", ValueType.STRING)
                .property("age", ValueType.INTEGER)
                .property("email", ValueType.STRING)
                .property("telephone", ValueType.STRING)
                .property("gender", ValueType.STRING)
                .property("language", ValueType.STRING)
                .property("academic_degree", ValueType.STRING)
                .property("nationality", ValueType.STRING)
                .property("occupation", ValueType.STRING)
                .property("height", ValueType.NUMBER)
                .property("blood_type", ValueType.STRING)
                .property("weight", ValueType.INTEGER)
                .property("address", JsonSchemas.object(address))
                .build();
    }
}
