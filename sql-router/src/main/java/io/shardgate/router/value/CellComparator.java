package io.shardgate.router.value;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.collation.Collation;
import io.shardgate.router.collation.Collations;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Orders text-protocol cells of one column as MariaDB orders the values: numbers numerically,
 * strings by the column's collation, temporal values by their text, NULL before everything (ASC).
 */
public final class CellComparator implements Comparator<byte[]> {

    private final ValueType type;
    private final Collation collation;

    private CellComparator(ValueType type, Collation collation) {
        this.type = type;
        this.collation = collation;
    }

    /**
     * @throws ShardGateException 1235 for values the proxy cannot order (ENUM/SET members, unknown
     *                            collations)
     */
    public static CellComparator of(ValueType type, String columnName) {
        return of(type, columnName, null);
    }

    /**
     * @param collationOverride the collation text values compare by when known better than the
     *                          column definition tells (null: the definition's)
     */
    public static CellComparator of(ValueType type, String columnName, Integer collationOverride) {
        if (collationOverride != null && type.category() == ValueType.Category.STRING) {
            type = new ValueType(type.category(), type.unsigned(), collationOverride, type.decimals());
        }
        ValueType t = type;
        return switch (t.category()) {
            case ENUM_OR_SET -> throw ShardGateException.notSupported(
                    "cross-shard ordering or grouping by ENUM/SET column '" + columnName + "' (it sorts by member index)");
            case STRING -> new CellComparator(t, Collations.byId(t.collationId()).orElseThrow(
                    () -> ShardGateException.notSupported("cross-shard comparison of '" + columnName
                            + "' in collation #" + t.collationId())));
            default -> new CellComparator(t, null);
        };
    }

    public ValueType type() {
        return type;
    }

    @Override
    public int compare(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return switch (type.category()) {
            case INTEGER, YEAR -> type.unsigned() ? Long.compareUnsigned(Numbers.parseUnsigned(a), Numbers.parseUnsigned(b))
                    : Long.compare(Numbers.parseLong(a), Numbers.parseLong(b));
            case DECIMAL -> Numbers.decimal(a).compareTo(Numbers.decimal(b));
            case DOUBLE -> Double.compare(Numbers.parseDouble(a) + 0.0, Numbers.parseDouble(b) + 0.0);
            case STRING -> collation.compare(a, b);
            case BINARY, TEMPORAL, NULL_TYPE -> Arrays.compareUnsigned(a, b);
            case TIME -> Long.compare(Numbers.timeMicros(a), Numbers.timeMicros(b));
            case BIT -> compareBits(a, b);
            case ENUM_OR_SET -> throw new IllegalStateException("refused at construction");
        };
    }

    private static int compareBits(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return new java.math.BigInteger(1, a).compareTo(new java.math.BigInteger(1, b));
        }
        return Arrays.compareUnsigned(a, b);
    }

    /** Equality as GROUP BY and DISTINCT see it (collation-aware for strings). */
    public boolean same(byte[] a, byte[] b) {
        return compare(a, b) == 0;
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static BigDecimal decimal(byte[] b) {
        return Numbers.decimal(b);
    }
}
