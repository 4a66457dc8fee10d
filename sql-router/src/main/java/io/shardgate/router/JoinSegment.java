package io.shardgate.router;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.value.SqlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * One side of a proxy join: tables the backends can evaluate together, as a SELECT of the columns
 * and expressions the proxy needs. It is read whole ({@link #scan}), or looked up by join key for
 * a batch of rows from the other side ({@link #lookup}): {@code key IN (...)} appended to its
 * WHERE, and when the key is the shard key of its table each shard is sent only its own values.
 */
final class JoinSegment implements JoinSide {

    private final StatementContext ctx;
    private final PlainSelect select;
    private final Expression filters;
    private final TableReferences refs;
    private final List<DataNode> nodes;
    private final String target;
    /** Sharded: the rule and the shards the static filters allow; otherwise null. */
    private final TableRule rule;
    private final ShardSet shards;
    /** The join keys (expressions of this side) {@link #lookup} matches. */
    private final List<Expression> keys;
    /** For each key, the shard analysis of the table whose shard column it is, or null. */
    private final ShardKeys[] keyShards;

    /**
     * @param select the segment's SELECT: its items and FROM/joins final, WHERE its own filters
     * @param keys   the join keys lookups match, expressions over this segment's tables
     */
    JoinSegment(StatementContext parent, PlainSelect select, List<Expression> keys) {
        this.select = select;
        this.filters = select.getWhere();
        this.ctx = parent.forStatement(select);
        this.refs = ctx.refs;
        this.keys = List.copyOf(keys);
        Colocation colocation = new Colocation(ctx, SelectPlanner.topTables(select), select.getJoins(), filters);
        Unit unit = colocation.unit().orElseThrow(() -> ShardGateException.notSupported(
                "a subquery in a join across shards that refers to tables the joined side cannot reach ("
                        + select + ")"));
        this.target = ctx.tables.getFirst().name();
        switch (unit) {
            case Unit.SingleNode s -> {
                nodes = List.of(s.node());
                rule = null;
                shards = null;
            }
            case Unit.AnyCopy a -> {
                nodes = List.of(a.candidates().getFirst());
                rule = null;
                shards = null;
            }
            case Unit.Shards s -> {
                rule = s.rule();
                shards = SelectPlanner.prune(ctx, s, colocation.filters());
                nodes = SelectPlanner.nodesOf(rule, shards);
            }
        }
        this.keyShards = new ShardKeys[keys.size()];
        if (rule != null) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) instanceof Column c) {
                    for (ResolvedTable t : ctx.tables) {
                        if (t.sharded() && ((Placement.Sharded) t.placement()).rule().sameDistribution(rule)
                                && ShardKeys.namesShardColumn(c, ((Placement.Sharded) t.placement()).rule())
                                && refersTo(c, t)) {
                            keyShards[i] = ctx.shardKeys(t);
                        }
                    }
                }
            }
        }
    }

    private boolean refersTo(Column c, ResolvedTable t) {
        if (c.getTable() == null || c.getTable().getName() == null) {
            return ctx.tables.size() == 1;
        }
        return io.shardgate.router.parse.MysqlStrings.unquoteIdentifier(c.getTable().getName()).equalsIgnoreCase(t.qualifier());
    }

    /** Every row of the segment (its own filters applied). */
    @Override
    public Route scan() {
        select.setWhere(filters);
        return route(nodes);
    }

    /** No rows, the segment's columns: for a lookup that was never needed. */
    @Override
    public Route shape() {
        select.setWhere(filters);
        Limit limit = select.getLimit();
        select.setLimit(new Limit().withRowCount(new LongValue(0)));
        try {
            return route(List.of(nodes.getFirst()));
        } finally {
            select.setLimit(limit);
        }
    }

    /**
     * The rows whose keys equal one of the given tuples (no NULLs in them). Each node gets the
     * tuples it can hold; null when no node can hold any.
     */
    @Override
    public boolean canLookUp() {
        return true;
    }

    @Override
    public Route lookup(List<SqlValue[]> tuples) {
        Map<DataNode, List<SqlValue[]>> byNode = new LinkedHashMap<>();
        int partitionBy = -1;
        for (int i = 0; i < keyShards.length; i++) {
            if (keyShards[i] != null) {
                partitionBy = i;
                break;
            }
        }
        if (partitionBy < 0) {
            for (DataNode n : nodes) {
                byNode.put(n, tuples);
            }
        } else {
            Column keyColumn = (Column) keys.get(partitionBy);
            for (SqlValue[] tuple : tuples) {
                ShardSet s = keyShards[partitionBy].shardsOf(equality(keyColumn, ValueLiterals.of(tuple[partitionBy], escapes())))
                        .intersect(shards);
                for (int shard : s.indexes(rule.nodes().size())) {
                    byNode.computeIfAbsent(rule.nodeOf(shard), n -> new ArrayList<>()).add(tuple);
                }
            }
        }
        if (byNode.isEmpty()) {
            return null;
        }
        List<ShardStatement> statements = new ArrayList<>();
        for (Map.Entry<DataNode, List<SqlValue[]>> e : byNode.entrySet()) {
            Expression match = matching(e.getValue());
            select.setWhere(filters == null ? match : new AndExpression(new ParenthesedExpressionList<>(filters), match));
            statements.add(new ShardStatement(e.getKey().name(), e.getKey().database(), ctx.render(e.getKey())));
        }
        select.setWhere(filters);
        return new Route(statements.size() == 1 ? RouteKind.SINGLE_SHARD : RouteKind.SHARD_LIST, target,
                ctx.logicalSchema(), statements);
    }

    /** {@code k IN (v1, v2, ...)}, or for several keys {@code (k1 = a AND k2 = b) OR ...}. */
    private Expression matching(List<SqlValue[]> tuples) {
        if (keys.size() == 1) {
            List<Expression> values = new ArrayList<>(tuples.size());
            tuples.forEach(t -> values.add(ValueLiterals.of(t[0], escapes())));
            return new InExpression(keys.getFirst(), new ParenthesedExpressionList<>(new ExpressionList<>(values)));
        }
        Expression any = null;
        for (SqlValue[] t : tuples) {
            Expression all = null;
            for (int i = 0; i < keys.size(); i++) {
                Expression eq = equality(keys.get(i), ValueLiterals.of(t[i], escapes()));
                all = all == null ? eq : new AndExpression(all, eq);
            }
            Expression one = new ParenthesedExpressionList<>(all);
            any = any == null ? one : new OrExpression(any, one);
        }
        return new ParenthesedExpressionList<>(any);
    }

    private boolean escapes() {
        return ctx.session.backslashEscapes();
    }

    private static EqualsTo equality(Expression left, Expression right) {
        return new EqualsTo(left, right);
    }

    private Route route(List<DataNode> on) {
        List<ShardStatement> statements = new ArrayList<>(on.size());
        for (DataNode n : on) {
            statements.add(new ShardStatement(n.name(), n.database(), ctx.render(n)));
        }
        RouteKind kind = rule == null ? (on.size() == 1 ? RouteKind.UNSHARDED : RouteKind.SCATTER)
                : on.size() == 1 ? RouteKind.SINGLE_SHARD : shards.isAll() ? RouteKind.SCATTER : RouteKind.SHARD_LIST;
        return new Route(kind, target, ctx.logicalSchema(), statements);
    }

    @Override
    public Description describe(String role) {
        select.setWhere(filters);
        List<Description> children = new ArrayList<>();
        for (DataNode n : nodes) {
            children.add(Description.leaf(n.name() + ": " + ctx.render(n)));
        }
        String how = keys.isEmpty() ? "" : " by " + keys + (partitioned() ? " (per shard)" : "");
        return new Description(role + " " + target + how, children);
    }

    private boolean partitioned() {
        for (ShardKeys k : keyShards) {
            if (k != null) {
                return true;
            }
        }
        return false;
    }
}
