package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import java.util.ArrayList;
import java.util.HashMap;
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
import net.sf.jsqlparser.statement.select.Join;

/**
 * Decides whether a statement's tables can run whole on the backends: all on one node; only
 * global tables; or sharded tables with the same distribution joined on their shard keys
 * (child tables to their parents on the join column), with global tables alongside. Outer joins
 * must preserve a sharded side, or global rows would come back once per shard. Tables in
 * subqueries must be available locally on every node the statement runs on.
 */
final class Colocation {

    private final StatementContext ctx;
    private final List<ResolvedTable> top;
    private final List<ResolvedTable> nested;
    private final List<Join> joins;
    private final List<Expression> conditions;
    /** Equalities that relate rows of two tables: WHERE and every ON clause, outer joins' too. */
    private final List<Expression> relations;

    /**
     * @param topTables  the FROM-clause table nodes, in order
     * @param joins      the JOIN clauses (for outer-join sides and ON conditions)
     * @param where      the WHERE clause, or null
     */
    Colocation(StatementContext ctx, List<Table> topTables, List<Join> joins, Expression where) {
        this(ctx, topTables, joins, where, null);
    }

    /** @param excluded a table reference that is not part of this query (an INSERT's target) */
    Colocation(StatementContext ctx, List<Table> topTables, List<Join> joins, Expression where, Table excluded) {
        this.ctx = ctx;
        this.top = new ArrayList<>();
        this.nested = new ArrayList<>();
        for (ResolvedTable t : ctx.tables) {
            if (t.node() == excluded) {
                continue;
            }
            if (topTables.stream().anyMatch(x -> x == t.node())) {
                top.add(t);
            } else {
                nested.add(t);
            }
        }
        this.joins = joins == null ? List.of() : joins;
        this.conditions = new ArrayList<>();
        this.relations = new ArrayList<>();
        conjuncts(where, conditions);
        conjuncts(where, relations);
        for (Join j : this.joins) {
            if (j.getOnExpressions() == null) {
                continue;
            }
            j.getOnExpressions().forEach(e -> conjuncts(e, relations));
            if (!j.isOuter() && !j.isLeft() && !j.isRight() && !j.isFull()) {
                j.getOnExpressions().forEach(e -> conjuncts(e, conditions));
            }
        }
    }

    List<ResolvedTable> topTables() {
        return top;
    }

    /** Conditions that filter every result row: WHERE and INNER JOIN ... ON conjuncts. */
    List<Expression> filters() {
        return conditions;
    }

