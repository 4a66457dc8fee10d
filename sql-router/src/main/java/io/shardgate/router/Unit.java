package io.shardgate.router;

import java.util.List;

/** Where a statement's tables can be evaluated together, whole, by the backends. */
sealed interface Unit {

    /** Every table is on this one data node (unsharded, single, or a copy of a global table). */
    record SingleNode(DataNode node) implements Unit {
    }

    /** Only global tables: any node holding a copy of each can answer. */
    record AnyCopy(List<DataNode> candidates) implements Unit {
    }

    /**
     * Sharded tables distributed alike and joined on their keys (plus global copies): each shard
     * answers for its rows. {@code keyed} are the sharded references whose key conditions prune.
     */
    record Shards(TableRule rule, List<ResolvedTable> keyed) implements Unit {
    }
}
