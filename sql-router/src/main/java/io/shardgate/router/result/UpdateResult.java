package io.shardgate.router.result;

/** The outcome of a statement that returns no rows, as an OK packet reports it. */
public record UpdateResult(long affectedRows, long lastInsertId, int warnings, String info) implements Result {

    public static final UpdateResult EMPTY = new UpdateResult(0, 0, 0, "");

    public static UpdateResult of(long affectedRows) {
        return new UpdateResult(affectedRows, 0, 0, "");
    }

    /** Several shards' outcomes as one: affected rows add up; the first generated id is kept. */
    public UpdateResult plus(UpdateResult other) {
        return new UpdateResult(affectedRows + other.affectedRows,
                lastInsertId != 0 ? lastInsertId : other.lastInsertId,
                warnings + other.warnings, "");
    }
}
