package io.shardgate.router;

import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.RouteKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/** SELECT: pushed whole to one node when it can be, concatenated across shards when that is exact. */
final class SelectPlanner {

    private SelectPlanner() {
    }

    static Primitive plan(StatementContext ctx, Select select) {
        if (select instanceof PlainSelect ps && (ps.getIntoTables() != null || ps.getMySqlSelectIntoClause() != null)) {
            throw ShardGateException.notSupported("SELECT ... INTO");
        }
        if (ctx.tables.isEmpty()) {
            return LocalSelect.tryPlan(ctx, select).orElseGet(() -> AnyNode.route(ctx));
        }
        List<ResolvedTable> sharded = ctx.shardedTables();
        if (sharded.isEmpty()) {
            return UnshardedRoute.plan(ctx, "query");
        }
        if (sharded.size() > 1 || ctx.tables.size() > 1) {
            throw ShardGateException.notSupported(joinDescription(ctx));
        }
        ResolvedTable table = sharded.getFirst();
        TableRule rule = ((Placement.Sharded) table.placement()).rule();
        ShardSet shards = select instanceof PlainSelect ps && ps.getFromItem() == table.node()
                ? ctx.shardKeys(table).shardsOf(ps.getWhere())
                : ShardSet.ALL;
        List<DataNode> nodes = nodesOf(rule, shards);
        if (nodes.size() == 1) {
            return ctx.route(RouteKind.SINGLE_SHARD, rule.name(), nodes);
        }
        String problem = Refusals.crossShardProblem(select, rule.name());
        if (problem != null) {
            throw ShardGateException.notSupported(problem);
        }
        return ctx.route(shards.isAll() ? RouteKind.SCATTER : RouteKind.SHARD_LIST, rule.name(), nodes);
    }

    /**
     * The nodes of the shards in the set. An empty set means no row can match: one shard still
     * answers, with the right columns and no rows.
     */
    static List<DataNode> nodesOf(TableRule rule, ShardSet shards) {
        if (shards.isEmpty()) {
            return List.of(rule.nodes().getFirst());
        }
        List<DataNode> nodes = new ArrayList<>();
        for (int i : shards.indexes(rule.nodes().size())) {
            nodes.add(rule.nodeOf(i));
        }
        return nodes;
    }

    static String joinDescription(StatementContext ctx) {
        List<String> names = ctx.tables.stream().map(ResolvedTable::name).distinct().toList();
        Set<DataNode> nodes = ctx.nodesOfAllTables();
        if (names.size() == 1) {
            return "statement referring to sharded table '" + names.getFirst() + "' more than once (self-join or subquery)";
        }
        return "statement joining sharded table(s) with other tables across data nodes ("
                + String.join(", ", names) + " on " + nodes.stream().map(DataNode::name).toList() + ")";
    }
}
