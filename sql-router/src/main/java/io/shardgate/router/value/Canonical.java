package io.shardgate.router.value;

import io.shardgate.router.collation.Collation;
import io.shardgate.router.collation.Collations;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte keys that are equal exactly when MariaDB's {@code =} calls values equal: numbers by value
 * ({@code 1 = 1.0}), text by collation ({@code 'a' = 'A '} under a case-insensitive PAD SPACE
 * collation), everything else by its bytes. For hashing: GROUP BY, DISTINCT and join keys that the
 * proxy evaluates.
 */
public final class Canonical {

    private Canonical() {
    }

    /** A tuple of values as one hashable key. */
    public record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    /**
     * @param collations per value, the collation text compares by (null entries: the value's own)
     * @param numeric    per value, whether it is compared as a number against the other side (a
     *                   join of an integer and a string column compares numbers); null for "as typed"
     */
    public static Key of(SqlValue[] values, Integer[] collations, boolean[] numeric) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < values.length; i++) {
            byte[] part = part(values[i], collations != null && i < collations.length ? collations[i] : null,
                    numeric != null && i < numeric.length && numeric[i]);
            out.write(part.length >>> 24);
            out.write(part.length >>> 16);
            out.write(part.length >>> 8);
            out.write(part.length);
            out.writeBytes(part);
        }
        return new Key(out.toByteArray());
    }

    static byte[] part(SqlValue v, Integer collation, boolean numeric) {
        if (v.isNull()) {
            return new byte[] {'0'};
        }
        if (numeric || isNumber(v)) {
            BigDecimal d = Ops.kind(v) == Ops.Kind.DBL ? new BigDecimal(Double.toString(Ops.toDouble(v))) : Ops.toDecimal(v);
            return ("N" + d.stripTrailingZeros().toPlainString()).getBytes(StandardCharsets.US_ASCII);
        }
        int id = collation != null ? collation : collationOf(v);
        byte[] text = Ops.bytes(v);
        if (id == 63) {
            return prefix('B', text);
        }
        Collation c = Collations.byId(id).orElseThrow(() -> io.shardgate.router.ShardGateException.notSupported(
                "comparing text in collation #" + id + " in the proxy"));
        return prefix('S', c.sortKey(text));
    }

    private static byte[] prefix(char tag, byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        out[0] = (byte) tag;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    private static boolean isNumber(SqlValue v) {
        return switch (v) {
            case SqlValue.Int i -> true;
            case SqlValue.BigInt b -> true;
            case SqlValue.Dec d -> true;
            case SqlValue.Dbl d -> true;
            case SqlValue.Raw r -> r.type().numeric();
            default -> false;
        };
    }

    private static int collationOf(SqlValue v) {
        return switch (v) {
            case SqlValue.Str s -> s.collationId();
            case SqlValue.Raw r -> r.type().category() == ValueType.Category.STRING ? r.type().collationId() : 63;
            default -> 63;
        };
    }
}
