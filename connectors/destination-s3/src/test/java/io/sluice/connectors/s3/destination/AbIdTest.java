package io.sluice.connectors.s3.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AbIdTest {

    @Test
    void idsAreRandomVersion4UuidsInTheirUsualForm() {
        AbId id = new AbId();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String text = id.next().toString();
            assertThat(text).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            UUID uuid = UUID.fromString(text);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(text);
            seen.add(text);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void theAsciiBytesAreTheTextAndAreReusedByTheNextId() {
        AbId id = new AbId();
        byte[] first = id.next().ascii();
        String firstText = new String(first, StandardCharsets.US_ASCII);
        assertThat(firstText).isEqualTo(id.toString()).hasSize(36);

        byte[] second = id.next().ascii();
        assertThat(second).isSameAs(first);
        assertThat(new String(second, StandardCharsets.US_ASCII)).isEqualTo(id.toString()).isNotEqualTo(firstText);
    }
}
