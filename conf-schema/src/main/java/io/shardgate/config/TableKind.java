package io.shardgate.config;

/** How a logical table's rows are placed on data nodes. */
public enum TableKind {
    /** Split by a shard column and function over several data nodes. */
    SHARDED,
    /** A full copy on every listed data node: writes go to all, reads to one. */
    GLOBAL,
    /** Whole on one named data node (vertical placement). */
    SINGLE,
    /** Rows placed on the shard of their parent row ({@code childOf}), so parent-child joins stay on one shard. */
    CHILD
}
