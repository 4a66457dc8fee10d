package io.shardgate.router;

import io.shardgate.config.ShardFunction;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.ShardStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * INSERT and REPLACE. Into a sharded table each row goes to the shard of its key value and a
 * multi-row statement is split into one statement per shard, rows in their original order; into a
 * global table every copy gets the statement; into an unsharded table its node does. Rows without
 * an AUTO_INCREMENT value get ids from the global sequence. INSERT ... SELECT runs on the backends
 * only where it can run whole: between tables distributed alike with the shard key copied across,
 * between global copies, or on one node.
 */
final class InsertPlanner {

    /** The parts of INSERT and REPLACE that routing reads, whatever JSqlParser class holds them. */
    record Shape(Table table, ExpressionList<Column> columns, Select source, List<UpdateSet> setForm,
                 List<UpdateSet> onDuplicate, String verb, java.util.function.Consumer<ExpressionList<Column>> columnSetter) {
    }

    private InsertPlanner() {
    }

    static Primitive plan(StatementContext ctx, Insert insert) {
        return plan(ctx, new Shape(insert.getTable(), insert.getColumns(), insert.getSelect(),
                insert.getSetUpdateSets(), insert.getDuplicateUpdateSets(), "INSERT", insert::setColumns));
    }

    static Primitive plan(StatementContext ctx, Upsert replace) {
        return plan(ctx, new Shape(replace.getTable(), replace.getColumns(), replace.getSelect(),
                replace.getUpdateSets(), replace.getDuplicateUpdateSets(), "REPLACE", replace::setColumns));
    }

    private static Primitive plan(StatementContext ctx, Shape shape) {
        ResolvedTable target = ctx.tables.stream().filter(t -> t.node() == shape.table()).findFirst()
                .orElseGet(ctx.tables::getFirst);
        List<ResolvedTable> sources = ctx.tables.stream().filter(t -> t != target).toList();
        return switch (target.placement()) {
            case Placement.Unsharded u -> {
                requireSourcesOn(sources, List.of(u.node()), shape, target);
                yield Sequenced.onOneNode(Sequenced.of(ctx, shape, target, u.node()),
                        ctx.route(RouteKind.UNSHARDED, target.name(), List.of(u.node())));
            }
            case Placement.Global g -> {
                requireSourcesOn(sources, g.copies(), shape, target);
                Sequenced seq = Sequenced.of(ctx, shape, target, g.copies().getFirst());
                yield seq == null ? new GlobalWrite(ctx.route(RouteKind.GLOBAL_WRITE, target.name(), g.copies()))
                        : seq.primitive(() -> new GlobalWrite(ctx.route(RouteKind.GLOBAL_WRITE, target.name(), g.copies())));
            }
            case Placement.Sharded s -> sharded(ctx, shape, target, s.rule(), sources);
        };
    }

    /** The statement runs where the target is: every table it reads must be there whole. */
    private static void requireSourcesOn(List<ResolvedTable> sources, List<DataNode> where, Shape shape, ResolvedTable target) {
        for (ResolvedTable t : sources) {
            boolean ok = switch (t.placement()) {
                case Placement.Global g -> g.copies().containsAll(where);
                case Placement.Unsharded u -> where.size() == 1 && where.contains(u.node());
                case Placement.Sharded s -> where.size() == 1 && s.rule().nodes().equals(where);
            };
            if (!ok) {
                throw ShardGateException.notSupported(shape.verb() + " into '" + target.name() + "' reading '" + t.name()
                        + "', which is not on the same data nodes");
            }
        }
    }

    private static Primitive sharded(StatementContext ctx, Shape shape, ResolvedTable target, TableRule rule,
                                     List<ResolvedTable> sources) {
        checkOnDuplicate(shape, rule);
        if (shape.setForm() == null || shape.setForm().isEmpty()) {
            if (!(shape.source() instanceof Values)) {
                return insertSelect(ctx, shape, target, rule, sources);
            }
        }
        if (!sources.isEmpty()) {
            throw ShardGateException.notSupported(shape.verb() + " into sharded table '" + rule.name()
                    + "' with a subquery in its values");
        }
        Sequenced seq = Sequenced.of(ctx, shape, target, rule.nodes().getFirst());
        return seq == null ? routeRows(ctx, shape, rule) : seq.primitive(() -> routeRows(ctx, shape, rule));
    }

