package io.shardgate.router;

import java.util.List;

/** Where a logical table's rows live. */
public sealed interface Placement {

    /** Every data node holding part (or all) of the table, in shard order. */
    List<DataNode> nodes();

    /** Split by a shard key over several data nodes. */
    record Sharded(TableRule rule) implements Placement {
        @Override
        public List<DataNode> nodes() {
            return rule.nodes();
        }
    }

    /** Whole on one data node: tables without a rule live on the schema's default data node. */
    record Unsharded(DataNode node) implements Placement {
        @Override
        public List<DataNode> nodes() {
            return List.of(node);
        }
    }
}
