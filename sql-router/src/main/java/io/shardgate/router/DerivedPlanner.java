package io.shardgate.router;

import io.shardgate.router.merge.InProxySelect;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.plan.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * A query over rows the proxy gets from another plan: a derived table ({@code FROM (SELECT ...)
 * t}) whose SELECT spans several nodes, or the branches of a UNION. The inner query is planned on
 * its own; the outer one is evaluated by the proxy ({@link InProxySelect}) over the inner rows,
 * whose columns it names by the inner select list's names.
 */
final class DerivedPlanner implements InProxyPlanner.Source {

    private final List<String> names;
    private final String alias;

    private DerivedPlanner(List<String> names, String alias) {
        this.names = names;
        this.alias = alias;
    }

    /**
     * @param outer the query over the rows
     * @param inner the rows
     * @param alias the name the outer query calls them by (null: any qualifier is unknown)
     */
    static Primitive plan(StatementContext ctx, PlainSelect outer, Primitive inner, List<String> names, String alias) {
        DerivedPlanner source = new DerivedPlanner(names, alias);
        InProxySelect.Spec spec = InProxyPlanner.spec(ctx, new SelectParts(outer, ctx.constants), source, outer.getWhere(),
                "over " + (alias == null ? "the union" : alias));
        return new InProxySelect(inner, spec);
    }

    /** {@code SELECT ... FROM (SELECT ...) t} when the inner SELECT spans several nodes. */
    static Primitive derivedTable(StatementContext ctx, PlainSelect outer, ParenthesedSelect derived) {
        if (outer.getJoins() != null && !outer.getJoins().isEmpty()) {
            throw ShardGateException.notSupported("a derived table joined with other tables, over several shards");
        }
        if (derived.getAlias() == null) {
            throw new ShardGateException(1248, "42000", "Every derived table must have its own alias", null);
        }
        Select inner = derived.getSelect();
        StatementContext innerCtx = ctx.forStatement(inner);
        Primitive rows = SelectPlanner.plan(innerCtx, inner);
        List<String> names = outputNames(innerCtx, inner);
        checkDistinct(names);
        return plan(ctx, outer, rows, names, MysqlStrings.unquoteIdentifier(derived.getAlias().getName()));
    }

    /**
     * A UNION whose branches span several nodes: each branch planned on its own, their rows
     * concatenated; UNION DISTINCT and the union's ORDER BY and LIMIT applied by the proxy. A
     * DISTINCT union removes duplicates among all branches before it, as in MariaDB.
     */
    static Primitive union(StatementContext ctx, SetOperationList union) {
        List<Select> branches = union.getSelects();
        int lastDistinct = -1;
        for (int i = 0; i < union.getOperations().size(); i++) {
            if (!(union.getOperations().get(i) instanceof net.sf.jsqlparser.statement.select.UnionOp op)) {
                throw ShardGateException.notSupported(union.getOperations().get(i) + " of queries on different data nodes");
            }
            if (!op.isAll()) {
                lastDistinct = i;
            }
        }
        List<String> names = outputNames(ctx.forStatement(branches.getFirst()), branches.getFirst());
        List<Primitive> plans = new ArrayList<>();
        for (Select b : branches) {
            plans.add(SelectPlanner.plan(ctx.forStatement(b), b));
        }
        List<Primitive> parts = new ArrayList<>();
        if (lastDistinct >= 0) {
            Primitive distinct = new io.shardgate.router.merge.Concat(plans.subList(0, lastDistinct + 2));
            parts.add(plan(ctx, over(null, true), distinct, names, null));
            parts.addAll(plans.subList(lastDistinct + 2, plans.size()));
        } else {
            parts.addAll(plans);
        }
        Primitive rows = parts.size() == 1 ? parts.getFirst() : new io.shardgate.router.merge.Concat(parts);
        if (union.getOrderByElements() == null && union.getLimit() == null && union.getOffset() == null) {
            return rows;
        }
        PlainSelect outer = over(union, false);
        return plan(ctx, outer, rows, names, null);
    }

