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
    static Optional<Object> coerce(Object value, ValueKind columnKind, boolean stored) {
        if (value == Constants.NULL) {
            return Optional.of(Constants.NULL);
        }
        if (columnKind == null) {
            return asOwnType(value);
        }
        return switch (columnKind) {
            case INTEGER, DECIMAL, FLOAT -> asInteger(value);
            case STRING -> switch (value) {
                case String s -> Optional.of(s);
                case Long l when stored -> Optional.of(Long.toString(l));
                case BigInteger b when stored -> Optional.of(b.toString());
                default -> Optional.empty();
            };
            // Date functions take the value's text (they parse YYYY-MM-DD[ hh:mm:ss]).
            case TEMPORAL -> value instanceof String s ? Optional.of(s.strip()) : Optional.empty();
            case OTHER -> asOwnType(value);
        };
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
