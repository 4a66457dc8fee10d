package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The FROM clause of a query {@link JoinPlanner} plans, cut into segments: runs of co-located
 * tables, each one statement the backends answer whole (or a derived table's rows), in join order;
 * and its conditions distributed: into a segment's own WHERE where no outer join can NULL-extend
 * it, as lookup keys and residual conditions of the join to a segment, or after all joins. Each
 * segment also keeps the items (columns and expressions) its statement must return.
 */
final class JoinSegments {

    enum Kind { FIRST, INNER, LEFT }

    /** A run of co-located tables, one statement to the backends. */
    static final class Segment {
        final List<FromEntry> tables = new ArrayList<>();
        final List<Join> joins = new ArrayList<>();
        Kind kind;
        /** The join's condition to the segments before: from ON, or WHERE for an inner join. */
        final List<Expression> conditions = new ArrayList<>();
        final List<Expression> filters = new ArrayList<>();
        final Map<String, Expression> items = new LinkedHashMap<>();
        final List<Integer> collations = new ArrayList<>();
        final List<Expression> keys = new ArrayList<>();
        final List<Expression> leftKeys = new ArrayList<>();
        final List<Expression> residual = new ArrayList<>();
        int base;

        Segment(Kind kind) {
            this.kind = kind;
        }

        boolean nullExtendable() {
            return kind == Kind.LEFT;
        }

        /** Whether the segment is a statement for the backends (not a derived table's rows). */
        boolean sql() {
            return tables.getFirst() instanceof ResolvedTable;
        }

        /** Whether conditions and expressions over it can go into its statement. */
        boolean pushable() {
            return sql() && !nullExtendable();
        }

        List<ResolvedTable> resolvedTables() {
            return tables.stream().map(ResolvedTable.class::cast).toList();
        }

        int itemIndex(String key) {
            return AggregatePlanner.indexOf(items, key);
        }
    }

    private record Entry(FromEntry table, Join join) {
    }


    final StatementContext ctx;
    private final PlainSelect ps;
    final ColumnResolver resolver;
    final List<FromEntry> top;
    final List<Segment> segments = new ArrayList<>();
    final Map<FromEntry, Segment> segmentOf = new IdentityHashMap<>();
    /** WHERE conjuncts the proxy applies after all joins. */
    final List<Expression> afterJoins = new ArrayList<>();
    private boolean frozen;
    private int width;

    JoinSegments(StatementContext ctx, PlainSelect ps) {
        this.ctx = ctx;
        this.ps = ps;
        List<Entry> entries = entries();
        this.top = entries.stream().map(Entry::table).toList();
        this.resolver = new ColumnResolver(ctx, top);
        segment(entries);
        top.forEach(t -> segments.stream().filter(s -> s.tables.contains(t)).findFirst().ifPresent(s -> segmentOf.put(t, s)));
        for (Segment s : segments) {
            if (s.tables.getFirst() instanceof FromEntry.DerivedRows d) {
                // a derived table's rows arrive as its select list: its items, in that order
                for (String name : d.names()) {
                    register(s, derivedColumn(d, name));
                }
            }
        }
        distribute();
    }

    private List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry(table(ps.getFromItem()), null));
        if (ps.getJoins() != null) {
            for (Join j : ps.getJoins()) {
                if (j.isNatural()) {
                    throw ShardGateException.notSupported("NATURAL JOIN of tables on different data nodes; write the condition with ON");
                }
                if (j.getUsingColumns() != null && !j.getUsingColumns().isEmpty()) {
                    throw ShardGateException.notSupported("JOIN ... USING of tables on different data nodes; write the condition with ON");
                }
                if (j.isFull() || j.isApply() || j.isSemi()) {
                    throw ShardGateException.notSupported(j.toString().split(" ")[0] + " JOIN of tables on different data nodes");
                }
                out.add(new Entry(table(j.getFromItem()), j));
            }
        }
        return out;
    }

    private FromEntry table(FromItem item) {
        if (item instanceof Table t) {
            for (ResolvedTable r : ctx.tables) {
                if (r.node() == t) {
                    return r;
                }
            }
        }
        if (item instanceof ParenthesedSelect derived && !(derived instanceof net.sf.jsqlparser.statement.select.LateralSubSelect)) {
            if (derived.getAlias() == null) {
                throw new ShardGateException(1248, "42000", "Every derived table must have its own alias", null);
            }
            Select inner = derived.getSelect();
            StatementContext innerCtx = ctx.forStatement(inner);
            List<String> names = DerivedPlanner.outputNames(innerCtx, inner);
            DerivedPlanner.checkDistinct(names);
            return new FromEntry.DerivedRows(MysqlStrings.unquoteIdentifier(derived.getAlias().getName()), names,
                    SelectPlanner.plan(innerCtx, inner));
        }
        throw ShardGateException.notSupported("a " + item.getClass().getSimpleName()
                + " joined with tables on other data nodes");
    }

    private static Column derivedColumn(FromEntry.DerivedRows d, String name) {
        return new Column(new Table(MysqlStrings.quoteIdentifier(d.alias())), MysqlStrings.quoteIdentifier(name));
    }

    // ---- segments ----

    private void segment(List<Entry> entries) {
        int right = -1;
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).join().isRight()) {
                if (right >= 0) {
                    throw ShardGateException.notSupported("several RIGHT JOINs over tables joined in the proxy");
                }
                right = i;
            }
        }
        int next = 1;
        if (right > 0) {
            for (int i = 1; i < right; i++) {
                if (entries.get(i).join().isSimple()) {
                    throw ShardGateException.notSupported("RIGHT JOIN after a comma join over tables joined in the proxy");
                }
            }
            Segment kept = new Segment(Kind.FIRST);
            kept.tables.add(entries.get(right).table());
            Segment prefix = new Segment(Kind.LEFT);
            prefix.tables.add(entries.getFirst().table());
            for (int i = 1; i < right; i++) {
                prefix.tables.add(entries.get(i).table());
                prefix.joins.add(entries.get(i).join());
            }
            if (right > 1 && (prefix.tables.stream().anyMatch(FromEntry.DerivedRows.class::isInstance)
                    || colocated(prefix.resolvedTables(), prefix.joins, List.of()).isEmpty())) {
                throw ShardGateException.notSupported("RIGHT JOIN whose left side spans tables on different data nodes;"
                        + " write it as a LEFT JOIN");
            }
            onConjuncts(entries.get(right).join(), prefix.conditions);
            segments.add(kept);
            segments.add(prefix);
            next = right + 1;
        } else {
            Segment first = new Segment(Kind.FIRST);
            first.tables.add(entries.getFirst().table());
            segments.add(first);
        }
        for (int i = next; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Segment last = segments.getLast();
            if (canMerge(last, e)) {
                last.tables.add(e.table());
                last.joins.add(e.join());
            } else {
                Segment s = new Segment(e.join().isLeft() ? Kind.LEFT : Kind.INNER);
                s.tables.add(e.table());
                onConjuncts(e.join(), s.conditions);
                segments.add(s);
            }
        }
    }

    private static void onConjuncts(Join j, List<Expression> out) {
        if (j.getOnExpressions() != null) {
            j.getOnExpressions().forEach(e -> Colocation.conjuncts(e, out));
        }
    }

    /** Whether a table can join the segment before it inside the backends' statement. */
    private boolean canMerge(Segment last, Entry e) {
        if (!last.sql() || !(e.table() instanceof ResolvedTable added)) {
            return false;
        }
        Join j = e.join();
        boolean inner = !j.isLeft() && !j.isRight();
        if (!(j.isLeft() && last.kind == Kind.FIRST) && !(inner && last.kind != Kind.LEFT)) {
            return false;
        }
        List<ResolvedTable> tables = new ArrayList<>(last.resolvedTables());
        tables.add(added);
        List<Expression> on = new ArrayList<>();
        onConjuncts(j, on);
        for (Expression c : on) {
            if (!tables.containsAll(resolver.tablesIn(c, "on clause"))) {
                return false;
            }
        }
        List<Expression> where = new ArrayList<>();
        List<Expression> all = new ArrayList<>();
        Colocation.conjuncts(ps.getWhere(), all);
        for (Expression c : all) {
            Set<FromEntry> refs = resolver.tablesIn(c, "where clause");
            if (!refs.isEmpty() && tables.containsAll(refs) && !ColumnResolver.hasSubquery(c)) {
                where.add(c);
            }
        }
        List<Join> joins = new ArrayList<>(last.joins);
        joins.add(j);
        return colocated(tables, joins, where).isPresent();
    }

    private Optional<Unit> colocated(List<ResolvedTable> tables, List<Join> joins, List<Expression> where) {
        PlainSelect candidate = new PlainSelect();
        candidate.setSelectItems(List.of(new SelectItem<>(new net.sf.jsqlparser.expression.LongValue(1))));
        candidate.setFromItem(tables.getFirst().node());
        candidate.setJoins(joins.isEmpty() ? null : joins);
        candidate.setWhere(and(where));
        StatementContext c = ctx.forStatement(candidate);
        return new Colocation(c, tables.stream().map(ResolvedTable::node).toList(), joins, candidate.getWhere()).unit();
    }

    // ---- conditions ----

    Set<Segment> segmentsIn(Expression e, String clause) {
        Set<Segment> out = new LinkedHashSet<>();
        for (FromEntry t : resolver.tablesIn(e, clause)) {
            out.add(segmentOf.get(t));
        }
        return out;
    }

    private void distribute() {
        List<Expression> where = new ArrayList<>();
        Colocation.conjuncts(ps.getWhere(), where);
        for (Expression c : where) {
            Set<Segment> segs = segmentsIn(c, "where clause");
            boolean subquery = ColumnResolver.hasSubquery(c);
            if (segs.size() <= 1) {
                Segment s = segs.isEmpty() ? segments.getFirst() : segs.iterator().next();
                if (s.pushable()) {
                    s.filters.add(c);
                    continue;
                }
            } else {
                Segment last = segs.stream().max((a, b) -> segments.indexOf(a) - segments.indexOf(b)).orElseThrow();
                if (!subquery && last.kind == Kind.INNER) {
                    last.conditions.add(c);
                    continue;
                }
            }
            if (subquery) {
                throw ShardGateException.notSupported("a subquery in WHERE that refers to tables joined in the proxy");
            }
            afterJoins.add(c);
        }
        for (int k = 1; k < segments.size(); k++) {
            Segment s = segments.get(k);
            List<Expression> conditions = new ArrayList<>(s.conditions);
            s.conditions.clear();
            for (Expression c : conditions) {
                Set<Segment> segs = segmentsIn(c, "on clause");
                for (Segment x : segs) {
                    if (segments.indexOf(x) > k) {
                        throw new ShardGateException(ErrorCode.BAD_FIELD, c.toString(), "on clause");
                    }
                }
                if ((segs.isEmpty() || segs.equals(Set.of(s))) && s.sql()) {
                    s.filters.add(c);
                } else if (ColumnResolver.hasSubquery(c)) {
                    throw ShardGateException.notSupported("a subquery in a join condition over tables joined in the proxy");
                } else if (!key(s, k, c)) {
                    s.residual.add(c);
                }
            }
        }
        propagateConstants();
    }

    /**
     * {@code a = b AND b = 5} implies {@code a = 5}: across an inner join's key equality between
     * two columns of the same kind (and collation), a constant one side is pinned to is pinned on
     * the other side too, so that side's backends filter (and its shards prune) by it.
     */
    private void propagateConstants() {
        for (Segment s : segments) {
            if (s.kind != Kind.INNER || !s.sql()) {
                continue;
            }
            for (int i = 0; i < s.keys.size(); i++) {
                if (s.leftKeys.get(i) instanceof Column l && s.keys.get(i) instanceof Column r && sameKind(l, r)) {
                    Segment ls = segmentOf.get(resolver.tableOf(l, "on clause"));
                    if (!ls.pushable()) {
                        continue;
                    }
                    copyPins(ls, l, s, r);
                    copyPins(s, r, ls, l);
                }
            }
        }
    }

    private void copyPins(Segment from, Column fromColumn, Segment to, Column toColumn) {
        for (Expression f : List.copyOf(from.filters)) {
            if (f instanceof EqualsTo eq) {
                Expression constant = null;
                if (sameColumn(eq.getLeftExpression(), fromColumn) && ctx.constants.valueOf(eq.getRightExpression()).isPresent()) {
                    constant = eq.getRightExpression();
                } else if (sameColumn(eq.getRightExpression(), fromColumn) && ctx.constants.valueOf(eq.getLeftExpression()).isPresent()) {
                    constant = eq.getLeftExpression();
                }
                if (constant != null) {
                    EqualsTo pinned = new EqualsTo(toColumn, constant);
                    if (to.filters.stream().noneMatch(x -> x.toString().equalsIgnoreCase(pinned.toString()))) {
                        to.filters.add(pinned);
                    }
                }
            }
        }
    }

    private boolean sameColumn(Expression e, Column c) {
        return e instanceof Column x && !ColumnResolver.isKeyword(x) && resolver.tableOf(x, "where clause") == resolver.tableOf(c, "where clause")
                && MysqlStrings.unquoteIdentifier(x.getColumnName()).equalsIgnoreCase(MysqlStrings.unquoteIdentifier(c.getColumnName()));
    }

    private boolean sameKind(Column a, Column b) {
        if (!(resolver.tableOf(a, "on clause") instanceof ResolvedTable ta) || !(resolver.tableOf(b, "on clause") instanceof ResolvedTable tb)) {
            return false;
        }
        Optional<CatalogColumn> x = resolver.catalogColumn(ta, MysqlStrings.unquoteIdentifier(a.getColumnName()));
        Optional<CatalogColumn> y = resolver.catalogColumn(tb, MysqlStrings.unquoteIdentifier(b.getColumnName()));
        return x.isPresent() && y.isPresent() && x.get().kind() == y.get().kind() && x.get().kind() != ValueKind.OTHER
                && java.util.Objects.equals(x.get().collation(), y.get().collation());
    }

    /** An equality between earlier segments' expressions and this segment's: a lookup key. */
    private boolean key(Segment s, int k, Expression c) {
        if (!(c instanceof EqualsTo eq)) {
            return false;
        }
        Set<Segment> left = segmentsIn(eq.getLeftExpression(), "on clause");
        Set<Segment> right = segmentsIn(eq.getRightExpression(), "on clause");
        Expression own = right.equals(Set.of(s)) ? eq.getRightExpression() : eq.getLeftExpression();
        if (!s.sql() && !(own instanceof Column)) {
            return false; // a derived table's rows are matched by their columns only
        }
        if (right.equals(Set.of(s)) && before(left, k)) {
            s.leftKeys.add(eq.getLeftExpression());
            s.keys.add(eq.getRightExpression());
            return true;
        }
        if (left.equals(Set.of(s)) && before(right, k)) {
            s.leftKeys.add(eq.getRightExpression());
            s.keys.add(eq.getLeftExpression());
            return true;
        }
        return false;
    }

    private boolean before(Set<Segment> segs, int k) {
        return !segs.isEmpty() && segs.stream().allMatch(x -> segments.indexOf(x) < k);
    }

    static Expression and(List<Expression> conjuncts) {
        Expression out = null;
        for (Expression c : conjuncts) {
            Expression p = c instanceof net.sf.jsqlparser.expression.operators.conditional.OrExpression
                    || c instanceof net.sf.jsqlparser.expression.operators.conditional.XorExpression
                    ? new ParenthesedExpressionList<>(c) : c;
            out = out == null ? p : new AndExpression(out, p);
        }
        return out;
    }


    // ---- the items each segment returns ----

    String register(Segment s, Expression e) {
        String key = itemKey(s, e);
        if (!s.items.containsKey(key)) {
            if (frozen) {
                throw new IllegalStateException("new segment item after planning: " + e);
            }
            s.items.put(key, e);
            s.collations.add(e instanceof Column c ? columnCollation(c) : null);
        }
        return key;
    }

    String itemKey(Segment s, Expression e) {
        if (e instanceof Column c && !ColumnResolver.isKeyword(c)) {
            FromEntry t = resolver.tableOf(c, "field list");
            String name = MysqlStrings.unquoteIdentifier(c.getColumnName());
            if (t instanceof FromEntry.DerivedRows d && d.names().stream().noneMatch(name::equalsIgnoreCase)) {
                throw ColumnResolver.unknown(c, "field list");
            }
            return "c:" + t.qualifier().toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT);
        }
        return "e:" + e.toString().toLowerCase(Locale.ROOT);
    }

    private Integer columnCollation(Column c) {
        return resolver.collation(c);
    }

    /** The column qualified by its table's name in the query, so it reads the same in the segment. */
    static Column qualified(ResolvedTable t, Column c) {
        if (c.getTable() != null && c.getTable().getName() != null && c.getTable().getSchemaName() == null) {
            return c;
        }
        return new Column(new Table(MysqlStrings.quoteIdentifier(t.qualifier())), c.getColumnName());
    }


    /** Slot numbers: each segment's items follow the previous segment's. No item is added after. */
    void freeze() {
        if (frozen) {
            return;
        }
        frozen = true;
        int base = 0;
        for (Segment s : segments) {
            s.base = base;
            base += Math.max(1, s.items.size());
        }
        width = base;
    }

    int width() {
        freeze();
        return width;
    }
}
