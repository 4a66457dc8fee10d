package io.shardgate.config;

/**
 * Maps a shard-key value to a shard index: pure, deterministic, thread-safe.
 *
 * <p>Values arrive as the router has normalised them from SQL literals or bound parameters:
 * {@link Long} or {@link java.math.BigInteger} for integers, {@link String} for strings. A function
 * never sees SQL NULL; the router places NULL keys itself.
 */
public interface ShardFunction {

    /** Number of shards this function spreads keys over; indexes are {@code 0..shardCount()-1}. */
    int shardCount();

    /** The shard index of a non-null key value. */
    int shardOf(Object value);
}
