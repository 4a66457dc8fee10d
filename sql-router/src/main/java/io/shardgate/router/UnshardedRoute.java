package io.shardgate.router;

import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import java.util.List;
import java.util.Set;

/** Statements whose tables all live whole on one data node go there unchanged (but for names). */
final class UnshardedRoute {

    private UnshardedRoute() {
    }

    static Route plan(StatementContext ctx, String what) {
        Set<DataNode> nodes = ctx.nodesOfAllTables();
        if (nodes.size() != 1) {
            throw ShardGateException.notSupported(what + " across tables on different data nodes ("
                    + String.join(", ", ctx.tables.stream().map(t -> t.name() + "@"
                    + t.placement().nodes().getFirst().name()).toList()) + ")");
        }
        return ctx.route(RouteKind.UNSHARDED, ctx.tables.getFirst().name(), List.copyOf(nodes));
    }
}
