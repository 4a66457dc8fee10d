package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Every table a statement names, anywhere (joins, subqueries, CTE bodies), as the AST nodes
 * themselves so they can be rewritten per data node; plus columns qualified with a schema
 * ({@code shop.orders.id}), whose schema part needs the same rewrite.
 */
final class TableReferences extends TablesNamesFinder<Void> {

    private final List<Table> tables = new ArrayList<>();
    private final List<Column> schemaQualifiedColumns = new ArrayList<>();
    private final Set<String> cteNames = new HashSet<>();

    private TableReferences() {
        init(false);
    }

    static TableReferences of(Statement statement) {
        TableReferences refs = new TableReferences();
        try {
            statement.accept(refs, null);
        } catch (UnsupportedOperationException finderCannot) {
            // TablesNamesFinder throws for statement kinds it does not know (SET, SHOW, CREATE DATABASE...)
            throw ShardGateException.notSupported(statement.getClass().getSimpleName() + " statement");
        }
        return refs;
    }

    /** The tables named inside expressions (a CALL's arguments, which TablesNamesFinder does not visit). */
    static TableReferences in(List<? extends net.sf.jsqlparser.expression.Expression> expressions) {
        TableReferences refs = new TableReferences();
        if (expressions != null) {
            expressions.forEach(e -> e.accept(refs, null));
        }
        return refs;
    }

    @Override
    public <S> Void visit(Table table, S context) {
        if (table.getSchemaName() != null || !cteNames.contains(lower(table.getName()))) {
            if (tables.stream().noneMatch(t -> t == table)) {
                tables.add(table);
            }
        }
        return super.visit(table, context);
    }

    @Override
    public <S> Void visit(WithItem<?> withItem, S context) {
        if (withItem.getAlias() != null) {
            cteNames.add(lower(withItem.getAlias().getName()));
        }
        return super.visit(withItem, context);
    }

    @Override
    public <S> Void visit(Column column, S context) {
        Table t = column.getTable();
        if (t != null && t.getSchemaName() != null) {
            schemaQualifiedColumns.add(column);
        }
        return super.visit(column, context);
    }

    /** Table nodes in the order met, CTE references excluded. */
    List<Table> tables() {
        List<Table> out = new ArrayList<>();
        for (Table t : tables) {
            if (t.getSchemaName() != null || !cteNames.contains(lower(t.getName()))) {
                out.add(t);
            }
        }
        return out;
    }

    List<Column> schemaQualifiedColumns() {
        return schemaQualifiedColumns;
    }

    static String name(Table t) {
        return MysqlStrings.unquoteIdentifier(t.getName());
    }

    static String schema(Table t) {
        return t.getSchemaName() == null ? null : MysqlStrings.unquoteIdentifier(t.getSchemaName());
    }

    private static String lower(String s) {
        return MysqlStrings.unquoteIdentifier(s).toLowerCase(Locale.ROOT);
    }
}
