package io.shardgate.router.result;

/**
 * The outcome of a statement that returns no rows, as an OK packet reports it.
 *
 * @param lastInsertId the OK packet's insert id: the first generated id, or an explicitly inserted
 *                     AUTO_INCREMENT value
 * @param generated    whether {@code lastInsertId} was generated, and so becomes LAST_INSERT_ID()
 */
public record UpdateResult(long affectedRows, long lastInsertId, int warnings, String info, boolean generated)
        implements Result {

    public UpdateResult(long affectedRows, long lastInsertId, int warnings, String info) {
        this(affectedRows, lastInsertId, warnings, info, true);
    }

    /** The same outcome for a statement whose ids were all given explicitly. */
    public UpdateResult explicitId() {
        return new UpdateResult(affectedRows, lastInsertId, warnings, info, false);
    }

    public static final UpdateResult EMPTY = new UpdateResult(0, 0, 0, "");

    public static UpdateResult of(long affectedRows) {
        return new UpdateResult(affectedRows, 0, 0, "");
    }

    /** Several shards' outcomes as one: affected rows add up; the first generated id is kept. */
    public UpdateResult plus(UpdateResult other) {
        return new UpdateResult(affectedRows + other.affectedRows,
                lastInsertId != 0 ? lastInsertId : other.lastInsertId,
                warnings + other.warnings, "", lastInsertId != 0 ? generated : other.generated);
    }
}
