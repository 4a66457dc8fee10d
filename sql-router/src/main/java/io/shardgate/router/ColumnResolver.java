package io.shardgate.router;

import io.shardgate.router.collation.Collation;
import io.shardgate.router.collation.Collations;
import io.shardgate.router.parse.MysqlStrings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * MariaDB's name resolution for the FROM clause of a query the proxy evaluates itself: which table
 * a column reference names (qualified by alias or name, or found in exactly one table's columns
 * from the catalog), with MariaDB's errors 1054 and 1052 when none or several do.
 */
final class ColumnResolver {

    private final StatementContext ctx;
    private final List<FromEntry> tables;

    ColumnResolver(StatementContext ctx, List<? extends FromEntry> tables) {
        this.ctx = ctx;
        this.tables = List.copyOf(tables);
    }

    /** The entry a column reference names; {@code clause} words the error ("field list", "where clause"). */
    FromEntry tableOf(Column c, String clause) {
        return find(c).orElseThrow(() -> unknown(c, clause));
    }

    private Optional<FromEntry> find(Column c) {
        String name = MysqlStrings.unquoteIdentifier(c.getColumnName());
        Table q = c.getTable();
        if (q != null && q.getName() != null) {
            String qualifier = MysqlStrings.unquoteIdentifier(q.getName());
            String schema = q.getSchemaName() == null ? null : MysqlStrings.unquoteIdentifier(q.getSchemaName());
            for (FromEntry entry : tables) {
                boolean matches = switch (entry) {
                    case ResolvedTable t -> t.node().getAlias() != null
                            ? schema == null && MysqlStrings.unquoteIdentifier(t.node().getAlias().getName()).equalsIgnoreCase(qualifier)
                            : t.name().equalsIgnoreCase(qualifier) && (schema == null || schema.equalsIgnoreCase(t.schema()));
                    case FromEntry.DerivedRows d -> schema == null && d.alias().equalsIgnoreCase(qualifier);
                };
                if (matches) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }
        List<FromEntry> having = new ArrayList<>();
        for (FromEntry t : tables) {
            if (names(t).stream().anyMatch(x -> x.equalsIgnoreCase(name))) {
                having.add(t);
            }
        }
        if (having.size() > 1) {
            throw new ShardGateException(ErrorCode.AMBIGUOUS_FIELD, name, "field list");
        }
        return having.isEmpty() ? Optional.empty() : Optional.of(having.getFirst());
    }

    static ShardGateException unknown(Column c, String clause) {
        String shown = c.getTable() != null && c.getTable().getName() != null
                ? MysqlStrings.unquoteIdentifier(c.getTable().getName()) + "." + MysqlStrings.unquoteIdentifier(c.getColumnName())
                : MysqlStrings.unquoteIdentifier(c.getColumnName());
        return new ShardGateException(ErrorCode.BAD_FIELD, shown, clause);
    }

    /** The column names of an entry, in order. */
    List<String> names(FromEntry entry) {
        return switch (entry) {
            case ResolvedTable t -> columnsOf(t).stream().map(CatalogColumn::name).toList();
            case FromEntry.DerivedRows d -> d.names();
        };
    }

    /** The table's columns from the catalog, in table order; 1146 when it has none there. */
    List<CatalogColumn> columnsOf(ResolvedTable t) {
        DataNode node = t.placement().nodes().getFirst();
        return ctx.catalog.columns(node, t.name())
                .orElseThrow(() -> new ShardGateException(ErrorCode.NO_SUCH_TABLE, t.schema(), t.name()));
    }

    /** The catalog entry of a resolved column reference, if the catalog knows it. */
    Optional<CatalogColumn> catalogColumn(ResolvedTable t, String column) {
        return columnsOf(t).stream().filter(c -> c.name().equalsIgnoreCase(column)).findFirst();
    }

    /**
     * The tables of this FROM clause an expression reads, subqueries included: there only columns
     * qualified by one of these tables' names (and not by the subquery's own tables) count.
     */
    Set<FromEntry> tablesIn(Expression e, String clause) {
        Set<FromEntry> out = new LinkedHashSet<>();
        if (e == null) {
            return out;
        }
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                if (!isKeyword(column)) {
                    out.add(tableOf(column, clause));
                }
                return null;
            }

            @Override
            public <S> Void visit(ParenthesedSelect select, S context) {
                out.addAll(outerTablesOf(select));
                return null;
            }

            @Override
            public <S> Void visit(Select select, S context) {
                out.addAll(outerTablesOf(select));
                return null;
            }
        }, null);
        return out;
    }

    /** Whether an expression holds a subquery. */
    static boolean hasSubquery(Expression e) {
        boolean[] found = new boolean[1];
        if (e != null) {
            e.accept(new ExpressionVisitorAdapter<Void>() {
                @Override
                public <S> Void visit(ParenthesedSelect select, S context) {
                    found[0] = true;
                    return null;
                }

                @Override
                public <S> Void visit(Select select, S context) {
                    found[0] = true;
                    return null;
                }
            }, null);
        }
        return found[0];
    }

    /** JSqlParser reads some keywords used as values as columns ({@code TRUE}, {@code CURRENT_DATE}). */
    static boolean isKeyword(Column c) {
        if (c.getTable() != null && c.getTable().getName() != null) {
            return false;
        }
        String n = c.getColumnName().toUpperCase(Locale.ROOT);
        return n.equals("TRUE") || n.equals("FALSE") || n.equals("CURRENT_DATE") || n.equals("CURRENT_TIME")
                || n.equals("CURRENT_TIMESTAMP") || n.equals("LOCALTIME") || n.equals("LOCALTIMESTAMP")
                || n.equals("CURRENT_USER") || n.equals("UTC_DATE") || n.equals("UTC_TIME") || n.equals("UTC_TIMESTAMP");
    }

    private Set<FromEntry> outerTablesOf(Select sub) {
        Set<String> own = Subqueries.ownNames(sub);
        String text = sub.toString().toLowerCase(Locale.ROOT);
        Set<FromEntry> out = new LinkedHashSet<>();
        for (FromEntry t : tables) {
            String q = lower(t.qualifier());
            if (!own.contains(q) && Subqueries.mentionsQualifier(text, q)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The collation text of an expression compares by: an explicit COLLATE, else that of the first
     * column it reads (from the catalog); null when unknown (the result metadata's is used).
     */
    Integer collation(Expression e) {
        if (e instanceof CollateExpression c) {
            return Collations.byName(MysqlStrings.unquoteIdentifier(c.getCollate())).map(Collation::id).orElse(null);
        }
        Column[] first = new Column[1];
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                if (first[0] == null && !isKeyword(column)) {
                    first[0] = column;
                }
                return null;
            }
        }, null);
        if (first[0] == null) {
            return null;
        }
        Optional<FromEntry> t = find(first[0]);
        return t.filter(ResolvedTable.class::isInstance)
                .flatMap(table -> catalogColumn((ResolvedTable) table, MysqlStrings.unquoteIdentifier(first[0].getColumnName())))
                .map(CatalogColumn::collation)
                .flatMap(Collations::byName)
                .map(Collation::id)
                .orElse(null);
    }

    private static String lower(String name) {
        return MysqlStrings.unquoteIdentifier(name).toLowerCase(Locale.ROOT);
    }
}
