package io.shardgate.router;

import io.shardgate.config.ShardFunction;
import java.util.List;

/** A sharded table: shard index i is {@code nodes.get(i)}. */
public record TableRule(String schema, String name, List<DataNode> nodes, String shardColumn, ShardFunction function) {

    public TableRule {
        nodes = List.copyOf(nodes);
    }

    public DataNode nodeOf(int shardIndex) {
        return nodes.get(shardIndex);
    }
}
