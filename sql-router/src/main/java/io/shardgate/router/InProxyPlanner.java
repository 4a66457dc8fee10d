package io.shardgate.router;

import io.shardgate.router.merge.AggregateCall;
import io.shardgate.router.merge.InProxySelect;
import io.shardgate.router.merge.Sort;
import io.shardgate.router.merge.ValueAggregate;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.value.Eval;
import io.shardgate.router.value.ExpressionCompiler;
import io.shardgate.router.value.SqlValue;
import io.shardgate.router.value.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Compiles the clauses of a SELECT the proxy evaluates over rows from elsewhere (a proxy join, a
 * derived table, a UNION) into an {@link InProxySelect.Spec}. The rows' producer is a
 * {@link Source}: it names the input slot of a column or of a whole sub-expression it computes
 * itself (a join pushes expressions over one side's columns down to that side), and expands
 * {@code *}. Everything else is computed by the proxy from those slots.
 *
 * <p>Compilation runs twice: the first pass lets the source collect what it must produce, the
 * second compiles against the final slot layout.
 */
final class InProxyPlanner {

    /** Where the rows come from and what they hold. */
    interface Source {

        /**
         * The input slot holding an expression's value, registering it when {@code collecting}
         * (then the number returned does not matter); empty when the proxy must compute it from
         * its parts. Never called for expressions that hold aggregates.
         */
        Optional<Integer> slot(Expression e, boolean collecting);

        /** The columns {@code *} or {@code t.*} stands for. */
        List<StarColumn> star(SelectItem<?> item, boolean collecting);

        /** The collation text of an expression compares by, or null for the input's own. */
        Integer collation(Expression e);

        /** Input slots per row: known once collection is over. */
        int width();

        /** Per input slot, the collation text in it compares by (null: the metadata's). */
        Integer[] slotCollations();

        /** What the proxy evaluates over, for refusals ("rows joined in the proxy"). */
        String what();
    }

    /** One column {@code *} expands to: its slot and name. */
    record StarColumn(int slot, String name) {
    }

    private final StatementContext ctx;
    private final SelectParts parts;
    private final Source source;
    private final boolean grouped;
    private final Map<String, net.sf.jsqlparser.expression.Function> aggregates = new LinkedHashMap<>();
    private boolean collecting;

    private InProxyPlanner(StatementContext ctx, SelectParts parts, Source source) {
        this.ctx = ctx;
        this.parts = parts;
        this.source = source;
        this.grouped = AggregatePlanner.isAggregate(parts.select, parts);
    }

    /**
     * @param where the condition the proxy still has to apply to input rows, or null
     * @param shown how EXPLAIN shows the step
     */
    static InProxySelect.Spec spec(StatementContext ctx, SelectParts parts, Source source, Expression where, String shown) {
        InProxyPlanner p = new InProxyPlanner(ctx, parts, source);
        p.collecting = true;
        p.build(where, shown);
        p.collecting = false;
        return p.build(where, shown);
    }

    private InProxySelect.Spec build(Expression where, String shown) {
        if (grouped && parts.star) {
            throw ShardGateException.notSupported("SELECT * with GROUP BY or aggregates " + source.what());
        }
        ExpressionCompiler rows = compiler(false, false);
        Eval whereEval = where == null ? null : rows.compile(where);

        List<Eval> groupKeys = new ArrayList<>();
        Integer[] groupCollations = null;
        if (grouped) {
            List<Expression> groups = parts.groupBy();
            groupCollations = new Integer[groups.size()];
            for (int i = 0; i < groups.size(); i++) {
                groupKeys.add(rows.compile(groups.get(i)));
                groupCollations[i] = source.collation(groups.get(i));
            }
        }
        ExpressionCompiler out = compiler(grouped, true);
        List<Eval> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> outputSlots = new ArrayList<>();
        for (SelectItem<?> item : parts.items) {
            Expression e = item.getExpression();
            if (e instanceof AllColumns || e instanceof AllTableColumns) {
                for (StarColumn c : source.star(item, collecting)) {
                    outputs.add(Eval.slot(c.slot()));
                    names.add(c.name());
                    outputSlots.add(c.slot());
                }
                continue;
            }
            outputs.add(out.compile(e));
            names.add(name(item));
            outputSlots.add(Refusals.aggregateIn(e) == null ? source.slot(e, collecting).orElse(-1) : -1);
        }
        Eval having = parts.select.getHaving() == null ? null : compiler(grouped, true).compile(parts.select.getHaving());
        List<Sort.Key> order = new ArrayList<>();
        for (SelectParts.Order o : parts.orders()) {
            Eval key = o.selectIndex() != null && !(parts.items.get(o.selectIndex()).getExpression() instanceof AllColumns)
                    ? outputs.get(outputIndex(o.selectIndex())) : out.compile(o.expression());
            order.add(new Sort.Key(key, o.descending(), o.expression().toString()));
        }
        List<ValueAggregate> aggregateList = grouped ? valueAggregates() : null;
        int[] slots = outputSlots.stream().mapToInt(Integer::intValue).toArray();
        return new InProxySelect.Spec(whereEval, groupKeys, groupCollations, aggregateList, having, outputs, slots, names,
                order, parts.select.getDistinct() != null, parts.offset, parts.count,
                ctx.rules.limits().maxSortRows(), collecting ? null : source.slotCollations(), shown);
    }

    /** Where a select item's value sits among the outputs ({@code *} items expand to several). */
    private int outputIndex(int selectIndex) {
        int at = 0;
        for (int i = 0; i < selectIndex; i++) {
            if (parts.items.get(i).getExpression() instanceof AllColumns || parts.items.get(i).getExpression() instanceof AllTableColumns) {
                throw ShardGateException.notSupported("ORDER BY a position after SELECT * " + source.what());
            }
            at++;
        }
        return at;
    }

    /** The column name MariaDB gives a select item: its alias, the column as written, or its text. */
    static String name(SelectItem<?> item) {
        if (item.getAlias() != null) {
            return MysqlStrings.unquoteIdentifier(item.getAlias().getName());
        }
        if (item.getExpression() instanceof Column c) {
            return MysqlStrings.unquoteIdentifier(c.getColumnName());
        }
        return item.getExpression().toString();
    }

    /**
     * @param groupSlots whether aggregates read their results (HAVING, outputs of a grouped query)
     * @param aliases    whether select-list aliases may be named (not in WHERE or GROUP BY input)
     */
    private ExpressionCompiler compiler(boolean groupSlots, boolean aliases) {
        Function<Expression, Optional<Expression>> aliasing = aliases ? parts::aliasTarget : e -> Optional.empty();
        return new ExpressionCompiler(e -> slotOf(e, groupSlots), this::constant, aliasing, source.what())
                .withDivPrecision(ctx.divPrecision());
    }

    private Optional<Integer> slotOf(Expression e, boolean groupSlots) {
        if (e instanceof net.sf.jsqlparser.expression.Function f && Refusals.isAggregateName(f.getName())) {
            if (!groupSlots) {
                throw new ShardGateException(1111, "HY000", "Invalid use of group function", null);
            }
            checkSupported(f);
            String k = key(f);
            if (collecting) {
                aggregates.putIfAbsent(k, f);
                return Optional.of(0);
            }
            return Optional.of(source.width() + AggregatePlanner.indexOf(aggregates, k));
        }
        if (Refusals.aggregateIn(e) != null || ctx.constants.valueOf(e).isPresent()) {
            return Optional.empty();
        }
        return source.slot(e, collecting);
    }

    private static String key(Expression e) {
        return e.toString().toLowerCase(Locale.ROOT);
    }

    private void checkSupported(net.sf.jsqlparser.expression.Function f) {
        String name = f.getName().toUpperCase(Locale.ROOT);
        try {
            AggregateCall.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ShardGateException.notSupported("aggregate " + name + "() " + source.what());
        }
        if (f.getKeep() != null || f.getLimit() != null) {
            throw ShardGateException.notSupported(name + " with KEEP/LIMIT " + source.what());
        }
        if (f.getParameters() != null) {
            for (Expression a : f.getParameters()) {
                if (Refusals.aggregateIn(a) != null) {
                    throw new ShardGateException(1111, "HY000", "Invalid use of group function", null);
                }
            }
        }
    }

    private List<ValueAggregate> valueAggregates() {
        ExpressionCompiler rows = compiler(false, false);
        List<ValueAggregate> out = new ArrayList<>();
        for (net.sf.jsqlparser.expression.Function f : aggregates.values()) {
            AggregateCall.Kind kind = AggregateCall.Kind.valueOf(f.getName().toUpperCase(Locale.ROOT));
            List<Eval> args = new ArrayList<>();
            Integer collation = null;
            if (f.getParameters() != null && !(f.isAllColumns() || isStar(f))) {
                for (Expression a : f.getParameters()) {
                    args.add(rows.compile(a));
                }
                collation = source.collation(f.getParameters().getFirst());
            }
            List<Sort.Key> order = new ArrayList<>();
            if (kind == AggregateCall.Kind.GROUP_CONCAT && f.getOrderByElements() != null) {
                for (OrderByElement o : f.getOrderByElements()) {
                    Expression e = o.getExpression();
                    order.add(new Sort.Key(rows.compile(e), !o.isAsc(), e.toString()));
                }
            }
            boolean distinct = f.isDistinct() && kind != AggregateCall.Kind.MIN && kind != AggregateCall.Kind.MAX;
            out.add(new ValueAggregate(kind, args, distinct, order, separator(f), collation));
        }
        return out;
    }

    private String separator(net.sf.jsqlparser.expression.Function f) {
        if (f.getKeywordArguments() != null) {
            for (net.sf.jsqlparser.expression.Function.KeywordArgument k : f.getKeywordArguments()) {
                if (k.getKeyword().equalsIgnoreCase("SEPARATOR")) {
                    Object v = ctx.constants.valueOf(k.getExpression())
                            .orElseThrow(() -> ShardGateException.notSupported("GROUP_CONCAT SEPARATOR that is not a string"));
                    return v instanceof String s ? s : String.valueOf(v);
                }
            }
        }
        return ",";
    }

    private static boolean isStar(net.sf.jsqlparser.expression.Function f) {
        return f.getParameters() != null && f.getParameters().size() == 1 && f.getParameters().getFirst() instanceof AllColumns;
    }

    private Optional<SqlValue> constant(Expression e) {
        return ctx.constants.valueOf(e).map(InProxyPlanner::value);
    }

    /** A constant as a proxy value. */
    static SqlValue value(Object v) {
        return switch (v) {
            case Long l -> new SqlValue.Int(l);
            case BigInteger b -> new SqlValue.BigInt(b);
            case BigDecimal d -> new SqlValue.Dec(d);
            case String s -> new SqlValue.Str(s, io.shardgate.router.result.Column.UTF8MB4_GENERAL_CI);
            case byte[] b -> new SqlValue.Raw(b, new ValueType(ValueType.Category.BINARY, false, 63, 0));
            default -> SqlValue.NULL;
        };
    }
}
