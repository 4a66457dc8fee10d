package io.shardgate.router;

/**
 * Global sequences: ids unique across every shard and every proxy, for AUTO_INCREMENT columns of
 * sharded and global tables. Implemented over a table on a designated data node.
 */
public interface SequenceSource {

    /** The table on the sequences data node that holds every sequence's next block; not part of any logical schema. */
    String TABLE = "shardgate_sequence";

    /**
     * {@code count} new ids of the named sequence: consecutive, and greater than every id handed
     * out or observed before.
     */
    long[] next(String sequence, int count);

    /**
     * An id was given explicitly: later ids of the sequence must be greater, as MariaDB's
     * AUTO_INCREMENT counter moves past an explicit value.
     */
    void observe(String sequence, long explicitId);

    /** No sequences configured: inserts that need one are refused. */
    SequenceSource NONE = new SequenceSource() {
        @Override
        public long[] next(String sequence, int count) {
            throw ShardGateException.notSupported("an AUTO_INCREMENT id for '" + sequence + "' without a global sequence: "
                    + "configure 'sequences' so ids are unique across shards, or give the id explicitly");
        }

        @Override
        public void observe(String sequence, long explicitId) {
        }
    };
}
