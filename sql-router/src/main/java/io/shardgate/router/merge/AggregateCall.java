package io.shardgate.router.merge;

/**
 * One aggregate the proxy finishes.
 *
 * <p>With shard-side partial aggregation, {@code input} is the shard column holding the shard's
 * partial result (AVG: its SUM, with the COUNT in the next column); a DISTINCT aggregate reads the
 * de-duplicated argument values instead. In raw mode (shards send rows, not groups, because
 * GROUP_CONCAT needs every value in order) {@code input} is the argument's column. COUNT(*) in raw
 * mode has input -1.
 *
 * @param separator GROUP_CONCAT's separator
 * @param width     consecutive input columns a value spans: COUNT(DISTINCT a, b) counts rows where
 *                  all of them are non-NULL
 * @param collation for MIN/MAX of text, the collation it compares by (null: the column's)
 */
public record AggregateCall(Kind kind, int input, boolean distinct, String separator, int width, Integer collation) {

    public AggregateCall(Kind kind, int input, boolean distinct, String separator, int width) {
        this(kind, input, distinct, separator, width, null);
    }

    /** The aggregate functions the proxy can finish exactly. */
    public enum Kind { COUNT, SUM, MIN, MAX, AVG, BIT_AND, BIT_OR, BIT_XOR, GROUP_CONCAT }

    @Override
    public String toString() {
        return kind + (distinct ? "(DISTINCT #" : "(#") + input + ")";
    }
}
