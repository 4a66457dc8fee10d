package io.shardgate.router.plan;

import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;

/** {@code USE schema} (and COM_INIT_DB). */
public final class UseSchema implements Primitive {

    private final String schema;

    public UseSchema(String schema) {
        this.schema = schema;
    }

    @Override
    public Result execute(ExecutionContext context) {
        context.session().useSchema(schema);
        return UpdateResult.EMPTY;
    }

    @Override
    public Description describe() {
        return Description.leaf("UseSchema " + schema);
    }
}
