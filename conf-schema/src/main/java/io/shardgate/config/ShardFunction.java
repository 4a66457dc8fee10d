package io.shardgate.config;

import java.util.BitSet;
import java.util.Optional;

/**
 * Maps a shard-key value to a shard index: pure, deterministic, thread-safe. Implement it (with a
 * public no-argument constructor, or one taking {@code Map<String, String>} of the configured
 * {@code properties}) to plug in a custom function ({@code type: custom}).
 *
 * <p>Values arrive as the router has normalised them from SQL literals or bound parameters:
 * {@link Long} or {@link java.math.BigInteger} for integers, {@link java.math.BigDecimal} for
 * non-integral numbers, {@link String} for strings, {@link java.time.LocalDate} /
 * {@link java.time.LocalDateTime} for dates when the column is temporal, and {@code byte[]} for
 * text compared by a collation (the value's collation key, so that values equal under the collation
 * are one key) and for binary strings. A function never sees SQL NULL; the router places NULL keys
 * on shard 0.
 */
public interface ShardFunction {

    /** Number of shards this function spreads keys over; indexes are {@code 0..shardCount()-1}. */
    int shardCount();

    /**
     * The shard index of a non-null key value.
     *
     * @throws IllegalArgumentException for a value of a type the function does not take
     * @throws NoShardException         for a value no shard holds (outside every range, no default)
     */
    int shardOf(Object value);

    /**
     * The shards that can hold keys between {@code low} and {@code high}, for range pruning
     * ({@code BETWEEN}, {@code <}, {@code >=} ...). A null bound is unbounded. Empty when the function
     * cannot tell, as a hash cannot: then every shard must be asked.
     */
    default Optional<BitSet> shardsBetween(Object low, boolean lowInclusive, Object high, boolean highInclusive) {
        return Optional.empty();
    }

    /** A key value no shard holds. */
    final class NoShardException extends RuntimeException {
        public NoShardException(String message) {
            super(message);
        }
    }
}
