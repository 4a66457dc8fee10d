package io.shardgate.config;

/**
 * Where global sequences live: ids for AUTO_INCREMENT columns of sharded tables, unique across all
 * shards, handed out to each proxy in blocks.
 *
 * @param dataNode  the data node whose database holds the {@code shardgate_sequence} table
 * @param blockSize ids a proxy takes at a time (ids of a block lost when the proxy stops)
 */
public record SequenceConfig(String dataNode, int blockSize) {

    public static final int DEFAULT_BLOCK_SIZE = 1000;
}
