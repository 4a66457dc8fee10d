package io.shardgate.router;

/**
 * Global sequences: ids unique across every shard and every proxy, for AUTO_INCREMENT columns of
 * sharded and global tables. Implemented over a table on a designated data node.
 */
public interface SequenceSource {

    /**
     * {@code count} new ids of the named sequence, ascending (not necessarily contiguous across
     * calls).
     */
    long[] next(String sequence, int count);

    /** No sequences configured: inserts that need one are refused. */
    SequenceSource NONE = (sequence, count) -> {
        throw ShardGateException.notSupported("an AUTO_INCREMENT id for '" + sequence + "' without a global sequence: "
                + "configure 'sequences' so ids are unique across shards, or give the id explicitly");
    };
}