    /** {@code SELECT [DISTINCT] *} over the rows, with the union's ORDER BY and LIMIT. */
    private static PlainSelect over(SetOperationList union, boolean distinct) {
        PlainSelect outer = new PlainSelect();
        outer.setSelectItems(List.of(new SelectItem<>(new AllColumns())));
        if (distinct) {
            outer.setDistinct(new net.sf.jsqlparser.statement.select.Distinct());
        }
        if (union != null) {
            outer.setOrderByElements(union.getOrderByElements());
            outer.setLimit(union.getLimit());
            outer.setOffset(union.getOffset());
        }
        return outer;
    }

    /** A derived table's columns need distinct names (ERROR 1060). */
    static void checkDistinct(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (names.get(i).equalsIgnoreCase(names.get(j))) {
                    throw new ShardGateException(1060, "42S21", "Duplicate column name '" + names.get(i) + "'", null);
                }
            }
        }
    }

    /** The column names a SELECT returns: its items' names, {@code *} expanded from the catalog. */
    static List<String> outputNames(StatementContext ctx, Select select) {
        return switch (select) {
            case ParenthesedSelect p -> outputNames(ctx, p.getSelect());
            case SetOperationList u -> outputNames(ctx, u.getSelects().getFirst());
            case PlainSelect ps -> plainNames(ctx, ps);
            default -> throw ShardGateException.notSupported(select.getClass().getSimpleName() + " as a derived table");
        };
    }

    private static List<String> plainNames(StatementContext ctx, PlainSelect ps) {
        List<ResolvedTable> top = new ArrayList<>();
        for (Table t : SelectPlanner.topTables(ps)) {
            ctx.tables.stream().filter(r -> r.node() == t).findFirst().ifPresent(top::add);
        }
        ColumnResolver resolver = new ColumnResolver(ctx, top);
        List<String> out = new ArrayList<>();
        for (SelectItem<?> item : ps.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllColumns && !(e instanceof AllTableColumns)) {
                if (top.size() != (ps.getJoins() == null ? 1 : ps.getJoins().size() + 1)) {
                    throw ShardGateException.notSupported("SELECT * over a derived table in a derived table");
                }
                top.forEach(t -> resolver.columnsOf(t).forEach(c -> out.add(c.name())));
            } else if (e instanceof AllTableColumns a) {
                Column probe = new Column(a.getTable(), "x");
                out.addAll(resolver.names(resolver.tableOf(probe, "field list")));
            } else {
                out.add(InProxyPlanner.name(item));
            }
        }
        return out;
    }

    @Override
    public Optional<Integer> slot(Expression e, boolean collecting) {
        if (!(e instanceof Column c) || ColumnResolver.isKeyword(c)) {
            return Optional.empty();
        }
        Table q = c.getTable();
        if (q != null && q.getName() != null
                && (alias == null || q.getSchemaName() != null || !MysqlStrings.unquoteIdentifier(q.getName()).equalsIgnoreCase(alias))) {
            throw ColumnResolver.unknown(c, "field list");
        }
        String name = MysqlStrings.unquoteIdentifier(c.getColumnName());
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return Optional.of(i);
            }
        }
        throw ColumnResolver.unknown(c, "field list");
    }

    @Override
    public List<InProxyPlanner.StarColumn> star(SelectItem<?> item, boolean collecting) {
        if (item.getExpression() instanceof AllTableColumns a && (alias == null
                || !MysqlStrings.unquoteIdentifier(a.getTable().getName()).equalsIgnoreCase(alias))) {
            throw new ShardGateException(1051, "42S02", "Unknown table '" + MysqlStrings.unquoteIdentifier(a.getTable().getName()) + "'", null);
        }
        List<InProxyPlanner.StarColumn> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new InProxyPlanner.StarColumn(i, names.get(i)));
        }
        return out;
    }

    @Override
    public Integer collation(Expression e) {
        return null;
    }

    @Override
    public int width() {
        return names.size();
    }

    @Override
    public Integer[] slotCollations() {
        return null;
    }

    @Override
    public String what() {
        return "over " + (alias == null ? "a UNION" : "a derived table") + " across shards";
    }
}
