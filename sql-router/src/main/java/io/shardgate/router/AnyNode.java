package io.shardgate.router;

import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import java.util.List;

/**
 * Statements that read no table (SELECT NOW(), SELECT 1+1) are answered by a backend: the current
 * schema's default data node, else the first data node configured.
 */
final class AnyNode {

    private AnyNode() {
    }

    static Route route(StatementContext ctx) {
        DataNode node = ctx.rules.schema(ctx.session.schema())
                .map(SchemaRules::defaultNode)
                .orElse(null);
        if (node == null) {
            List<DataNode> all = ctx.rules.nodes();
            if (all.isEmpty()) {
                throw ShardGateException.notSupported("statement without tables: no data node is configured");
            }
            node = all.getFirst();
        }
        return ctx.route(RouteKind.ANY_NODE, "-", List.of(node));
    }
}
