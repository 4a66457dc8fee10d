package io.shardgate.router;

import io.shardgate.router.collation.Collation;
import io.shardgate.router.collation.Collations;
import io.shardgate.router.parse.MysqlStrings;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;

/**
 * The collation an ordering or grouping key compares by. Result metadata cannot tell: with
 * utf8mb4 results MariaDB labels every text column with utf8mb4's default collation. So the key's
 * own text decides: an explicit COLLATE, else the collation of the first column it reads, from the
 * catalog; null when neither is known (then the metadata's collation is used).
 */
final class KeyCollations {

    private KeyCollations() {
    }

    static Integer of(StatementContext ctx, Expression e) {
        if (e instanceof CollateExpression c) {
            return Collations.byName(MysqlStrings.unquoteIdentifier(c.getCollate())).map(Collation::id).orElse(null);
        }
        Column first = firstColumn(e);
        if (first == null) {
            return null;
        }
        Optional<ResolvedTable> table = tableOf(ctx, first);
        if (table.isEmpty()) {
            return null;
        }
        String name = MysqlStrings.unquoteIdentifier(first.getColumnName());
        DataNode node = table.get().placement().nodes().getFirst();
        return ctx.catalog.columns(node, table.get().name())
                .flatMap(cols -> cols.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst())
                .map(CatalogColumn::collation)
                .flatMap(Collations::byName)
                .map(Collation::id)
                .orElse(null);
    }

    static Integer[] of(StatementContext ctx, List<Expression> keys) {
        Integer[] out = new Integer[keys.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(ctx, keys.get(i));
        }
        return out;
    }

    private static Column firstColumn(Expression e) {
        if (e instanceof Column c) {
            return c;
        }
        Column[] found = new Column[1];
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                if (found[0] == null) {
                    found[0] = column;
                }
                return null;
            }
        }, null);
        return found[0];
    }

    private static Optional<ResolvedTable> tableOf(StatementContext ctx, Column c) {
        if (c.getTable() == null || c.getTable().getName() == null) {
            return ctx.tables.size() == 1 ? Optional.of(ctx.tables.getFirst()) : Optional.empty();
        }
        String q = MysqlStrings.unquoteIdentifier(c.getTable().getName());
        return ctx.tables.stream().filter(t -> t.qualifier().equalsIgnoreCase(q)).findFirst();
    }
}
