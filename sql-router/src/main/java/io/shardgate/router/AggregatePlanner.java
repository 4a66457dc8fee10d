package io.shardgate.router;

import io.shardgate.router.merge.Aggregate;
import io.shardgate.router.merge.AggregateCall;
import io.shardgate.router.merge.Evaluate;
import io.shardgate.router.merge.Filter;
import io.shardgate.router.merge.Limit;
import io.shardgate.router.merge.MergeSort;
import io.shardgate.router.merge.Sort;
import io.shardgate.router.merge.SortKey;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.Column;
import io.shardgate.router.value.Eval;
import io.shardgate.router.value.ExpressionCompiler;
import io.shardgate.router.value.SqlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * GROUP BY and aggregates across shards. Each shard groups its own rows and sends partial
 * aggregates (COUNT, SUM, MIN, MAX, SUM+COUNT for AVG, BIT_*) sorted by the group key; the proxy
 * merge-sorts them and combines consecutive partials of a group, holding one group at a time. A
 * DISTINCT aggregate's argument joins the shard GROUP BY so each distinct value arrives once per
 * shard and adjacent across shards. GROUP_CONCAT needs every value in order, so with it the shards
 * send rows sorted by group and GROUP_CONCAT's ORDER BY, and every aggregate is computed from rows.
 * Sub-expressions without aggregates are computed by the shards; operators over aggregates, HAVING
 * and ORDER BY on them by the proxy; the output columns' types come from the original statement run
 * with LIMIT 0.
 */
final class AggregatePlanner {

    private final StatementContext ctx;
    private final SelectParts parts;
    private final PlainSelect ps;
    private final List<DataNode> nodes;
    private final RouteKind kind;
    private final String target;
    private final List<Expression> groups;
    private final Map<String, Function> aggregates = new LinkedHashMap<>();
    private final Map<String, Expression> pushed = new LinkedHashMap<>();

    AggregatePlanner(StatementContext ctx, SelectParts parts, List<DataNode> nodes, RouteKind kind, String target) {
        this.ctx = ctx;
        this.parts = parts;
        this.ps = parts.select;
        this.nodes = nodes;
        this.kind = kind;
        this.target = target;
        this.groups = parts.groupBy();
    }

    /**
     * This query's aggregates cannot be finished from per-shard partial results or from one
     * sorted stream of rows (DISTINCT over aggregates, DISTINCT aggregates of different
     * arguments, GROUP_CONCATs ordered differently): the proxy must aggregate the rows itself.
     */
    static final class RowsNeeded extends RuntimeException {
        RowsNeeded() {
            super(null, null, false, false);
        }
    }

