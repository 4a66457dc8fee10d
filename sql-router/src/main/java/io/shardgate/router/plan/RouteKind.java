package io.shardgate.router.plan;

/** How a statement's data nodes were chosen. */
public enum RouteKind {
    /** The shard key named one shard. */
    SINGLE_SHARD,
    /** The shard key named several shards ({@code IN}, {@code OR}), or rows were split per shard. */
    SHARD_LIST,
    /** No usable shard key: every shard of the table. */
    SCATTER,
    /** Tables without a rule: their one data node. */
    UNSHARDED,
    /** No table involved: any data node can answer. */
    ANY_NODE,
    /** Only global tables read: one copy answers. */
    GLOBAL_READ,
    /** A global table written: every copy. */
    GLOBAL_WRITE,
    /** Forced by a {@code /*+ shardgate: dataNode=... *}{@code /} hint. */
    HINTED
}