    static void conjuncts(Expression e, List<Expression> out) {
        if (e == null) {
            return;
        }
        if (e instanceof AndExpression and) {
            conjuncts(and.getLeftExpression(), out);
            conjuncts(and.getRightExpression(), out);
        } else if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
            conjuncts(p.getFirst(), out);
        } else {
            out.add(e);
        }
    }

    /** The unit, or empty when the tables cannot be evaluated together on the backends. */
    Optional<Unit> unit() {
        List<ResolvedTable> sharded = top.stream().filter(ResolvedTable::sharded).toList();
        Unit unit;
        if (!sharded.isEmpty()) {
            Optional<Unit> s = shardedUnit(sharded);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            unit = s.get();
        } else {
            Optional<Unit> s = unshardedUnit();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            unit = s.get();
        }
        return nestedAvailable(unit) ? Optional.of(unit) : Optional.empty();
    }

    private Optional<Unit> shardedUnit(List<ResolvedTable> sharded) {
        TableRule rule = rule(sharded.getFirst());
        Set<DataNode> nodes = new LinkedHashSet<>(rule.nodes());
        for (ResolvedTable t : top) {
            switch (t.placement()) {
                case Placement.Sharded s -> {
                    if (!s.rule().sameDistribution(rule)) {
                        return Optional.empty();
                    }
                }
                case Placement.Global g -> {
                    if (!g.copies().containsAll(nodes)) {
                        return Optional.empty();
                    }
                }
                case Placement.Unsharded u -> {
                    if (nodes.size() != 1 || !nodes.contains(u.node())) {
                        return Optional.empty();
                    }
                }
            }
        }
        if (sharded.size() > 1 && !keysJoined(sharded)) {
            return Optional.empty();
        }
        if (nodes.size() > 1 && !outerJoinsPreserveSharded()) {
            return Optional.empty();
        }
        List<ResolvedTable> keyed = sharded.stream().filter(t -> !nullExtended(t)).toList();
        return Optional.of(new Unit.Shards(rule, keyed));
    }

    /**
     * Whether an outer join can give this table's columns as NULLs: its key conditions (IS NULL
     * above all) then say nothing about which shard the row came from.
     */
    private boolean nullExtended(ResolvedTable t) {
        for (int i = 0; i < joins.size(); i++) {
            Join j = joins.get(i);
            if ((j.isLeft() || j.isFull()) && j.getFromItem() == t.node()) {
                return true;
            }
            if (j.isRight() || j.isFull()) {
                int index = top.indexOf(t);
                if (index >= 0 && index <= i) {
                    return true;
                }
            }
        }
        return false;
    }

    private Optional<Unit> unshardedUnit() {
        Set<DataNode> singles = new LinkedHashSet<>();
        List<List<DataNode>> copies = new ArrayList<>();
        for (ResolvedTable t : top) {
            switch (t.placement()) {
                case Placement.Unsharded u -> singles.add(u.node());
                case Placement.Global g -> copies.add(g.copies());
                case Placement.Sharded s -> throw new IllegalStateException("sharded handled elsewhere");
            }
        }
        if (singles.size() > 1) {
            return Optional.empty();
        }
        if (singles.size() == 1) {
            DataNode node = singles.iterator().next();
            return copies.stream().allMatch(c -> c.contains(node)) ? Optional.of(new Unit.SingleNode(node)) : Optional.empty();
        }
        List<DataNode> common = new ArrayList<>(copies.isEmpty() ? List.of() : copies.getFirst());
        copies.forEach(common::retainAll);
        return common.isEmpty() ? Optional.empty() : Optional.of(new Unit.AnyCopy(common));
    }

    /** Tables inside subqueries run where the outer statement runs, so they must be there whole. */
    private boolean nestedAvailable(Unit unit) {
        List<DataNode> where = switch (unit) {
            case Unit.SingleNode s -> List.of(s.node());
            case Unit.AnyCopy a -> a.candidates();
            case Unit.Shards s -> s.rule().nodes();
        };
        for (ResolvedTable t : nested) {
            boolean ok = switch (t.placement()) {
                case Placement.Global g -> g.copies().containsAll(where) || (unit instanceof Unit.AnyCopy a
                        && a.candidates().stream().anyMatch(g.copies()::contains));
                case Placement.Unsharded u -> where.size() == 1 && where.contains(u.node());
                case Placement.Sharded s -> (where.size() == 1 && s.rule().nodes().size() == 1 && where.equals(s.rule().nodes()))
                        || (unit instanceof Unit.Shards u && s.rule().sameDistribution(u.rule()) && correlatedOnKey(t, u));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A subquery over a table distributed like the outer one, tied to it by shard key
     * ({@code EXISTS (SELECT 1 FROM lines l WHERE l.order_id = o.id)}): each shard can answer for
     * its own rows.
     */
    private boolean correlatedOnKey(ResolvedTable inner, Unit.Shards unit) {
        String innerKey = rule(inner).shardColumn().toLowerCase(Locale.ROOT);
        String innerName = refName(inner);
        for (EqualsTo eq : allEqualities()) {
            if (eq.getLeftExpression() instanceof Column a && eq.getRightExpression() instanceof Column b) {
                if (keyOf(a, innerName, innerKey) && unit.keyed().stream().anyMatch(o -> keyOf(b, refName(o), rule(o).shardColumn()))
                        || keyOf(b, innerName, innerKey) && unit.keyed().stream().anyMatch(o -> keyOf(a, refName(o), rule(o).shardColumn()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean keyOf(Column c, String qualifier, String key) {
        return c.getTable() != null && c.getTable().getName() != null
                && MysqlStrings.unquoteIdentifier(c.getTable().getName()).equalsIgnoreCase(qualifier)
                && MysqlStrings.unquoteIdentifier(c.getColumnName()).equalsIgnoreCase(key);
    }

    /** Every {@code a = b} of the statement, subqueries included. */
    private List<EqualsTo> allEqualities() {
        List<EqualsTo> out = new ArrayList<>();
        net.sf.jsqlparser.util.TablesNamesFinder<Void> finder = new net.sf.jsqlparser.util.TablesNamesFinder<>() {
            @Override
            public <S> Void visit(EqualsTo equalsTo, S context) {
                out.add(equalsTo);
                return super.visit(equalsTo, context);
            }
        };
        try {
            finder.getTables(ctx.ast);
        } catch (UnsupportedOperationException e) {
            // statement kinds the finder does not walk have no subqueries to correlate
        }
        return out;
    }

    private static TableRule rule(ResolvedTable t) {
        return ((Placement.Sharded) t.placement()).rule();
    }

    /** Whether every sharded reference's key is equated (transitively) with the first one's. */
    private boolean keysJoined(List<ResolvedTable> sharded) {
        Map<String, String> parent = new HashMap<>();
        for (Expression e : relations) {
            if (e instanceof EqualsTo eq && eq.getLeftExpression() instanceof Column a && eq.getRightExpression() instanceof Column b) {
                String ka = columnKey(a);
                String kb = columnKey(b);
                if (ka != null && kb != null) {
                    union(parent, ka, kb);
                }
            }
        }
        String first = keyOf(sharded.getFirst());
        for (ResolvedTable t : sharded.subList(1, sharded.size())) {
            if (!find(parent, keyOf(t)).equals(find(parent, first))) {
                return false;
            }
        }
        return true;
    }

    private String keyOf(ResolvedTable t) {
        return refName(t) + "." + rule(t).shardColumn().toLowerCase(Locale.ROOT);
    }

    private static String refName(ResolvedTable t) {
        return t.qualifier().toLowerCase(Locale.ROOT);
    }

    /** "ref.column" for a column of a FROM-clause table, or null when it cannot be told. */
    private String columnKey(Column c) {
        String column = MysqlStrings.unquoteIdentifier(c.getColumnName()).toLowerCase(Locale.ROOT);
        if (c.getTable() != null && c.getTable().getName() != null) {
            String q = MysqlStrings.unquoteIdentifier(c.getTable().getName()).toLowerCase(Locale.ROOT);
            for (ResolvedTable t : top) {
                if (refName(t).equals(q)) {
                    return q + "." + column;
                }
            }
            return null;
        }
        return top.size() == 1 ? refName(top.getFirst()) + "." + column : null;
    }

    private static String find(Map<String, String> parent, String x) {
        String p = parent.getOrDefault(x, x);
        return p.equals(x) ? x : find(parent, p);
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    /** LEFT JOIN keeps its left side's rows, RIGHT JOIN its right side's: that side needs a sharded table. */
    private boolean outerJoinsPreserveSharded() {
        List<ResolvedTable> seen = new ArrayList<>();
        if (!top.isEmpty()) {
            seen.add(top.getFirst());
        }
        for (Join j : joins) {
            ResolvedTable right = top.stream().filter(t -> t.node() == j.getFromItem()).findFirst().orElse(null);
            if (j.isFull()) {
                return false;
            }
            if (j.isLeft() && seen.stream().noneMatch(ResolvedTable::sharded)) {
                return false;
            }
            if (j.isRight() && (right == null || !right.sharded())) {
                return false;
            }
            if (right != null) {
                seen.add(right);
            }
        }
        return true;
    }
}
