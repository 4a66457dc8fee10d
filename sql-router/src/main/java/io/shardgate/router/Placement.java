package io.shardgate.router;

import java.util.List;

/** Where a logical table's rows live. */
public sealed interface Placement {

    /** Every data node holding part (or all) of the table, in shard order. */
    List<DataNode> nodes();

    /** Split by a shard key over several data nodes (child tables included: their key is the join column). */
    record Sharded(TableRule rule) implements Placement {
        @Override
        public List<DataNode> nodes() {
            return rule.nodes();
        }
    }

    /** Whole on one data node: single tables, and tables without a rule on the default data node. */
    record Unsharded(DataNode node) implements Placement {
        @Override
        public List<DataNode> nodes() {
            return List.of(node);
        }
    }

    /** A full copy on each of several data nodes: reads go to one copy, writes to all. */
    record Global(List<DataNode> copies) implements Placement {
        public Global {
            copies = List.copyOf(copies);
        }

        @Override
        public List<DataNode> nodes() {
            return copies;
        }
    }
}
