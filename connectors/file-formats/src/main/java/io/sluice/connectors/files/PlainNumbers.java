package io.sluice.connectors.files;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Numbers as rows hold them: a Double where it holds the value exactly, else a BigDecimal. */
final class PlainNumbers {
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;
    private static final int SHORT_DECIMAL = 15;

    private PlainNumbers() {}

    /** A Double when it prints back as the same decimal; otherwise the BigDecimal. */
    static Object decimal(BigDecimal decimal) {
        double d = decimal.doubleValue();
        if (Double.isFinite(d) && BigDecimal.valueOf(d).compareTo(decimal) == 0) {
            return d;
        }
        return decimal;
    }

    /** A number as NUMBER columns hold it. */
    static Object number(long value) {
        return Math.abs(value) <= EXACT_DOUBLE_LIMIT ? (Object) (double) value : BigDecimal.valueOf(value);
    }

    /**
     * Decimal text as a Double or BigDecimal; null when it is not a number. Short text goes
     * straight through {@link Double#parseDouble}, which is exact for up to 15 significant digits.
     */
    static Object parse(String text) {
        String s = text.strip();
        if (s.isEmpty() || !isDecimal(s)) {
            return null;
        }
        if (s.length() <= SHORT_DECIMAL) {
            return Double.parseDouble(s);
        }
        return decimal(new BigDecimal(s));
    }

    /** An integer as INTEGER columns hold it (Long, or BigInteger beyond a long); null when not an integer. */
    static Object integer(String text) {
        String s = text.strip();
        if (!isInteger(s)) {
            return null;
        }
        if (s.length() <= 18) {
            return Long.parseLong(s);
        }
        BigInteger big = new BigInteger(s);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    /** {@code [+-]digits}. */
    static boolean isInteger(String s) {
        int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code [+-](digits[.digits] | .digits)([eE][+-]digits)}: what CSV writers print, no NaN or Infinity. */
    static boolean isDecimal(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        int digits = 0;
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && isAsciiDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < s.length() && isAsciiDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == s.length();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
