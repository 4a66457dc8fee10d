package io.shardgate.router;

import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.RouteKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * UPDATE and DELETE: to the shards the WHERE clause allows (affected rows summed), to every copy
 * of a global table (affected rows of one copy, as the client wrote one table), or to the one node
 * of unsharded tables. Multi-table forms need their tables co-located as a SELECT would.
 */
final class DmlPlanner {

    private DmlPlanner() {
    }

    static Primitive planUpdate(StatementContext ctx, Update update) {
        List<Table> top = new ArrayList<>();
        top.add(update.getTable());
        List<Join> joins = new ArrayList<>();
        if (update.getStartJoins() != null) {
            joins.addAll(update.getStartJoins());
        }
        if (update.getJoins() != null) {
            joins.addAll(update.getJoins());
        }
        joins.forEach(j -> {
            if (j.getFromItem() instanceof Table t) {
                top.add(t);
            }
        });
        Colocation colocation = new Colocation(ctx, top, joins, update.getWhere());
        for (ResolvedTable t : colocation.topTables()) {
            if (t.placement() instanceof Placement.Sharded s) {
                checkKeyUnchanged(ctx, update, t, s.rule(), colocation.filters());
            }
        }
        return route(ctx, colocation, update.getOrderByElements(), update.getLimit(), "UPDATE");
    }

    static Primitive planDelete(StatementContext ctx, Delete delete) {
        List<Table> top = new ArrayList<>();
        if (delete.getTable() != null) {
            top.add(delete.getTable());
        }
        if (delete.getTables() != null) {
            top.addAll(delete.getTables());
        }
        if (delete.getUsingFromItemList() != null) {
            delete.getUsingFromItemList().forEach(f -> {
                if (f instanceof Table t) {
                    top.add(t);
                }
            });
        }
        if (delete.getJoins() != null) {
            delete.getJoins().forEach(j -> {
                if (j.getFromItem() instanceof Table t) {
                    top.add(t);
                }
            });
        }
        Colocation colocation = new Colocation(ctx, top, delete.getJoins(), delete.getWhere());
        return route(ctx, colocation, delete.getOrderByElements(), delete.getLimit(), "DELETE");
    }

    /**
     * SET of a shard column is allowed only to the value WHERE pins it to ({@code SET id = 5 ...
     * WHERE id = 5}): the row stays on its shard. Any other value would have to move the row.
     */
    private static void checkKeyUnchanged(StatementContext ctx, Update update, ResolvedTable t, TableRule rule,
                                          List<Expression> filters) {
        for (UpdateSet set : update.getUpdateSets()) {
            for (int i = 0; i < set.getColumns().size(); i++) {
                Column c = set.getColumn(i);
                if (!ShardKeys.namesShardColumn(c, rule) || !refersTo(c, t, ctx)) {
                    continue;
                }
                Optional<Object> assigned = i < set.getValues().size() ? ctx.constants.valueOf(set.getValue(i)) : Optional.empty();
                Optional<Object> pinned = ShardKeys.pinnedValue(filters, rule, c2 -> ShardKeys.namesShardColumn(c2, rule)
                        && refersTo(c2, t, ctx), ctx.constants);
                if (assigned.isEmpty() || pinned.isEmpty() || !sameKey(assigned.get(), pinned.get())) {
                    throw ShardGateException.notSupported("UPDATE of shard column '" + rule.shardColumn() + "' of table '"
                            + rule.name() + "' to a different value (a row cannot move between shards)");
                }
            }
        }
    }

    private static boolean refersTo(Column c, ResolvedTable t, StatementContext ctx) {
        if (c.getTable() == null || c.getTable().getName() == null) {
            return ctx.tables.size() == 1 || ctx.tables.getFirst() == t;
        }
        String q = io.shardgate.router.parse.MysqlStrings.unquoteIdentifier(c.getTable().getName());
        return q.equalsIgnoreCase(t.qualifier());
    }

    private static boolean sameKey(Object a, Object b) {
        if (a instanceof String || b instanceof String) {
            return String.valueOf(a).equals(String.valueOf(b));
        }
        return new java.math.BigDecimal(String.valueOf(a)).compareTo(new java.math.BigDecimal(String.valueOf(b))) == 0;
    }

    private static Primitive route(StatementContext ctx, Colocation colocation, List<OrderByElement> orderBy,
                                   Limit limit, String what) {
        Unit unit = colocation.unit().orElseThrow(() -> ShardGateException.notSupported(what + ": "
                + SelectPlanner.joinDescription(ctx)));
        String target = ctx.tables.getFirst().name();
        return switch (unit) {
            case Unit.SingleNode s -> ctx.route(RouteKind.UNSHARDED, target, List.of(s.node()));
            case Unit.AnyCopy a -> new GlobalWrite(ctx.route(RouteKind.GLOBAL_WRITE, target, a.candidates()));
            case Unit.Shards s -> {
                ShardSet shards = SelectPlanner.prune(ctx, s, colocation.filters());
                List<DataNode> nodes = SelectPlanner.nodesOf(s.rule(), shards);
                if (nodes.size() > 1 && (limit != null || (orderBy != null && !orderBy.isEmpty()))) {
                    throw ShardGateException.notSupported(what + " with ORDER BY/LIMIT across shards of table '"
                            + s.rule().name() + "'");
                }
                RouteKind kind = nodes.size() == 1 ? RouteKind.SINGLE_SHARD
                        : shards.isAll() ? RouteKind.SCATTER : RouteKind.SHARD_LIST;
                yield ctx.route(kind, s.rule().name(), nodes);
            }
        };
    }
}
