package io.sluice.platform.ui;

import java.util.List;
import java.util.Optional;

/**
 * One option of a {@code oneOf} group in a generated form.
 *
 * @param value what the group's select sends for it: the discriminator's constant ({@code CDC}), or the
 *     option's position when the options have no discriminator
 * @param fields its fields, the discriminator among them as a {@link SpecField.Kind#CONSTANT}
 */
public record SpecVariant(String value, String title, Optional<String> hint, List<SpecField> fields) {
    public SpecVariant {
        fields = List.copyOf(fields);
    }
}
