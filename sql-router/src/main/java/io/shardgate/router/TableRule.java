package io.shardgate.router;

import io.shardgate.config.ShardFunction;
import java.util.List;

/**
 * A sharded table: shard index i is {@code nodes.get(i)}. A child table has its root parent's
 * nodes and function, with its join column as shard column; {@code parent}/{@code parentColumn}
 * name the table and column its rows follow, for co-located joins.
 */
public record TableRule(String schema, String name, List<DataNode> nodes, String shardColumn, ShardFunction function,
                        String parent, String parentColumn) {

    public TableRule {
        nodes = List.copyOf(nodes);
    }

    public TableRule(String schema, String name, List<DataNode> nodes, String shardColumn, ShardFunction function) {
        this(schema, name, nodes, shardColumn, function, null, null);
    }

    public DataNode nodeOf(int shardIndex) {
        return nodes.get(shardIndex);
    }

    /** Whether rows with equal keys of the two tables are always on the same data node. */
    public boolean sameDistribution(TableRule other) {
        return nodes.equals(other.nodes) && function.equals(other.function);
    }
}
