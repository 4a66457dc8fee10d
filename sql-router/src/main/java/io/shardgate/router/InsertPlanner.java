package io.shardgate.router;

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
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * INSERT and REPLACE: each row goes to the shard of its shard-key value; a multi-row statement is
 * split into one statement per shard holding that shard's rows, in their original order.
 */
final class InsertPlanner {

    /** The parts of INSERT and REPLACE that routing reads, whatever JSqlParser class holds them. */
    private record Shape(Table table, List<Column> columns, Select source, List<UpdateSet> setForm,
                         List<UpdateSet> onDuplicate, String verb) {
    }

    private InsertPlanner() {
    }

    static Primitive plan(StatementContext ctx, Insert insert) {
        return plan(ctx, new Shape(insert.getTable(), columnsOf(insert.getColumns()), insert.getSelect(),
                insert.getSetUpdateSets(), insert.getDuplicateUpdateSets(), "INSERT"));
    }

    static Primitive plan(StatementContext ctx, Upsert replace) {
        return plan(ctx, new Shape(replace.getTable(), columnsOf(replace.getColumns()), replace.getSelect(),
                replace.getUpdateSets(), replace.getDuplicateUpdateSets(), "REPLACE"));
    }

    private static List<Column> columnsOf(ExpressionList<Column> columns) {
        return columns == null ? List.of() : List.copyOf(columns);
    }

    private static Primitive plan(StatementContext ctx, Shape shape) {
        ResolvedTable target = ctx.tables.stream().filter(t -> t.node() == shape.table()).findFirst()
                .orElseGet(ctx.tables::getFirst);
        if (!target.sharded()) {
            if (!ctx.shardedTables().isEmpty()) {
                throw ShardGateException.notSupported(shape.verb() + " into unsharded table '" + target.name()
                        + "' reading sharded table '" + ctx.shardedTables().getFirst().name() + "'");
            }
            return UnshardedRoute.plan(ctx, shape.verb());
        }
        TableRule rule = ((Placement.Sharded) target.placement()).rule();
        if (ctx.tables.size() > 1) {
            throw ShardGateException.notSupported(shape.verb() + " ... SELECT (or a subquery) into sharded table '"
                    + rule.name() + "'");
        }
        checkOnDuplicate(shape, rule);
        ValueKind kind = ctx.shardColumnKind(rule);
        if (shape.setForm() != null && !shape.setForm().isEmpty()) {
            int shard = shardOfRow(ctx, rule, kind, keyOfSetForm(shape, rule));
            return ctx.route(RouteKind.SINGLE_SHARD, rule.name(), List.of(rule.nodeOf(shard)));
        }
        if (!(shape.source() instanceof Values values)) {
            throw ShardGateException.notSupported(shape.verb() + " ... SELECT into sharded table '" + rule.name() + "'");
        }
        int keyIndex = shardColumnIndex(ctx, shape, rule);
        List<ExpressionList<?>> rows = rowsOf(values);
        Map<Integer, List<ExpressionList<?>>> byShard = new LinkedHashMap<>();
        for (ExpressionList<?> row : rows) {
            if (keyIndex >= row.size()) {
                throw new ShardGateException(1136, "21S01", "Column count doesn't match value count at row "
                        + (rows.indexOf(row) + 1), null);
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
        return new Route(RouteKind.SHARD_LIST, rule.name(), ctx.logicalSchema(), statements);
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
    private static List<ExpressionList<?>> rowsOf(Values values) {
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

    private static int shardColumnIndex(StatementContext ctx, Shape shape, TableRule rule) {
        List<String> names = new ArrayList<>();
        if (!shape.columns().isEmpty()) {
            shape.columns().forEach(c -> names.add(MysqlStrings.unquoteIdentifier(c.getColumnName())));
        } else {
            List<CatalogColumn> known = ctx.catalog.columns(rule.nodes().getFirst(), rule.name())
                    .orElseThrow(() -> ShardGateException.notSupported(shape.verb() + " without a column list into sharded table '"
                            + rule.name() + "' whose columns ShardGate cannot read from data node '"
                            + rule.nodes().getFirst().name() + "'"));
            known.forEach(c -> names.add(c.name()));
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(rule.shardColumn())) {
                return i;
            }
        }
        throw missingKey(shape, rule);
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
    private static int shardOfRow(StatementContext ctx, TableRule rule, ValueKind kind, Expression keyExpression) {
        Object constant = ctx.constants.valueOf(keyExpression)
                .orElseThrow(() -> ShardGateException.notSupported("non-constant value '" + keyExpression
                        + "' for shard column '" + rule.shardColumn() + "' of table '" + rule.name() + "'"));
        if (constant == Constants.NULL) {
            return 0;
        }
        Optional<Object> key = ShardKeyValue.coerce(constant, kind, true);
        if (key.isEmpty()) {
            String shown = constant instanceof byte[] ? "binary value" : String.valueOf(constant);
            if (kind == ValueKind.INTEGER) {
                throw new ShardGateException(ErrorCode.INCORRECT_INTEGER_VALUE, shown, rule.name(), rule.shardColumn());
            }
            throw ShardGateException.notSupported("value '" + shown + "' for shard column '" + rule.shardColumn()
                    + "' of table '" + rule.name() + "': cannot be placed on a shard");
        }
        return key.get() == Constants.NULL ? 0 : rule.function().shardOf(key.get());
    }
}
