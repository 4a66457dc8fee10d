package io.shardgate.router;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Converts a constant to the value a row stores in the shard column, so that
 * {@code WHERE id = '7'} and {@code INSERT ... VALUES (7)} reach the same shard. Where MariaDB would
 * compare by a different rule than the function hashes by, there is no single shard: the caller
 * scatters (reads) or refuses (writes).
 */
final class ShardKeyValue {

    private static final Pattern INTEGER_TEXT = Pattern.compile("\\s*[+-]?\\d+\\s*");

    private ShardKeyValue() {
    }

    /**
     * @param columnKind the column's kind, or null when the table's columns are unknown (then the
     *                   literal is taken at its own type)
     * @param stored     true for INSERT values (converted as storing converts them); false for
     *                   comparisons (a number compared with a string column compares numerically, so
     *                   many strings match: no single key)
     * @return the key (Long, BigInteger or String), {@link Constants#NULL}, or empty when unroutable
     */
    static Optional<Object> coerce(Object value, ShardKeyColumn column, boolean stored) {
        if (value == Constants.NULL) {
            return Optional.of(Constants.NULL);
        }
        if (column == null) {
            if (stored && value instanceof String) {
                // Text keys are placed by collation; guessing without it could misplace the row.
                throw new ShardGateException(ErrorCode.NOT_SUPPORTED, "placing a text shard key of a table whose "
                        + "columns ShardGate cannot read from the catalog");
            }
            return asOwnType(value);
        }
        return switch (column.kind()) {
            case INTEGER, DECIMAL, FLOAT -> asInteger(value);
            case STRING -> text(value, stored).map(s -> collationKey(s, column.collationId(), stored));
            case BINARY -> switch (value) {
                case byte[] b -> Optional.of(b);
                default -> text(value, stored).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            };
            // Date functions take the value's text (they parse YYYY-MM-DD[ hh:mm:ss]).
            case TEMPORAL -> value instanceof String s ? Optional.of(s.strip()) : Optional.empty();
            case OTHER -> asOwnType(value);
        };
    }

    /** What a text column stores for a literal: strings as they are, numbers as their digits. */
    private static Optional<String> text(Object value, boolean stored) {
        return switch (value) {
            case String s -> Optional.of(s);
            case Long l when stored -> Optional.of(Long.toString(l));
            case BigInteger b when stored -> Optional.of(b.toString());
            default -> Optional.empty();
        };
    }

    /**
     * Text keys are placed by their collation key, so values the column's collation calls equal
     * ('abc', 'ABC', 'abc ' under a case-insensitive PAD SPACE collation) are one key on one shard
     * and an equality lookup finds every row it matches.
     */
    private static Object collationKey(String s, Integer collationId, boolean stored) {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (collationId == null) {
            throw new ShardGateException(ErrorCode.NOT_SUPPORTED, "placing a text shard key whose column collation "
                    + "ShardGate cannot read from the catalog");
        }
        return io.shardgate.router.collation.Collations.byId(collationId)
                .map(c -> (Object) c.sortKey(utf8))
                .orElseThrow(() -> new ShardGateException(ErrorCode.NOT_SUPPORTED,
                        "text shard keys in collation #" + collationId));
    }

    private static Optional<Object> asOwnType(Object value) {
        return switch (value) {
            case Long l -> Optional.of(l);
            case BigInteger b -> Optional.of(b);
            case String s -> Optional.of(s);
            case BigDecimal d -> asInteger(d);
            default -> Optional.empty();
        };
    }

    private static Optional<Object> asInteger(Object value) {
        return switch (value) {
            case Long l -> Optional.of(l);
            case BigInteger b -> Optional.of(b);
            case BigDecimal d -> {
                try {
                    yield Optional.of(Constants.integer(d.toBigIntegerExact()));
                } catch (ArithmeticException notWhole) {
                    yield Optional.empty();
                }
            }
            case String s when INTEGER_TEXT.matcher(s).matches() ->
                    Optional.of(Constants.integer(new BigInteger(s.strip().replace("+", ""))));
            default -> Optional.empty();
        };
    }
}
