package io.shardgate.router.plan;

import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;
import java.util.List;

/**
 * BEGIN / START TRANSACTION / COMMIT / ROLLBACK and savepoints, on the session's pinned backend
 * connections.
 */
public final class TransactionControl implements Primitive {

    /** BEGIN has the session's access mode (transaction_read_only); the other two say theirs. */
    public enum Action { BEGIN, BEGIN_READ_ONLY, BEGIN_READ_WRITE, COMMIT, ROLLBACK, SAVEPOINT, ROLLBACK_TO_SAVEPOINT,
        RELEASE_SAVEPOINT }

    private final Action action;
    private final String savepoint;
    private final boolean chain;
    private final List<String> snapshot;

    public TransactionControl(Action action) {
        this(action, null, false);
    }

    /**
     * @param savepoint the savepoint's name, for the savepoint actions
     * @param chain     COMMIT / ROLLBACK AND CHAIN: a new transaction like the ended one begins
     */
    public TransactionControl(Action action, String savepoint, boolean chain) {
        this(action, savepoint, chain, List.of());
    }

    /**
     * @param snapshot for the BEGIN actions, the data nodes whose snapshot START TRANSACTION WITH
     *                 CONSISTENT SNAPSHOT takes at once
     */
    public TransactionControl(Action action, String savepoint, boolean chain, List<String> snapshot) {
        this.action = action;
        this.savepoint = savepoint;
        this.chain = chain;
        this.snapshot = List.copyOf(snapshot);
    }

    @Override
    public Result execute(ExecutionContext context) {
        ShardExecutor shards = context.shards();
        boolean readOnly = shards.inReadOnlyTransaction();
        switch (action) {
            case BEGIN -> shards.begin(null, snapshot);
            case BEGIN_READ_ONLY -> shards.begin(true, snapshot);
            case BEGIN_READ_WRITE -> shards.begin(false, snapshot);
            case COMMIT -> shards.commit();
            case ROLLBACK -> shards.rollback();
            case SAVEPOINT -> shards.savepoint(savepoint);
            case ROLLBACK_TO_SAVEPOINT -> shards.rollbackToSavepoint(savepoint);
            case RELEASE_SAVEPOINT -> shards.releaseSavepoint(savepoint);
        }
        if (chain) {
            shards.begin(readOnly, List.of());
        }
        return UpdateResult.EMPTY;
    }

    @Override
    public Description describe() {
        return Description.leaf("Transaction " + action + (savepoint == null ? "" : " " + savepoint) + (chain ? " AND CHAIN" : "")
                + (snapshot.isEmpty() ? "" : " WITH CONSISTENT SNAPSHOT " + snapshot));
    }
}
