package io.sluice.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities, as Airbyte's {@code resourceRequirements} write them: CPU in
 * cores ({@code "0.5"}, {@code "500m"}, {@code "2"}) and memory in bytes with a binary
 * ({@code "512Mi"}, {@code "1Gi"}) or decimal ({@code "500M"}, {@code "1e9"}) suffix.
 */
public final class ResourceQuantity {
    private static final Pattern QUANTITY = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(?:([eE][+-]?\\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")));
    private static final BigDecimal MAX_CORES = BigDecimal.valueOf(4096);

    private ResourceQuantity() {}

    /**
     * A CPU quantity in cores.
     *
     * @throws IllegalArgumentException with the problem in plain words when it is no quantity or not above 0
     */
    public static double cores(String text) {
        BigDecimal value = parse(text, "a number of cores such as \"0.5\", \"500m\" or \"2\"");
        if (value.compareTo(MAX_CORES) > 0) {
            throw new IllegalArgumentException("is more than " + MAX_CORES + " cores (got \"" + text + "\")");
        }
        return value.doubleValue();
    }

    /**
     * A memory quantity in bytes (a fraction of a byte rounds up).
     *
     * @throws IllegalArgumentException with the problem in plain words when it is no quantity or not above 0
     */
    public static long bytes(String text) {
        BigDecimal value = parse(text, "a memory size such as \"512Mi\", \"1Gi\" or \"500M\"");
        try {
            return value.setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too large (got \"" + text + "\")");
        }
    }

    /** {@code 512 MiB}, {@code 1.5 GiB}, {@code 300 KiB}: a size for messages. */
    public static String describeBytes(long bytes) {
        if (bytes >= 10L << 30) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        return (bytes >> 10) + " KiB";
    }

    private static BigDecimal parse(String text, String expected) {
        String trimmed = text == null ? "" : text.strip();
        Matcher m = QUANTITY.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be " + expected + " (got \"" + abbreviate(trimmed) + "\")");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        if (m.group(2) != null) {
            int exponent = Integer.parseInt(m.group(2).substring(1));
            if (Math.abs(exponent) > 30) {
                throw new IllegalArgumentException("has an exponent out of range (got \"" + trimmed + "\")");
            }
            value = value.scaleByPowerOfTen(exponent);
        } else if (m.group(3) != null) {
            value = value.multiply(SUFFIXES.get(m.group(3)));
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("must be greater than 0 (got \"" + trimmed + "\")");
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
