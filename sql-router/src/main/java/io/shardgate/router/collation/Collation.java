package io.shardgate.router.collation;

/**
 * How MariaDB 10.11 orders and equates string values of one collation, for merging rows from many
 * shards: ORDER BY merge sort, GROUP BY and DISTINCT keys, MIN and MAX.
 *
 * <p>Values are given as the UTF-8 (utf8mb4) bytes the backends send with
 * {@code character_set_results=utf8mb4}; for latin1 and ascii collations that is the text the server
 * converted from the column's charset. The {@code binary} collation takes the raw bytes instead. Bytes
 * that are not well-formed UTF-8 cannot come from the server; each such byte weighs more than any
 * character, and such bytes order among themselves by value (see package documentation).
 *
 * <p>{@link #compare} is a total order consistent with equality under the collation, and
 * {@link #sortKey} turns a value into bytes whose unsigned order and equality are exactly that order
 * and equality, so keys can be hashed for grouping or compared with {@code Arrays.compareUnsigned}.
 * Instances are immutable and thread-safe.
 */
public interface Collation {

    /** The collation's number, as in {@code information_schema.COLLATIONS.ID}. */
    int id();

    /** The collation's name, as in {@code information_schema.COLLATIONS.COLLATION_NAME}. */
    String name();

    /**
     * Negative, zero or positive as {@code utf8a} sorts before, equal to or after {@code utf8b}, with the
     * same sign {@code STRCMP} gives on the server.
     */
    int compare(byte[] utf8a, byte[] utf8b);

    /**
     * Whether trailing spaces are insignificant: the shorter value compares as if padded with spaces,
     * so {@code 'a' = 'a '} but {@code 'a\t' < 'a'}, since a tab weighs less than a space.
     */
    boolean padSpace();

    /**
     * A key such that {@code Arrays.compareUnsigned(sortKey(a), sortKey(b))} has the sign of
     * {@code compare(a, b)}, and the keys are equal exactly when the values are equal.
     */
    byte[] sortKey(byte[] utf8);
}
