package io.sluice.connectors.postgres.destination;

import java.math.BigDecimal;

/**
 * PostgreSQL's binary {@code numeric}: int16 ndigits, int16 weight (of the first base-10000 digit),
 * int16 sign, int16 dscale (decimal digits after the point), then ndigits int16 base-10000 digits.
 * Built from the decimal digits of the unscaled value without going through a String when it fits
 * in a long. Not thread-safe: one per encoder.
 */
final class NumericBinary {
    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final int NAN = 0xC000;
    private static final int PLUS_INFINITY = 0xD000;
    private static final int MINUS_INFINITY = 0xF000;

    /** Compact values have at most 15 digits, padded by up to 3: a long holds them. */
    private static final int MAX_COMPACT_SCALE = 16_383;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};

    private byte[] decimal = new byte[64];
    private short[] groups = new short[32];

    /** Writes the length and value of {@code value} (BigDecimal, or a non-finite Double). */
    void write(CopyBuffer out, Object value) {
        if (value instanceof Double d) {
            out.putInt(8);
            out.putShort(0);
            out.putShort(0);
            out.putShort(d.isNaN() ? NAN : d > 0 ? PLUS_INFINITY : MINUS_INFINITY);
            out.putShort(0);
            return;
        }
        BigDecimal number = (BigDecimal) value;
        int sign = number.signum() < 0 ? NEGATIVE : POSITIVE;
        if (number.precision() < 16 && number.scale() >= 0 && number.scale() <= MAX_COMPACT_SCALE) {
            // the unscaled value without unscaledValue(), which allocates a BigInteger
            writeCompact(out, Math.abs(number.scaleByPowerOfTen(number.scale()).longValue()), number.scale(), sign);
        } else {
            writeDigits(out, number, sign);
        }
    }

    /**
     * A value whose unscaled digits fit in a long even after padding the fraction to whole base-10000
     * digits: the groups come straight from the long, least significant first.
     */
    private void writeCompact(CopyBuffer out, long unscaled, int scale, int sign) {
        int pad = (4 - scale % 4) % 4;
        long rest = unscaled * POWERS_OF_TEN[pad];
        int lowestWeight = -(scale + pad) / 4;
        while (rest != 0 && rest % 10_000 == 0) {
            rest /= 10_000;
            lowestWeight++;
        }
        int count = 0;
        while (rest != 0) {
            groups[count++] = (short) (rest % 10_000);
            rest /= 10_000;
        }
        out.putInt(8 + 2 * count);
        out.putShort(count);
        out.putShort(count == 0 ? 0 : lowestWeight + count - 1);
        out.putShort(count == 0 ? POSITIVE : sign);
        out.putShort(scale);
        for (int g = count - 1; g >= 0; g--) {
            out.putShort(groups[g]);
        }
    }

    /** Any value, through its decimal digits. */
    void writeDigits(CopyBuffer out, BigDecimal number, int sign) {
        int scale = number.scale();
        int length = digitsOf(number);
        if (scale < 0) {
            ensureDecimal(length - scale);
            for (int i = 0; i < -scale; i++) {
                decimal[length++] = 0;
            }
            scale = 0;
        }
        // digits before the point: length - scale (may be <= 0)
        int integerDigits = length - scale;
        int leadPad = Math.floorMod(4 - Math.floorMod(integerDigits, 4), 4);
        int firstGroupWeight = Math.floorDiv(integerDigits + leadPad, 4) - 1;
        int total = leadPad + length;
        int groupCount = (total + 3) / 4;
        if (groups.length < groupCount) {
            groups = new short[groupCount * 2];
        }
        for (int g = 0; g < groupCount; g++) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int index = g * 4 + k - leadPad;
                v = v * 10 + (index >= 0 && index < length ? decimal[index] : 0);
            }
            groups[g] = (short) v;
        }
        int first = 0;
        while (first < groupCount && groups[first] == 0) {
            first++;
        }
        int last = groupCount - 1;
        while (last >= first && groups[last] == 0) {
            last--;
        }
        int ndigits = last - first + 1;
        out.putInt(8 + 2 * ndigits);
        out.putShort(ndigits);
        out.putShort(ndigits == 0 ? 0 : firstGroupWeight - first);
        out.putShort(ndigits == 0 ? POSITIVE : sign);
        out.putShort(scale);
        for (int g = first; g <= last; g++) {
            out.putShort(groups[g]);
        }
    }

    /** Fills {@code decimal} with the digits (0-9) of |unscaled value|; returns their count. */
    private int digitsOf(BigDecimal number) {
        if (number.precision() < 19) {
            // the unscaled value without unscaledValue(), which allocates a BigInteger
            long v = Math.abs(number.scaleByPowerOfTen(number.scale()).longValue());
            int digits = number.precision();
            ensureDecimal(digits);
            for (int i = digits - 1; i >= 0; i--) {
                decimal[i] = (byte) (v % 10);
                v /= 10;
            }
            return digits;
        }
        String text = number.unscaledValue().abs().toString();
        ensureDecimal(text.length());
        for (int i = 0; i < text.length(); i++) {
            decimal[i] = (byte) (text.charAt(i) - '0');
        }
        return text.length();
    }

    private void ensureDecimal(int length) {
        if (decimal.length < length) {
            decimal = java.util.Arrays.copyOf(decimal, length * 2);
        }
    }
}
