package io.shardgate.router.plan;

import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;

/**
 * {@code KILL [CONNECTION | QUERY] id}. The id is a ShardGate connection id, as {@code
 * CONNECTION_ID()} and the greeting report it: the proxy's own connections, not backend threads.
 */
public final class Kill implements Primitive {

    private final long connectionId;
    private final boolean queryOnly;

    public Kill(long connectionId, boolean queryOnly) {
        this.connectionId = connectionId;
        this.queryOnly = queryOnly;
    }

    @Override
    public Result execute(ExecutionContext context) {
        context.session().kill(connectionId, queryOnly);
        return UpdateResult.EMPTY;
    }

    @Override
    public Description describe() {
        return Description.leaf("Kill " + (queryOnly ? "QUERY " : "CONNECTION ") + connectionId);
    }
}
