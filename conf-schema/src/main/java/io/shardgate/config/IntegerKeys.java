package io.shardgate.config;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Integer shard-key values in the forms the router hands them over (see {@link ShardFunction}). */
final class IntegerKeys {

    // MySQL's widest exact number, DECIMAL(65), has 65 digits; anything longer is no column's value,
    // and turning 1E+999999999 into a BigInteger would take minutes
    private static final int MAX_DIGITS = 65;

    private IntegerKeys() {
    }

    /**
     * The value as an exact integer, or null if it is of no integer type. A {@link BigDecimal} counts
     * when it has no fraction ({@code 5.00} is 5), since the router passes numbers written with a
     * decimal point that way.
     *
     * @throws IllegalArgumentException for a BigDecimal with a fraction, naming {@code function}
     */
    static BigInteger exact(Object value, String function) {
        return switch (value) {
            case Long l -> BigInteger.valueOf(l);
            case Integer i -> BigInteger.valueOf(i);
            case BigInteger b -> b;
            case BigDecimal d -> integral(d, function);
            case null, default -> null;
        };
    }

    static BigInteger integral(BigDecimal d, String function) {
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new IllegalArgumentException(
                    function + " takes integer keys; " + d.toPlainString() + " is not an integer");
        }
        if (stripped.precision() - stripped.scale() > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    function + " takes integer keys of at most " + MAX_DIGITS + " digits, not " + d);
        }
        return stripped.toBigIntegerExact();
    }

    /** The simple name of the value's type, for messages about a key of the wrong type. */
    static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
