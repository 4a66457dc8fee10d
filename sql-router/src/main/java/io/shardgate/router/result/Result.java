package io.shardgate.router.result;

/** What executing a statement yields: rows to stream, a count of changed rows, or several results in turn. */
public sealed interface Result permits RowStream, UpdateResult, MultiResult {
}