    /** Routes the statement's rows as they are now (after any sequence ids were filled in). */
    static Primitive routeRows(StatementContext ctx, Shape shape, TableRule rule) {
        ShardKeyColumn kind = ctx.shardColumnKind(rule);
        if (shape.setForm() != null && !shape.setForm().isEmpty()) {
            int shard = shardOfRow(ctx, rule, kind, keyOfSetForm(shape, rule));
            return ctx.route(RouteKind.SINGLE_SHARD, rule.name(), List.of(rule.nodeOf(shard)));
        }
        Values values = (Values) shape.source();
        int keyIndex = columnIndex(ctx, shape, rule, rule.shardColumn())
                .orElseThrow(() -> missingKey(shape, rule));
        List<ExpressionList<?>> rows = rowsOf(values);
        Map<Integer, List<ExpressionList<?>>> byShard = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            ExpressionList<?> row = rows.get(r);
            if (keyIndex >= row.size()) {
                throw new ShardGateException(1136, "21S01", "Column count doesn't match value count at row " + (r + 1), null);
            }
            int shard = shardOfRow(ctx, rule, kind, row.get(keyIndex));
            byShard.computeIfAbsent(shard, k -> new ArrayList<>()).add(row);
        }
        if (byShard.size() == 1) {
            int shard = byShard.keySet().iterator().next();
            return ctx.route(RouteKind.SINGLE_SHARD, rule.name(), List.of(rule.nodeOf(shard)));
        }
        ExpressionList<Expression> original = values.getExpressions();
        List<ShardStatement> statements = new ArrayList<>();
        try {
            for (Map.Entry<Integer, List<ExpressionList<?>>> e : byShard.entrySet()) {
                DataNode node = rule.nodeOf(e.getKey());
                values.setExpressions(new ExpressionList<Expression>(List.<Expression>copyOf(e.getValue())));
                statements.add(new ShardStatement(node.name(), node.database(), ctx.render(node)));
            }
        } finally {
            values.setExpressions(original);
        }
        return new Route(RouteKind.SHARD_LIST, rule.name(), ctx.logicalSchema(), statements, true);
    }

    /**
     * {@code INSERT INTO t SELECT ... FROM s}: each shard can copy its own rows when s is
     * distributed like t and the value going into t's shard column is s's shard column.
     */
    private static Primitive insertSelect(StatementContext ctx, Shape shape, ResolvedTable target, TableRule rule,
                                          List<ResolvedTable> sources) {
        if (!(shape.source() instanceof PlainSelect ps)) {
            throw ShardGateException.notSupported(shape.verb() + " ... SELECT with a compound query into sharded table '"
                    + rule.name() + "'");
        }
        Colocation colocation = new Colocation(ctx, SelectPlanner.topTables(ps), ps.getJoins(), ps.getWhere(), target.node());
        Optional<Unit> unit = colocation.unit();
        if (unit.isEmpty() || !(unit.get() instanceof Unit.Shards shards) || !shards.rule().sameDistribution(rule)) {
            throw ShardGateException.notSupported(shape.verb() + " ... SELECT into sharded table '" + rule.name()
                    + "' from tables not distributed like it");
        }
        Optional<Integer> keyIndex = columnIndex(ctx, shape, rule, rule.shardColumn());
        List<SelectItem<?>> items = ps.getSelectItems();
        boolean keyCopied = keyIndex.isPresent() && keyIndex.get() < items.size()
                && items.get(keyIndex.get()).getExpression() instanceof Column c
                && shards.keyed().stream().anyMatch(t -> ShardKeys.namesShardColumn(c, shards.rule()));
        if (!keyCopied) {
            throw ShardGateException.notSupported(shape.verb() + " ... SELECT into sharded table '" + rule.name()
                    + "' whose shard column '" + rule.shardColumn() + "' is not filled from the source's shard column");
        }
        ShardSet set = SelectPlanner.prune(ctx, shards, colocation.filters());
        List<DataNode> nodes = SelectPlanner.nodesOf(rule, set);
        return ctx.route(nodes.size() == 1 ? RouteKind.SINGLE_SHARD : RouteKind.SCATTER, rule.name(), nodes);
    }

    private static void checkOnDuplicate(Shape shape, TableRule rule) {
        if (shape.onDuplicate() == null) {
            return;
        }
        for (UpdateSet set : shape.onDuplicate()) {
            for (Column c : set.getColumns()) {
                if (ShardKeys.namesShardColumn(c, rule)) {
                    throw ShardGateException.notSupported("ON DUPLICATE KEY UPDATE of shard column '"
                            + rule.shardColumn() + "' of table '" + rule.name() + "'");
                }
            }
        }
    }

    /**
     * A one-row VALUES list is a parenthesized list of values; several rows are a plain list of
     * parenthesized lists.
     */
    static List<ExpressionList<?>> rowsOf(Values values) {
        ExpressionList<?> top = values.getExpressions();
        if (top instanceof ParenthesedExpressionList<?>) {
            return List.of(top);
        }
        List<ExpressionList<?>> rows = new ArrayList<>(top.size());
        for (Expression e : top) {
            if (!(e instanceof ExpressionList<?> row)) {
                throw ShardGateException.notSupported("VALUES row that is not a parenthesized list: " + e);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Where a column's value sits in each row: the column list's order, or the table's. */
    static Optional<Integer> columnIndex(StatementContext ctx, Shape shape, TableRule rule, String column) {
        List<String> names = columnNames(ctx, shape, rule.nodes().getFirst(), rule.name());
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(column)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    static List<String> columnNames(StatementContext ctx, Shape shape, DataNode node, String table) {
        List<String> names = new ArrayList<>();
        if (shape.columns() != null && !shape.columns().isEmpty()) {
            shape.columns().forEach(c -> names.add(MysqlStrings.unquoteIdentifier(c.getColumnName())));
        } else {
            ctx.catalog.columns(node, table)
                    .orElseThrow(() -> ShardGateException.notSupported(shape.verb() + " without a column list into '"
                            + table + "' whose columns ShardGate cannot read from data node '" + node.name() + "'"))
                    .forEach(c -> names.add(c.name()));
        }
        return names;
    }

    private static Expression keyOfSetForm(Shape shape, TableRule rule) {
        for (UpdateSet set : shape.setForm()) {
            for (int i = 0; i < set.getColumns().size(); i++) {
                if (ShardKeys.namesShardColumn(set.getColumn(i), rule)) {
                    return set.getValue(i);
                }
            }
        }
        throw missingKey(shape, rule);
    }

    private static ShardGateException missingKey(Shape shape, TableRule rule) {
        return ShardGateException.notSupported(shape.verb() + " into sharded table '" + rule.name()
                + "' without a value for its shard column '" + rule.shardColumn() + "'");
    }

    /** Rows with a NULL key live on shard 0. */
    private static int shardOfRow(StatementContext ctx, TableRule rule, ShardKeyColumn kind, Expression keyExpression) {
        Object constant = ctx.constants.valueOf(keyExpression)
                .orElseThrow(() -> ShardGateException.notSupported("non-constant value '" + keyExpression
                        + "' for shard column '" + rule.shardColumn() + "' of table '" + rule.name() + "'"));
        if (constant == Constants.NULL) {
            return 0;
        }
        Optional<Object> key = ShardKeyValue.coerce(constant, kind, true);
        String shown = constant instanceof byte[] ? "binary value" : String.valueOf(constant);
        if (key.isEmpty()) {
            if (kind != null && kind.kind() == ValueKind.INTEGER) {
                throw new ShardGateException(ErrorCode.INCORRECT_INTEGER_VALUE, shown, rule.name(), rule.shardColumn());
            }
            throw ShardGateException.notSupported("value '" + shown + "' for shard column '" + rule.shardColumn()
                    + "' of table '" + rule.name() + "': cannot be placed on a shard");
        }
        if (key.get() == Constants.NULL) {
            return 0;
        }
        try {
            return rule.function().shardOf(key.get());
        } catch (ShardFunction.NoShardException e) {
            throw new ShardGateException(1526, "HY000", "Table has no partition for value " + shown
                    + " (table '" + rule.name() + "': " + e.getMessage() + ")", null);
        } catch (IllegalArgumentException e) {
            throw ShardGateException.notSupported("value '" + shown + "' for shard column '" + rule.shardColumn()
                    + "' of table '" + rule.name() + "': " + e.getMessage());
        }
    }
}
