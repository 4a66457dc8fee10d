package io.shardgate.router.plan;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.result.Result;

/** What one statement of a parallel execution gave: a result or the error that replaced it. */
public record ShardOutcome(ShardStatement statement, Result result, ShardGateException failure) {

    public static ShardOutcome success(ShardStatement statement, Result result) {
        return new ShardOutcome(statement, result, null);
    }

    public static ShardOutcome failed(ShardStatement statement, ShardGateException failure) {
        return new ShardOutcome(statement, null, failure);
    }

    public boolean failed() {
        return failure != null;
    }
}
