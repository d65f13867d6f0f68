package io.sluice.connectors.mysql.source;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * MySQL's internal geometry format (a 4-byte SRID, then WKB) as WKT text, the way ST_AsText
 * writes it: the binlog carries geometries in that format, the Standard read selects ST_AsText.
 */
final class Wkt {
    private static final String[] NAMES = {"", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
        "MULTIPOLYGON", "GEOMETRYCOLLECTION"};

    private Wkt() {}

    static String fromMySql(byte[] value) {
        if (value.length < 5) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(value, 4, value.length - 4);
        StringBuilder out = new StringBuilder();
        geometry(in, out, true);
        return out.toString();
    }

    private static void geometry(ByteBuffer in, StringBuilder out, boolean named) {
        in.order(in.get() == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int kind = in.getInt();
        if (kind < 1 || kind >= NAMES.length) {
            throw new IllegalArgumentException("unknown WKB geometry type " + kind);
        }
        if (named || kind == 7) {
            out.append(NAMES[kind]);
        }
        switch (kind) {
            case 1 -> out.append('(').append(point(in)).append(')');
            case 2 -> points(in, out);
            case 3 -> rings(in, out);
            case 4, 5, 6, 7 -> {
                int n = in.getInt();
                out.append('(');
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    int mark = in.position();
                    in.order(in.get() == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                    int member = in.getInt();
                    in.position(mark);
                    if (kind == 4 && member == 1) {
                        in.get();
                        in.getInt();
                        out.append(point(in));
                    } else {
                        geometry(in, out, kind == 7);
                    }
                }
                out.append(')');
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void rings(ByteBuffer in, StringBuilder out) {
        int n = in.getInt();
        out.append('(');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            points(in, out);
        }
        out.append(')');
    }

    private static void points(ByteBuffer in, StringBuilder out) {
        int n = in.getInt();
        out.append('(');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(point(in));
        }
        out.append(')');
    }

    private static String point(ByteBuffer in) {
        return number(in.getDouble()) + " " + number(in.getDouble());
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
