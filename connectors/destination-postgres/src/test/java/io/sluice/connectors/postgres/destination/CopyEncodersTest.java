package io.sluice.connectors.postgres.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import io.sluice.cdk.normalization.HashId;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyEncodersTest {

    private static String text(PgType type, Object value) {
        CopyBuffer out = new CopyBuffer(4);
        new TextCopyEncoder().value(out, 0, type, value);
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }

    @Test
    void textFormatEscapesAndFormatsWithoutFormatters() {
        assertThat(text(PgType.TEXT, "a\tb\nc\rd\\e\u0000f 😀")).isEqualTo("a\\tb\\nc\\rd\\\\ef 😀");
        assertThat(text(PgType.TEXT, null)).isEqualTo("\\N");
        assertThat(text(PgType.INT8, Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(text(PgType.INT8, 0L)).isEqualTo("0");
        assertThat(text(PgType.INT8, 1234567890123L)).isEqualTo("1234567890123");
        assertThat(text(PgType.BOOL, true)).isEqualTo("t");
        assertThat(text(PgType.DATE, LocalDate.of(7, 3, 9))).isEqualTo("0007-03-09");
        assertThat(text(PgType.DATE, LocalDate.of(0, 1, 1))).isEqualTo("0001-01-01 BC");
        assertThat(text(PgType.TIMESTAMPTZ, Instant.parse("1969-12-31T23:59:59.5Z")))
                .isEqualTo("1969-12-31 23:59:59.500000+00");
        assertThat(text(PgType.TIMESTAMP, LocalDateTime.of(2024, 2, 29, 1, 2, 3))).isEqualTo("2024-02-29 01:02:03");
        assertThat(text(PgType.NUMERIC, Double.NaN)).isEqualTo("NaN");

        CopyBuffer row = new CopyBuffer(4);
        TextCopyEncoder encoder = new TextCopyEncoder();
        encoder.value(row, 0, PgType.INT8, 1L);
        encoder.value(row, 1, PgType.TEXT, "x");
        encoder.endRow(row);
        assertThat(new String(row.array(), 0, row.size(), StandardCharsets.UTF_8)).isEqualTo("1\tx\n");
    }

    /** ndigits, weight, sign, dscale, digits... */
    private static short[] numeric(Object value) {
        CopyBuffer out = new CopyBuffer(4);
        new NumericBinary().write(out, value);
        ByteBuffer bytes = ByteBuffer.wrap(out.array(), 0, out.size());
        int length = bytes.getInt();
        assertThat(length).isEqualTo(out.size() - 4);
        short[] words = new short[length / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = bytes.getShort();
        }
        return words;
    }

    @Test
    void numericUsesBaseTenThousandDigits() {
        assertThat(numeric(new BigDecimal("12345678901234567890.123456789"))).containsExactly(
                (short) 8, (short) 4, (short) 0, (short) 9, (short) 1234, (short) 5678, (short) 9012, (short) 3456,
                (short) 7890, (short) 1234, (short) 5678, (short) 9000);
        assertThat(numeric(new BigDecimal("123.45"))).containsExactly((short) 2, (short) 0, (short) 0, (short) 2,
                (short) 123, (short) 4500);
        assertThat(numeric(new BigDecimal("-0.00001"))).containsExactly((short) 1, (short) -2, (short) 0x4000,
                (short) 5, (short) 1000);
        assertThat(numeric(new BigDecimal("1E+5"))).containsExactly((short) 1, (short) 1, (short) 0, (short) 0,
                (short) 10);
        assertThat(numeric(new BigDecimal("0.00"))).containsExactly((short) 0, (short) 0, (short) 0, (short) 2);
        assertThat(numeric(Double.NaN)).containsExactly((short) 0, (short) 0, (short) 0xC000, (short) 0);
        assertThat(numeric(Double.NEGATIVE_INFINITY)).containsExactly((short) 0, (short) 0, (short) 0xF000, (short) 0);
    }

    @Test
    void binaryFormatWritesLengthsAndPostgresEpochs() {
        CopyBuffer out = new CopyBuffer(4);
        BinaryCopyEncoder encoder = new BinaryCopyEncoder();
        encoder.header(out);
        encoder.beginRow(out, 4);
        encoder.value(out, 0, PgType.DATE, LocalDate.of(2000, 1, 2));
        encoder.value(out, 1, PgType.TIMESTAMPTZ, Instant.parse("2000-01-01T00:00:01Z"));
        encoder.value(out, 2, PgType.JSONB, "{}");
        encoder.value(out, 3, PgType.TEXT, null);
        encoder.trailer(out);

        ByteBuffer bytes = ByteBuffer.wrap(out.array(), 0, out.size());
        byte[] signature = new byte[11];
        bytes.get(signature);
        assertThat(new String(signature, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("PGCOPY");
        assertThat(bytes.getInt()).isZero();
        assertThat(bytes.getInt()).isZero();
        assertThat(bytes.getShort()).isEqualTo((short) 4);
        assertThat(bytes.getInt()).isEqualTo(4);
        assertThat(bytes.getInt()).isEqualTo(1);
        assertThat(bytes.getInt()).isEqualTo(8);
        assertThat(bytes.getLong()).isEqualTo(1_000_000L);
        assertThat(bytes.getInt()).isEqualTo(3);
        byte[] json = new byte[3];
        bytes.get(json);
        assertThat(Arrays.copyOfRange(json, 0, 1)).containsExactly(1);
        assertThat(new String(json, 1, 2, StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(bytes.getInt()).isEqualTo(-1);
        assertThat(bytes.getShort()).isEqualTo((short) -1);
        assertThat(bytes.hasRemaining()).isFalse();
    }

    private static String binaryText(PgType type, Object value) {
        CopyBuffer out = new CopyBuffer(4);
        new BinaryCopyEncoder().value(out, 0, type, value);
        int length = ByteBuffer.wrap(out.array(), 0, 4).getInt();
        assertThat(length).isEqualTo(out.size() - 4);
        return new String(out.array(), 4, length, StandardCharsets.UTF_8);
    }

    @Test
    void rowIdsAreWrittenAsTheirTextInBothFormats() {
        UUID uuid = UUID.fromString("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
        HashId hash = new HashId(0x00ff00ff00ff00ffL, 0xabcdef0123456789L);
        for (PgType type : new PgType[] {PgType.TEXT, PgType.VARCHAR}) {
            assertThat(PgValues.isCanonical(type, uuid)).isTrue();
            assertThat(PgValues.isCanonical(type, hash)).isTrue();
            assertThat(text(type, uuid)).isEqualTo(uuid.toString());
            assertThat(binaryText(type, uuid)).isEqualTo(uuid.toString());
            assertThat(text(type, hash)).isEqualTo("00ff00ff00ff00ffabcdef0123456789").isEqualTo(hash.toString());
            assertThat(binaryText(type, hash)).isEqualTo(hash.toString());
        }
        UUID edges = new UUID(-1L, 0L);
        assertThat(binaryText(PgType.VARCHAR, edges)).isEqualTo(edges.toString());
    }

    @Test
    void binaryTextDropsNulsAndKeepsEveryOtherCharacter() {
        assertThat(binaryText(PgType.TEXT, "a\u0000b\u0000")).isEqualTo("ab");
        assertThat(binaryText(PgType.TEXT, "zürich 😀 \t")).isEqualTo("zürich 😀 \t");
        assertThat(binaryText(PgType.TEXT, "")).isEmpty();
    }

    @Test
    void numericFromCompactAndInflatedDecimalsAgree() {
        assertThat(numeric(BigDecimal.valueOf(12345678, 2))).isEqualTo(numeric(new BigDecimal("123456.78")));
        assertThat(numeric(new BigDecimal("-0.0001"))).isEqualTo(numeric(BigDecimal.valueOf(-1, 4)));
        assertThat(numeric(new BigDecimal("1E+5"))).isEqualTo(numeric(BigDecimal.valueOf(100000)));
    }

    @Test
    void theLongPathAndTheDigitPathEncodeEveryDecimalAlike() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            long unscaled = random.nextLong() % (long) Math.pow(10, 1 + random.nextInt(15));
            BigDecimal value = BigDecimal.valueOf(unscaled, random.nextInt(12));
            CopyBuffer viaDigits = new CopyBuffer(4);
            new NumericBinary().writeDigits(viaDigits, value, value.signum() < 0 ? 0x4000 : 0);
            assertThat(numeric(value)).as("%s", value).isEqualTo(words(viaDigits));
        }
    }

    private static short[] words(CopyBuffer out) {
        ByteBuffer bytes = ByteBuffer.wrap(out.array(), 4, out.size() - 4);
        short[] words = new short[(out.size() - 4) / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = bytes.getShort();
        }
        return words;
    }

    @Test
    void hexDigitsComeFromWholeWordArithmetic() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 10_000; i++) {
            int v = i < 3 ? new int[] {0, -1, 0x0123abcd}[i] : random.nextInt();
            byte[] word = ByteBuffer.allocate(8).putLong(CopyBuffer.asciiHex8(v)).array();
            assertThat(new String(word, StandardCharsets.US_ASCII)).isEqualTo(String.format("%08x", v));
        }
    }

    @Test
    void everyClassThatSkipsTheCheckIsCanonicalForItsType() {
        for (PgType type : PgType.values()) {
            Class<?> canonical = PgValues.canonicalClass(type);
            Object sample = java.util.Map.<Class<?>, Object>of(Long.class, 1L, BigDecimal.class, BigDecimal.ONE,
                    Double.class, 1.5, Boolean.class, true, String.class, "x", LocalDate.class, LocalDate.EPOCH,
                    Instant.class, Instant.EPOCH, LocalDateTime.class, LocalDateTime.MIN).get(canonical);
            if (canonical != Void.class) {
                assertThat(PgValues.isCanonical(type, sample)).as("%s %s", type, canonical).isTrue();
            }
        }
    }
}
