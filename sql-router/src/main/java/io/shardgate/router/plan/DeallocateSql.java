package io.shardgate.router.plan;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;

/** {@code DEALLOCATE PREPARE name} / {@code DROP PREPARE name}. */
public record DeallocateSql(String name) implements Primitive {

    @Override
    public Result execute(ExecutionContext context) {
        if (!context.session().deallocateSql(name)) {
            throw new ShardGateException(ErrorCode.UNKNOWN_STMT_HANDLER, name, "DEALLOCATE PREPARE");
        }
        return UpdateResult.EMPTY;
    }

    @Override
    public Description describe() {
        return Description.leaf("DeallocateSql " + name);
    }
}
