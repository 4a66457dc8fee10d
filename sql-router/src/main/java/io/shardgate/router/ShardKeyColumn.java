package io.shardgate.router;

/**
 * What the router knows of a shard column: how its values convert and, for text, the collation
 * that decides which strings are equal.
 *
 * @param collationId null when the column is not text or its collation is unknown
 */
record ShardKeyColumn(ValueKind kind, Integer collationId) {
}
