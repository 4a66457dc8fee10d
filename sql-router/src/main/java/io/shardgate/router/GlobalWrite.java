package io.shardgate.router;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;
import java.util.List;

/**
 * A write to every copy of global tables, run concurrently. The client wrote one table, so it is
 * told the first copy's count, not their sum; a copy that failed fails the statement, naming the
 * nodes where it failed and where it applied.
 */
final class GlobalWrite implements Primitive {

    private final Route route;

    GlobalWrite(Route route) {
        this.route = route;
    }

    @Override
    public Result execute(ExecutionContext context) {
        List<UpdateResult> counts = route.executeUpdates(context);
        return counts.getFirst();
    }

    @Override
    public Description describe() {
        return Description.of("GlobalWrite", route.describe());
    }
}
