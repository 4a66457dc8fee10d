package io.shardgate.router;

import io.shardgate.router.merge.Distinct;
import io.shardgate.router.merge.DropHidden;
import io.shardgate.router.merge.Limit;
import io.shardgate.router.merge.MergeSort;
import io.shardgate.router.merge.SortKey;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * A SELECT whose FROM and WHERE run whole on each of several shards, finished in the proxy:
 * ORDER BY by merge-sorting the shards' sorted results, LIMIT o, n by asking each shard for its
 * first o + n rows and skipping while streaming, DISTINCT by dropping adjacent duplicates of the
 * merged order, GROUP BY and aggregates by {@link AggregatePlanner}.
 */
final class CrossShardSelect {

    private CrossShardSelect() {
    }

    static Primitive plan(StatementContext ctx, PlainSelect ps, List<DataNode> nodes, RouteKind kind, String target) {
        refuseUnmergeable(ps, target);
        SelectParts parts = new SelectParts(ps, ctx.constants);
        if (AggregatePlanner.isAggregate(ps, parts)) {
            try {
                return new AggregatePlanner(ctx, parts, nodes, kind, target).plan();
            } catch (AggregatePlanner.RowsNeeded e) {
                // the shards send the rows (filtered), the proxy groups them by hash
                return JoinPlanner.plan(ctx, ps);
            }
        }
        return plain(ctx, parts, nodes, kind, target);
    }

    private static void refuseUnmergeable(PlainSelect ps, String table) {
        if (ps.getWithItemsList() != null && !ps.getWithItemsList().isEmpty()) {
            throw ShardGateException.notSupported("cross-shard WITH (common table expression) over '" + table + "'");
        }
        if (!(ps.getFromItem() instanceof net.sf.jsqlparser.schema.Table)) {
            throw ShardGateException.notSupported("cross-shard derived table over '" + table + "'");
        }
        if (ps.getMySqlSqlCalcFoundRows()) {
            throw ShardGateException.notSupported("cross-shard SQL_CALC_FOUND_ROWS on '" + table + "'");
        }
        if (ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() != null) {
            throw ShardGateException.notSupported("DISTINCT ON");
        }
        for (SelectItem<?> item : ps.getSelectItems()) {
            String window = Refusals.windowIn(item.getExpression());
            if (window != null) {
                throw ShardGateException.notSupported("cross-shard " + window + " on '" + table + "'");
            }
        }
    }

    private static Integer itemCollation(StatementContext ctx, SelectParts parts, int index) {
        return KeyCollations.of(ctx, parts.items.get(index).getExpression());
    }

    private static Primitive plain(StatementContext ctx, SelectParts parts, List<DataNode> nodes, RouteKind kind,
                                   String target) {
        PlainSelect ps = parts.select;
        boolean distinct = ps.getDistinct() != null;
        List<SelectParts.Order> orders = parts.orders();
        List<SortKey> keys = new ArrayList<>();
        List<SelectItem<?>> shardItems = new ArrayList<>(parts.items);
        List<Expression> shardOrder = new ArrayList<>();
        List<Boolean> shardDesc = new ArrayList<>();
        int hidden = 0;
        if (distinct) {
            if (parts.star) {
                throw ShardGateException.notSupported("SELECT DISTINCT * across shards");
            }
            // Sort by the ORDER BY items, then every other item, so duplicates arrive adjacent.
            List<Integer> used = new ArrayList<>();
            for (SelectParts.Order o : orders) {
                if (o.selectIndex() == null) {
                    throw ShardGateException.notSupported("SELECT DISTINCT ordered by '" + o.expression()
                            + "', which is not selected, across shards");
                }
                keys.add(new SortKey(o.selectIndex(), o.descending(), itemCollation(ctx, parts, o.selectIndex())));
                used.add(o.selectIndex());
            }
            for (int i = 0; i < parts.items.size(); i++) {
                if (!used.contains(i)) {
                    keys.add(new SortKey(i, false, itemCollation(ctx, parts, i)));
                }
            }
            for (SortKey k : keys) {
                shardOrder.add(new LongValue(k.column() + 1));
                shardDesc.add(k.descending());
            }
        } else {
            for (SelectParts.Order o : orders) {
                Integer collation = KeyCollations.of(ctx, o.expression());
                if (o.selectIndex() != null && !parts.star) {
                    keys.add(new SortKey(o.selectIndex(), o.descending(), collation));
                    shardOrder.add(new LongValue(o.selectIndex() + 1));
                } else {
                    hidden++;
                    shardItems.add(SelectEdit.item(o.expression(), "_sg_o" + hidden));
                    keys.add(new SortKey(-1, o.descending(), collation));
                    shardOrder.add(o.expression());
                }
                shardDesc.add(o.descending());
            }
            // Hidden columns were appended in order; count them back from the end.
            int h = hidden;
            for (int i = 0, seen = 0; i < keys.size(); i++) {
                if (keys.get(i).column() == -1) {
                    keys.set(i, new SortKey(-(h - seen), keys.get(i).descending(), keys.get(i).collation()));
                    seen++;
                }
            }
        }
        long shardLimit = parts.hasLimit() ? parts.offset + parts.count : -1;
        Route route;
        try (SelectEdit edit = new SelectEdit(ps)) {
            edit.items(shardItems).orderBy(shardOrder, shardDesc).limit(shardLimit);
            route = ctx.route(kind, target, nodes);
        }
        Primitive plan = keys.isEmpty() ? route : new MergeSort(route, keys);
        if (distinct) {
            Integer[] collations = new Integer[parts.items.size()];
            for (int i = 0; i < collations.length; i++) {
                collations[i] = itemCollation(ctx, parts, i);
            }
            plan = new Distinct(plan, parts.items.size(), collations);
        }
        if (parts.hasLimit()) {
            plan = new Limit(plan, parts.offset, parts.count);
        }
        return hidden > 0 ? new DropHidden(plan, hidden) : plan;
    }
}
