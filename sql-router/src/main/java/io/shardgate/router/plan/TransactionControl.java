package io.shardgate.router.plan;

import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;

/** BEGIN / START TRANSACTION / COMMIT / ROLLBACK on the session's pinned backend connections. */
public final class TransactionControl implements Primitive {

    public enum Action { BEGIN, BEGIN_READ_ONLY, COMMIT, ROLLBACK }

    private final Action action;

    public TransactionControl(Action action) {
        this.action = action;
    }

    @Override
    public Result execute(ExecutionContext context) {
        ShardExecutor shards = context.shards();
        switch (action) {
            case BEGIN -> shards.begin(false);
            case BEGIN_READ_ONLY -> shards.begin(true);
            case COMMIT -> shards.commit();
            case ROLLBACK -> shards.rollback();
        }
        return UpdateResult.EMPTY;
    }

    @Override
    public Description describe() {
        return Description.leaf("Transaction " + action);
    }
}