    static boolean isAggregate(PlainSelect ps, SelectParts parts) {
        if (ps.getGroupBy() != null) {
            return true;
        }
        for (SelectItem<?> i : parts.items) {
            if (Refusals.aggregateIn(i.getExpression()) != null) {
                return true;
            }
        }
        if (ps.getHaving() != null) {
            if (Refusals.aggregateIn(ps.getHaving()) == null) {
                throw ShardGateException.notSupported("HAVING without GROUP BY or aggregates across shards");
            }
            return true;
        }
        if (ps.getOrderByElements() != null) {
            for (OrderByElement o : ps.getOrderByElements()) {
                if (Refusals.aggregateIn(o.getExpression()) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String key(Expression e) {
        return e.toString().toLowerCase(Locale.ROOT);
    }

    Primitive plan() {
        if (parts.star) {
            throw ShardGateException.notSupported("SELECT * with GROUP BY or aggregates across shards");
        }
        if (ps.getDistinct() != null) {
            throw new RowsNeeded();
        }
        List<SelectParts.Order> orders = parts.orders();
        // Pass 1 finds the aggregates and the shard-computed sub-expressions; pass 2 compiles
        // against the final slot layout.
        ExpressionCompiler collector = compiler(true);
        parts.items.forEach(i -> collector.compile(i.getExpression()));
        if (ps.getHaving() != null) {
            collector.compile(ps.getHaving());
        }
        orders.forEach(o -> collector.compile(o.expression()));

        List<Function> calls = new ArrayList<>(aggregates.values());
        Function concat = groupConcat(calls);
        List<Expression> distinctArgs = distinctArguments(calls);
        boolean raw = concat != null;
        List<Expression> concatOrder = new ArrayList<>();
        List<Boolean> concatDesc = new ArrayList<>();
        if (raw && concat.getOrderByElements() != null) {
            for (OrderByElement o : concat.getOrderByElements()) {
                concatOrder.add(o.getExpression());
                concatDesc.add(!o.isAsc());
            }
        }
        if (raw && !distinctArgs.isEmpty() && !concatOrder.isEmpty()
                && !(concatOrder.size() == 1 && key(concatOrder.getFirst()).equals(key(distinctArgs.getFirst())))) {
            throw new RowsNeeded();
        }

        // Group order: ORDER BY directions when ORDER BY is a prefix of GROUP BY (no final sort).
        boolean ordered = orders.size() <= groups.size();
        List<Boolean> groupDesc = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            boolean desc = false;
            if (i < orders.size()) {
                ordered &= key(orders.get(i).expression()).equals(key(groups.get(i)));
                desc = orders.get(i).descending();
            }
            groupDesc.add(desc);
        }
        if (!ordered) {
            groupDesc.replaceAll(d -> false);
        }

        Integer[] groupCollations = KeyCollations.of(ctx, groups);
        Integer[] distinctCollations = KeyCollations.of(ctx, distinctArgs);
        // Shard select list: groups, [distinct args | raw inputs], partials, pushed.
        List<SelectItem<?>> items = new ArrayList<>();
        List<Expression> shardGroupBy = new ArrayList<>();
        List<Expression> shardOrder = new ArrayList<>();
        List<Boolean> shardDesc = new ArrayList<>();
        List<SortKey> mergeKeys = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            items.add(SelectEdit.item(groups.get(i), "_sg_g" + i));
            shardGroupBy.add(groups.get(i));
            shardOrder.add(groups.get(i));
            shardDesc.add(groupDesc.get(i));
            mergeKeys.add(new SortKey(i, groupDesc.get(i), groupCollations[i]));
        }
        int[] distinctColumns;
        List<AggregateCall> aggregateCalls = new ArrayList<>();
        if (raw) {
            distinctColumns = rawLayout(calls, distinctArgs, concatOrder, concatDesc, items, shardOrder, shardDesc,
                    mergeKeys, aggregateCalls);
            shardGroupBy.clear();
        } else {
            distinctColumns = new int[distinctArgs.size()];
            for (int i = 0; i < distinctArgs.size(); i++) {
                distinctColumns[i] = items.size();
                mergeKeys.add(new SortKey(items.size(), false, distinctCollations[i]));
                items.add(SelectEdit.item(distinctArgs.get(i), "_sg_d" + i));
                shardGroupBy.add(distinctArgs.get(i));
                shardOrder.add(distinctArgs.get(i));
                shardDesc.add(false);
            }
            for (Function f : calls) {
                aggregateCalls.add(partial(f, items, distinctColumns, argumentCollation(f)));
            }
        }
        int[] passthrough = new int[pushed.size()];
        int p = 0;
        for (Expression e : pushed.values()) {
            passthrough[p] = items.size();
            items.add(SelectEdit.item(e, "_sg_p" + p));
            p++;
        }

        Route route;
        ShardStatement shape;
        try (SelectEdit edit = new SelectEdit(ps)) {
            edit.limit(0);
            DataNode first = nodes.getFirst();
            shape = new ShardStatement(first.name(), first.database(), ctx.render(first));
            edit.items(items).groupBy(shardGroupBy).having(null).orderBy(shardOrder, shardDesc).limit(-1);
            route = ctx.route(kind, target, nodes);
        }
        Primitive plan = mergeKeys.isEmpty() ? route : new MergeSort(route, mergeKeys);
        plan = new Aggregate(plan, groups.size(), distinctColumns, raw, aggregateCalls, passthrough,
                groupCollations, raw ? KeyCollations.of(ctx, distinctArgs.isEmpty() ? List.of() : List.of(distinctArgs.getFirst()))
                        : distinctCollations);

        ExpressionCompiler compiler = compiler(false);
        if (ps.getHaving() != null) {
            plan = new Filter(plan, compiler.compile(ps.getHaving()), ps.getHaving().toString());
        }
        if (!orders.isEmpty() && !ordered) {
            List<Sort.Key> keys = new ArrayList<>();
            for (SelectParts.Order o : orders) {
                keys.add(new Sort.Key(compiler.compile(o.expression()), o.descending(), o.expression().toString()));
            }
            plan = new Sort(plan, keys, parts.hasLimit() ? parts.offset + parts.count : -1,
                    ctx.rules.limits().maxSortRows());
        }
        if (parts.hasLimit()) {
            plan = new Limit(plan, parts.offset, parts.count);
        }
        List<Eval> outputs = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (SelectItem<?> i : parts.items) {
            outputs.add(compiler.compile(i.getExpression()));
            shown.add(i.getExpression().toString());
        }
        return new Evaluate(plan, outputs, shown, shape, ctx.logicalSchema());
    }

    /** The slot resolver: aggregates, GROUP BY expressions and shard-computed sub-expressions. */
    private ExpressionCompiler compiler(boolean collecting) {
        return new ExpressionCompiler(e -> slotOf(e, collecting), this::constant, parts::aliasTarget)
                .withDivPrecision(ctx.divPrecision());
    }

    private Optional<Integer> slotOf(Expression e, boolean collecting) {
        if (e instanceof Function f && Refusals.isAggregateName(f.getName())) {
            checkSupported(f);
            String k = key(e);
            if (collecting) {
                aggregates.putIfAbsent(k, f);
                return Optional.of(0);
            }
            return Optional.of(groups.size() + indexOf(aggregates, k));
        }
        for (int i = 0; i < groups.size(); i++) {
            if (key(groups.get(i)).equals(key(e))) {
                return Optional.of(i);
            }
        }
        if (Refusals.aggregateIn(e) == null && ctx.constants.valueOf(e).isEmpty() && !refersToAlias(e)) {
            String k = key(e);
            if (collecting) {
                pushed.putIfAbsent(k, e);
                return Optional.of(0);
            }
            return Optional.of(groups.size() + aggregates.size() + indexOf(pushed, k));
        }
        return Optional.empty();
    }

    /** Whether an expression names a select-list alias (which may stand for an aggregate). */
    private boolean refersToAlias(Expression e) {
        boolean[] found = new boolean[1];
        e.accept(new net.sf.jsqlparser.expression.ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(net.sf.jsqlparser.schema.Column column, S context) {
                found[0] |= parts.aliasIndex(column).isPresent();
                return null;
            }
        }, null);
        return found[0];
    }

    /** The position of a key in an insertion-ordered map. */
    static int indexOf(Map<String, ?> map, String key) {
        int i = 0;
        for (String k : map.keySet()) {
            if (k.equals(key)) {
                return i;
            }
            i++;
        }
        throw new IllegalStateException("not collected: " + key);
    }

    private Optional<SqlValue> constant(Expression e) {
        return ctx.constants.valueOf(e).map(InProxyPlanner::value);
    }

    private static void checkSupported(Function f) {
        String name = f.getName().toUpperCase(Locale.ROOT);
        switch (name) {
            case "COUNT", "SUM", "MIN", "MAX", "AVG", "BIT_AND", "BIT_OR", "BIT_XOR", "GROUP_CONCAT" -> {
            }
            default -> throw ShardGateException.notSupported("aggregate " + name + "() across shards");
        }
        if (f.getParameters() != null) {
            for (Expression a : f.getParameters()) {
                if (Refusals.aggregateIn(a) != null) {
                    throw new ShardGateException(1111, "HY000", "Invalid use of group function", null);
                }
            }
        }
        if (f.getKeep() != null || f.getLimit() != null) {
            throw ShardGateException.notSupported(name + " with KEEP/LIMIT across shards");
        }
    }

    private static Function groupConcat(List<Function> calls) {
        Function found = null;
        for (Function f : calls) {
            if (f.getName().equalsIgnoreCase("GROUP_CONCAT")) {
                if (found != null && !String.valueOf(found.getOrderByElements()).equalsIgnoreCase(String.valueOf(f.getOrderByElements()))) {
                    throw new RowsNeeded();
                }
                found = found == null ? f : found;
            }
        }
        return found;
    }

    /** The argument list the DISTINCT aggregates share (they must share one). */
    private static List<Expression> distinctArguments(List<Function> calls) {
        List<Expression> args = null;
        for (Function f : calls) {
            String name = f.getName().toUpperCase(Locale.ROOT);
            if (!f.isDistinct() || name.equals("MIN") || name.equals("MAX")) {
                continue;
            }
            List<Expression> a = f.getParameters() == null ? List.of() : new ArrayList<>(f.getParameters());
            if (a.size() != 1 && !name.equals("COUNT")) {
                throw ShardGateException.notSupported(name + "(DISTINCT with several arguments) across shards");
            }
            if (args != null && !key(new ExpressionList<>(args)).equals(key(new ExpressionList<>(a)))) {
                throw new RowsNeeded();
            }
            args = a;
        }
        return args == null ? List.of() : args;
    }

    /** Shard columns holding one aggregate's partial result (none for DISTINCT: the argument is grouped). */
    private Integer argumentCollation(Function f) {
        return f.getParameters() == null || f.getParameters().isEmpty() ? null
                : KeyCollations.of(ctx, (Expression) f.getParameters().getFirst());
    }

    private static AggregateCall partial(Function f, List<SelectItem<?>> items, int[] distinctColumns, Integer collation) {
        AggregateCall.Kind kind = AggregateCall.Kind.valueOf(f.getName().toUpperCase(Locale.ROOT));
        boolean distinct = f.isDistinct() && kind != AggregateCall.Kind.MIN && kind != AggregateCall.Kind.MAX;
        if (distinct) {
            return new AggregateCall(kind, distinctColumns[0], true, ",", distinctColumns.length, collation);
        }
        int at = items.size();
        switch (kind) {
            case AVG -> {
                Expression arg = f.getParameters().getFirst();
                items.add(SelectEdit.item(function("SUM", arg), "_sg_a" + at));
                items.add(SelectEdit.item(function("COUNT", arg), "_sg_a" + (at + 1)));
            }
            case COUNT -> items.add(SelectEdit.item(f.isAllColumns() || isStar(f) ? starCount() : function("COUNT",
                    f.getParameters().getFirst()), "_sg_a" + at));
            default -> items.add(SelectEdit.item(function(kind.name(), f.getParameters().getFirst()), "_sg_a" + at));
        }
        return new AggregateCall(kind, at, false, ",", 1, collation);
    }

    /** Raw mode: shards send each row's aggregate inputs, ordered by group and GROUP_CONCAT order. */
    private int[] rawLayout(List<Function> calls, List<Expression> distinctArgs, List<Expression> concatOrder,
                            List<Boolean> concatDesc, List<SelectItem<?>> items, List<Expression> shardOrder,
                            List<Boolean> shardDesc, List<SortKey> mergeKeys, List<AggregateCall> out) {
        int[] distinctColumns = new int[0];
        if (!distinctArgs.isEmpty()) {
            int column = items.size();
            items.add(SelectEdit.item(distinctArgs.getFirst(), "_sg_d0"));
            distinctColumns = new int[] {column};
            boolean desc = !concatDesc.isEmpty() && concatDesc.getFirst();
            shardOrder.add(distinctArgs.getFirst());
            shardDesc.add(desc);
            mergeKeys.add(new SortKey(column, desc, KeyCollations.of(ctx, distinctArgs.getFirst())));
        } else {
            for (int i = 0; i < concatOrder.size(); i++) {
                int column = items.size();
                items.add(SelectEdit.item(concatOrder.get(i), "_sg_o" + i));
                shardOrder.add(concatOrder.get(i));
                shardDesc.add(concatDesc.get(i));
                mergeKeys.add(new SortKey(column, concatDesc.get(i), KeyCollations.of(ctx, concatOrder.get(i))));
            }
        }
        for (Function f : calls) {
            AggregateCall.Kind kind = AggregateCall.Kind.valueOf(f.getName().toUpperCase(Locale.ROOT));
            boolean distinct = f.isDistinct() && kind != AggregateCall.Kind.MIN && kind != AggregateCall.Kind.MAX;
            String separator = kind == AggregateCall.Kind.GROUP_CONCAT ? separator(f) : ",";
            if (distinct) {
                out.add(new AggregateCall(kind, distinctColumns[0], true, separator, 1));
            } else if (kind == AggregateCall.Kind.COUNT && (f.isAllColumns() || isStar(f))) {
                out.add(new AggregateCall(kind, -1, false, separator, 1));
            } else {
                Expression arg = f.getParameters().size() == 1 ? f.getParameters().getFirst()
                        : function("CONCAT", f.getParameters().toArray(new Expression[0]));
                out.add(new AggregateCall(kind, items.size(), false, separator, 1, argumentCollation(f)));
                items.add(SelectEdit.item(arg, "_sg_r" + items.size()));
            }
        }
        return distinctColumns;
    }

    private String separator(Function f) {
        if (f.getKeywordArguments() != null) {
            for (Function.KeywordArgument k : f.getKeywordArguments()) {
                if (k.getKeyword().equalsIgnoreCase("SEPARATOR")) {
                    Object v = ctx.constants.valueOf(k.getExpression())
                            .orElseThrow(() -> ShardGateException.notSupported("GROUP_CONCAT SEPARATOR that is not a string"));
                    return v instanceof String s ? s : String.valueOf(v);
                }
            }
        }
        return ",";
    }

    private static boolean isStar(Function f) {
        return f.getParameters() != null && f.getParameters().size() == 1
                && f.getParameters().getFirst() instanceof net.sf.jsqlparser.statement.select.AllColumns;
    }

    private static Function starCount() {
        return function("COUNT", new net.sf.jsqlparser.statement.select.AllColumns());
    }

    private static Function function(String name, Expression... args) {
        Function f = new Function();
        f.setName(name);
        f.setParameters(new ExpressionList<>(args));
        return f;
    }
}
