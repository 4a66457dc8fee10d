package io.shardgate.router.result;

/** What executing a statement yields: rows to stream, or a count of changed rows. */
public sealed interface Result permits RowStream, UpdateResult {
}
