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
        return ctx.route(RouteKind.ANY_NODE, "-", List.of(pick(ctx.rules, ctx.session.schema())));
    }

    static DataNode pick(ShardingRules rules, String schema) {
        DataNode node = rules.schema(schema).map(SchemaRules::defaultNode).orElse(null);
        if (node != null) {
            return node;
        }
        List<DataNode> all = rules.nodes();
        if (all.isEmpty()) {
            throw ShardGateException.notSupported("statement without tables: no data node is configured");
        }
        return all.getFirst();
    }
}
