package io.shardgate.router;

import io.shardgate.router.merge.InProxySelect;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.value.Eval;
import io.shardgate.router.value.ExpressionCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Plans a SELECT whose tables the backends cannot join themselves. The FROM clause is cut, in
 * order, into segments: runs of tables that are co-located (each segment is one statement the
 * backends answer whole). The proxy joins the segments ({@link ProxyJoin}) and evaluates the rest
 * of the query over the joined rows ({@link InProxySelect}).
 *
 * <p>Conditions go as far down as they can: a WHERE conjunct over one segment (that no outer join
 * can NULL-extend) into that segment's WHERE; an equality between earlier segments and the next
 * one becomes a lookup key; the rest of an ON condition is checked on the joined row; the rest of
 * WHERE after the joins. Expressions over one segment's columns are computed by that segment's
 * backends, so the proxy only evaluates what spans segments.
 *
 * <p>A RIGHT JOIN is turned into a LEFT JOIN when everything before it is one segment; otherwise it
 * is refused, as are NATURAL joins and USING. The segments and the placement of conditions are
 * {@link JoinSegments}'; this class compiles what the proxy evaluates and builds the plan.
 */
final class JoinPlanner implements InProxyPlanner.Source {

    private static final String WHAT = "over rows joined in the proxy";

    private final StatementContext ctx;
    private final SelectParts parts;
    private final JoinSegments from;
    private final List<JoinSegments.Segment> segments;

    private JoinPlanner(StatementContext ctx, PlainSelect ps) {
        this.ctx = ctx;
        this.parts = new SelectParts(ps, ctx.constants);
        this.from = new JoinSegments(ctx, ps);
        this.segments = from.segments;
    }

    static Primitive plan(StatementContext ctx, PlainSelect ps) {
        return new JoinPlanner(ctx, ps).build();
    }

    // ---- planning ----

    private Primitive build() {
        for (JoinSegments.Segment s : segments) {
            s.keys.forEach(k -> from.register(s, k));
        }
        compileConditions(true);
        String shown = String.join(", ", from.top.stream().map(FromEntry::qualifier).toList());
        InProxySelect.Spec spec = InProxyPlanner.spec(ctx, parts, this, JoinSegments.and(from.afterJoins), "over " + shown);
        from.freeze();
        List<Eval>[] leftKeys = compileConditions(false);
        List<ProxyJoin.Step> steps = new ArrayList<>();
        JoinSide first = null;
        ExpressionCompiler conditions = conditionCompiler(false);
        for (int k = 0; k < segments.size(); k++) {
            JoinSegments.Segment s = segments.get(k);
            JoinSide side = s.tables.getFirst() instanceof FromEntry.DerivedRows d ? new DerivedSide(d)
                    : new JoinSegment(ctx, select(s), s.keys);
            if (k == 0) {
                first = side;
                continue;
            }
            int[] rightKeys = new int[s.keys.size()];
            Integer[] keyCollations = new Integer[s.keys.size()];
            for (int i = 0; i < rightKeys.length; i++) {
                rightKeys[i] = s.itemIndex(from.itemKey(s, s.keys.get(i)));
                Integer c = from.resolver.collation(s.keys.get(i));
                keyCollations[i] = c != null ? c : from.resolver.collation(s.leftKeys.get(i));
            }
            Eval residual = s.residual.isEmpty() ? null : conditions.compile(JoinSegments.and(s.residual));
            String name = String.join(", ", s.tables.stream().map(FromEntry::qualifier).toList());
            steps.add(new ProxyJoin.Step(side, s.kind == JoinSegments.Kind.LEFT, leftKeys[k], rightKeys, keyCollations, residual, name));
        }
        ProxyJoin join = new ProxyJoin(first, steps, slotCollations(), ctx.rules.limits().maxJoinRows());
        return new InProxySelect(join, spec);
    }

    /** Left keys and residual conditions: collected (first pass) or compiled. */
    @SuppressWarnings("unchecked")
    private List<Eval>[] compileConditions(boolean collecting) {
        ExpressionCompiler compiler = conditionCompiler(collecting);
        List<Eval>[] leftKeys = new List[segments.size()];
        for (int k = 0; k < segments.size(); k++) {
            JoinSegments.Segment s = segments.get(k);
            leftKeys[k] = new ArrayList<>();
            for (Expression e : s.leftKeys) {
                leftKeys[k].add(compiler.compile(e));
            }
            if (collecting && !s.residual.isEmpty()) {
                compiler.compile(JoinSegments.and(s.residual));
            }
        }
        return leftKeys;
    }

