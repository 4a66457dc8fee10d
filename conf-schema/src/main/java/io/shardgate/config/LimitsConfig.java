package io.shardgate.config;

/**
 * Bounds on what one statement may hold in proxy memory when it cannot stream.
 *
 * @param maxSortRows rows (or groups, or distinct values) an in-proxy sort, DISTINCT or
 *                    COUNT(DISTINCT) may hold before the statement fails with ERROR 1038
 * @param maxJoinRows rows the build side of an in-proxy join may hold before the statement fails
 *                    with ERROR 1104
 */
public record LimitsConfig(long maxSortRows, long maxJoinRows) {

    public static final LimitsConfig DEFAULT = new LimitsConfig(100_000, 100_000);
}
