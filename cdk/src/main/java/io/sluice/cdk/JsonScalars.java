package io.sluice.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Lenient reading of JSON numbers and booleans for {@link RowJson}: numbers and booleans given as
 * strings, whole decimals for integers, doubles only where they hold the value exactly. Each
 * method returns null when the node cannot be read as asked.
 */
final class JsonScalars {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    /** More digits than any database integer or numeric column keeps before the point. */
    private static final int MAX_INTEGER_DIGITS = 1000;

    private JsonScalars() {}

    /** A Long, or a BigInteger beyond a long's range. */
    static Object integer(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        BigDecimal decimal;
        if (node.isNumber()) {
            decimal = node.isDouble() || node.isFloat() ? finiteDecimal(node.doubleValue()) : node.decimalValue();
        } else if (node.isTextual()) {
            String text = node.textValue().strip();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notALong) {
                decimal = parseDecimal(text);
            }
        } else {
            decimal = null;
        }
        if (decimal == null || decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            return null;
        }
        if (decimal.compareTo(LONG_MIN) >= 0 && decimal.compareTo(LONG_MAX) <= 0) {
            return decimal.longValue();
        }
        if (decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
            return null; // "1e300000000" would take minutes to expand; no column holds it anyway
        }
        return decimal.toBigInteger();
    }

    /** A Double, or a BigDecimal a double cannot hold exactly. */
    static Object number(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            return node.doubleValue();
        }
        if (node.isNumber()) {
            return plainNumberAsDouble(node);
        }
        if (node.isTextual()) {
            String text = node.textValue().strip();
            switch (text) {
                case "NaN" -> { return Double.NaN; }
                case "Infinity", "+Infinity" -> { return Double.POSITIVE_INFINITY; }
                case "-Infinity" -> { return Double.NEGATIVE_INFINITY; }
                default -> { }
            }
            BigDecimal decimal = parseDecimal(text);
            if (decimal != null) {
                return doubleIfExact(decimal);
            }
        }
        return null;
    }

    static Boolean bool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().strip();
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && (node.longValue() == 0 || node.longValue() == 1)) {
            return node.longValue() == 1;
        }
        return null;
    }

    static Object plainNumber(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isBigDecimal()) {
            return doubleIfExact(node.decimalValue());
        }
        return node.doubleValue();
    }

    private static Object plainNumberAsDouble(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long v = node.longValue();
            return Math.abs(v) <= EXACT_DOUBLE_LIMIT ? (Object) (double) v : BigDecimal.valueOf(v);
        }
        return doubleIfExact(node.decimalValue());
    }

    /** A Double when the double prints back as the same decimal; otherwise the BigDecimal. */
    private static Object doubleIfExact(BigDecimal decimal) {
        double d = decimal.doubleValue();
        if (Double.isFinite(d) && BigDecimal.valueOf(d).compareTo(decimal) == 0) {
            return d;
        }
        return decimal;
    }

    private static BigDecimal finiteDecimal(double d) {
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }

    private static BigDecimal parseDecimal(String text) {
        try {
            return text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