    private ExpressionCompiler conditionCompiler(boolean collecting) {
        return new ExpressionCompiler(e -> {
            if (Refusals.aggregateIn(e) != null) {
                throw new ShardGateException(1111, "HY000", "Invalid use of group function", null);
            }
            return ctx.constants.valueOf(e).isPresent() ? Optional.empty() : slot(e, collecting);
        }, e -> ctx.constants.valueOf(e).map(InProxyPlanner::value), e -> Optional.empty(), what())
                .withDivPrecision(ctx.divPrecision());
    }

    /** The segment's statement: its items, tables and joins, and its own filters. */
    private PlainSelect select(JoinSegments.Segment s) {
        PlainSelect select = new PlainSelect();
        List<SelectItem<?>> items = new ArrayList<>();
        int i = 0;
        for (Expression e : s.items.values()) {
            items.add(e instanceof Column ? new SelectItem<>(e) : new SelectItem<>(e, new Alias("_sg_c" + i, true)));
            i++;
        }
        if (items.isEmpty()) {
            items.add(new SelectItem<>(new net.sf.jsqlparser.expression.LongValue(1), new Alias("_sg_c0", true)));
        }
        select.setSelectItems(items);
        select.setFromItem(s.resolvedTables().getFirst().node());
        select.setJoins(s.joins.isEmpty() ? null : new ArrayList<>(s.joins));
        select.setWhere(JoinSegments.and(s.filters));
        return select;
    }


    // ---- the Source of InProxyPlanner ----

    @Override
    public Optional<Integer> slot(Expression e, boolean collecting) {
        if (e instanceof Column c && !ColumnResolver.isKeyword(c)) {
            FromEntry t = from.resolver.tableOf(c, "field list");
            return Optional.of(slotOf(from.segmentOf.get(t), t instanceof ResolvedTable r ? JoinSegments.qualified(r, c) : c, collecting));
        }
        Set<JoinSegments.Segment> segs = from.segmentsIn(e, "field list");
        if (segs.isEmpty()) {
            Optional<JoinSegments.Segment> any = segments.stream().filter(JoinSegments.Segment::pushable).findFirst();
            return any.map(s -> slotOf(s, e, collecting));
        }
        if (segs.size() == 1 && segs.iterator().next().pushable()) {
            return Optional.of(slotOf(segs.iterator().next(), e, collecting));
        }
        if (ColumnResolver.hasSubquery(e)) {
            throw ShardGateException.notSupported("a subquery that refers to tables joined in the proxy");
        }
        return Optional.empty();
    }

    private int slotOf(JoinSegments.Segment s, Expression e, boolean collecting) {
        String key = from.register(s, e);
        if (collecting) {
            return 0;
        }
        from.freeze();
        return s.base + s.itemIndex(key);
    }


    @Override
    public List<InProxyPlanner.StarColumn> star(SelectItem<?> item, boolean collecting) {
        List<FromEntry> tables;
        if (item.getExpression() instanceof AllTableColumns a) {
            Column probe = new Column(a.getTable(), "*");
            tables = List.of(from.top.stream().filter(t -> {
                String q = MysqlStrings.unquoteIdentifier(probe.getTable().getName());
                return t.qualifier().equalsIgnoreCase(q);
            }).findFirst().orElseThrow(() -> new ShardGateException(ErrorCode.NO_SUCH_TABLE, ctx.logicalSchema(),
                    MysqlStrings.unquoteIdentifier(a.getTable().getName()))));
        } else if (item.getExpression() instanceof AllColumns) {
            tables = from.top;
        } else {
            throw new IllegalArgumentException("not a star item: " + item);
        }
        List<InProxyPlanner.StarColumn> out = new ArrayList<>();
        for (FromEntry t : tables) {
            for (String name : from.resolver.names(t)) {
                Column column = new Column(new Table(MysqlStrings.quoteIdentifier(t.qualifier())), MysqlStrings.quoteIdentifier(name));
                out.add(new InProxyPlanner.StarColumn(slotOf(from.segmentOf.get(t), column, collecting), name));
            }
        }
        return out;
    }

    @Override
    public Integer collation(Expression e) {
        return from.resolver.collation(e);
    }

    @Override
    public int width() {
        return from.width();
    }

    @Override
    public Integer[] slotCollations() {
        Integer[] out = new Integer[from.width()];
        for (JoinSegments.Segment s : segments) {
            for (int i = 0; i < s.collations.size(); i++) {
                out[s.base + i] = s.collations.get(i);
            }
        }
        return out;
    }

    @Override
    public String what() {
        return segments.size() > 1 ? WHAT : "evaluated in the proxy";
    }
}
