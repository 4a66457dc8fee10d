package io.shardgate.router.plan;

import io.shardgate.router.result.Result;

/**
 * One executable step of a plan. Plans are trees of primitives; the root's result is what the
 * client receives. {@link #describe()} is what EXPLAIN prints.
 */
public interface Primitive {

    Result execute(ExecutionContext context);

    Description describe();
}
