package io.shardgate.router.plan;

/** What primitives execute against: the session's backends and the session itself. */
public record ExecutionContext(ShardExecutor shards, SessionState session) {
}
