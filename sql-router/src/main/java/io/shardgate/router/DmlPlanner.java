package io.shardgate.router;

import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.RouteKind;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/** UPDATE and DELETE: to the shards the WHERE clause allows; affected rows are summed. */
final class DmlPlanner {

    private DmlPlanner() {
    }

    static Primitive planUpdate(StatementContext ctx, Update update) {
        ResolvedTable target = singleShardedTarget(ctx, "UPDATE");
        if (target == null) {
            return UnshardedRoute.plan(ctx, "UPDATE");
        }
        TableRule rule = ((Placement.Sharded) target.placement()).rule();
        for (UpdateSet set : update.getUpdateSets()) {
            for (Column c : set.getColumns()) {
                if (ShardKeys.namesShardColumn(c, rule)) {
                    throw ShardGateException.notSupported("UPDATE of shard column '" + rule.shardColumn()
                            + "' of table '" + rule.name() + "' (a row cannot move between shards)");
                }
            }
        }
        return route(ctx, target, rule, update.getWhere(), update.getOrderByElements(), update.getLimit(), "UPDATE");
    }

    static Primitive planDelete(StatementContext ctx, Delete delete) {
        ResolvedTable target = singleShardedTarget(ctx, "DELETE");
        if (target == null) {
            return UnshardedRoute.plan(ctx, "DELETE");
        }
        TableRule rule = ((Placement.Sharded) target.placement()).rule();
        return route(ctx, target, rule, delete.getWhere(), delete.getOrderByElements(), delete.getLimit(), "DELETE");
    }

    /** The one sharded table of a single-table statement; null when no table is sharded. */
    private static ResolvedTable singleShardedTarget(StatementContext ctx, String what) {
        List<ResolvedTable> sharded = ctx.shardedTables();
        if (sharded.isEmpty()) {
            return null;
        }
        if (sharded.size() > 1 || ctx.tables.size() > 1) {
            throw ShardGateException.notSupported("multi-table " + what + ": " + SelectPlanner.joinDescription(ctx));
        }
        return sharded.getFirst();
    }

    private static Primitive route(StatementContext ctx, ResolvedTable target, TableRule rule, Expression where,
                                   List<OrderByElement> orderBy, Limit limit, String what) {
        ShardSet shards = ctx.shardKeys(target).shardsOf(where);
        List<DataNode> nodes = SelectPlanner.nodesOf(rule, shards);
        if (nodes.size() > 1 && (limit != null || (orderBy != null && !orderBy.isEmpty()))) {
            throw ShardGateException.notSupported(what + " with ORDER BY/LIMIT across shards of table '" + rule.name() + "'");
        }
        RouteKind kind = nodes.size() == 1 ? RouteKind.SINGLE_SHARD
                : shards.isAll() ? RouteKind.SCATTER : RouteKind.SHARD_LIST;
        return ctx.route(kind, rule.name(), nodes);
    }
}
