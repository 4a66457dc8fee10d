package io.shardgate.router.plan;

import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;

/**
 * A statement with nothing to do, answered OK: {@code UNLOCK TABLES} when no tables are locked
 * (ShardGate does not take table locks), which is a no-op in MariaDB too; mariadb-dump
 * {@code --single-transaction} sends it.
 */
public final class Acknowledge implements Primitive {

    private final String statement;

    public Acknowledge(String statement) {
        this.statement = statement;
    }

    @Override
    public Result execute(ExecutionContext context) {
        return UpdateResult.EMPTY;
    }

    @Override
    public Description describe() {
        return Description.leaf("Acknowledge " + statement + " (nothing to do)");
    }
}
