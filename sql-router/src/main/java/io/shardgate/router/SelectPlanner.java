package io.shardgate.router;

import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.RouteKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * SELECT: pushed whole to one node when its tables allow (one shard by key, one node, one copy of
 * global tables); otherwise run on each shard and finished in the proxy ({@link CrossShardSelect}).
 */
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
        if (select instanceof PlainSelect withCtes && withCtes.getWithItemsList() != null && !withCtes.getWithItemsList().isEmpty()) {
            Set<DataNode> nodes = ctx.nodesOfAllTables();
            if (nodes.size() == 1) {
                return ctx.route(RouteKind.UNSHARDED, ctx.tables.getFirst().name(), List.copyOf(nodes));
            }
            PlainSelect inlined = Ctes.inline(withCtes);
            return plan(ctx.forStatement(inlined), inlined);
        }
        if (select instanceof ParenthesedSelect p && p.getOrderByElements() == null && p.getLimit() == null
                && p.getOffset() == null && p.getWithItemsList() == null) {
            return plan(ctx.forStatement(p.getSelect()), p.getSelect());
        }
        if (select instanceof SetOperationList union) {
            Set<DataNode> nodes = ctx.nodesOfAllTables();
            if (nodes.size() == 1) {
                return ctx.route(RouteKind.UNSHARDED, ctx.tables.getFirst().name(), List.copyOf(nodes));
            }
            return DerivedPlanner.union(ctx, union);
        }
        if (!(select instanceof PlainSelect ps)) {
            return singleNodeOrRefuse(ctx, Refusals.kindOf(select));
        }
        if (ps.getFromItem() instanceof ParenthesedSelect derived && (ps.getJoins() == null || ps.getJoins().isEmpty())) {
            return derivedTable(ctx, ps, derived);
        }
        Colocation colocation = new Colocation(ctx, topTables(ps), ps.getJoins(), ps.getWhere());
        Optional<Unit> unit = colocation.unit();
        if (unit.isEmpty()) {
            List<Subqueries.Found> first = Subqueries.in(ps).stream()
                    .filter(f -> !Subqueries.correlated(f.select(), ctx.tables)).toList();
            if (!first.isEmpty()) {
                SelectNames.nameBeforeSubstitution(ps, ctx.parsed, ctx.session.backslashEscapes());
                return new SubqueriesFirst(ctx, first, c -> plan(c, (Select) c.ast), c -> plan(c, (Select) c.ast));
            }
            if (ps.getJoins() != null && !ps.getJoins().isEmpty()) {
                return JoinPlanner.plan(ctx, ps);
            }
            throw ShardGateException.notSupported(joinDescription(ctx));
        }
        return switch (unit.get()) {
            case Unit.SingleNode s -> ctx.route(RouteKind.UNSHARDED, ctx.tables.getFirst().name(), List.of(s.node()));
            case Unit.AnyCopy a -> ctx.route(RouteKind.GLOBAL_READ, ctx.tables.getFirst().name(), List.of(a.candidates().getFirst()));
            case Unit.Shards s -> shards(ctx, ps, s, colocation);
        };
    }

    private static Primitive shards(StatementContext ctx, PlainSelect ps, Unit.Shards unit, Colocation colocation) {
        ShardSet shards = prune(ctx, unit, colocation.filters());
        List<DataNode> nodes = nodesOf(unit.rule(), shards);
        String target = unit.rule().name();
        if (nodes.size() == 1) {
            return ctx.route(RouteKind.SINGLE_SHARD, target, nodes);
        }
        return CrossShardSelect.plan(ctx, ps, nodes, shards.isAll() ? RouteKind.SCATTER : RouteKind.SHARD_LIST, target);
    }

    /** The shards the key conditions allow: the intersection over the co-located references. */
    static ShardSet prune(StatementContext ctx, Unit.Shards unit, List<Expression> filters) {
        ShardSet shards = ShardSet.ALL;
        for (ResolvedTable t : unit.keyed()) {
            ShardKeys keys = ctx.shardKeys(t);
            for (Expression f : filters) {
                shards = shards.intersect(keys.shardsOf(f));
            }
        }
        return shards;
    }

    static List<Table> topTables(PlainSelect ps) {
        List<Table> out = new ArrayList<>();
        addTable(ps.getFromItem(), out);
        if (ps.getJoins() != null) {
            for (Join j : ps.getJoins()) {
                addTable(j.getFromItem(), out);
            }
        }
        return out;
    }

    private static void addTable(FromItem item, List<Table> out) {
        if (item instanceof Table t) {
            out.add(t);
        }
    }

    /** {@code SELECT ... FROM (SELECT ...) x}: pushed down whole when the inner query reaches one node. */
    private static Primitive derivedTable(StatementContext ctx, PlainSelect outer, ParenthesedSelect derived) {
        if (!(derived.getSelect() instanceof PlainSelect inner)) {
            Set<DataNode> nodes = ctx.nodesOfAllTables();
            if (nodes.size() == 1) {
                return ctx.route(RouteKind.UNSHARDED, ctx.tables.getFirst().name(), List.copyOf(nodes));
            }
            return DerivedPlanner.derivedTable(ctx, outer, derived);
        }
        Colocation colocation = new Colocation(ctx, topTables(inner), inner.getJoins(), inner.getWhere());
        Optional<Unit> unit = colocation.unit();
        if (unit.isPresent()) {
            List<DataNode> nodes = switch (unit.get()) {
                case Unit.SingleNode s -> List.of(s.node());
                case Unit.AnyCopy a -> List.of(a.candidates().getFirst());
                case Unit.Shards s -> nodesOf(s.rule(), prune(ctx, s, colocation.filters()));
            };
            if (nodes.size() == 1) {
                return ctx.route(RouteKind.SINGLE_SHARD, ctx.tables.getFirst().name(), nodes);
            }
        }
        return DerivedPlanner.derivedTable(ctx, outer, derived);
    }

    /** UNION and other compound queries: only when every table is on one node. */
    private static Primitive singleNodeOrRefuse(StatementContext ctx, String what) {
        Set<DataNode> nodes = ctx.nodesOfAllTables();
        if (nodes.size() == 1) {
            return ctx.route(RouteKind.UNSHARDED, ctx.tables.getFirst().name(), List.copyOf(nodes));
        }
        throw ShardGateException.notSupported("cross-shard " + what + " over " + ctx.tables.stream().map(ResolvedTable::name).distinct().toList());
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
        if (names.size() == 1) {
            return "statement referring to sharded table '" + names.getFirst()
                    + "' more than once without joining on its shard key (self-join or subquery)";
        }
        return "statement combining tables that are not on the same data nodes ("
                + String.join(", ", ctx.tables.stream().map(t -> t.name() + " " + describe(t.placement())).distinct().toList())
                + ")";
    }

    private static String describe(Placement p) {
        return switch (p) {
            case Placement.Sharded s -> "sharded by " + s.rule().shardColumn() + " over " + names(s.rule().nodes());
            case Placement.Global g -> "global on " + names(g.copies());
            case Placement.Unsharded u -> "on " + u.node().name();
        };
    }

    private static String names(List<DataNode> nodes) {
        return nodes.stream().map(DataNode::name).toList().toString();
    }
}
